package ru.wbassist.console.synclogs;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import ru.wbassist.api.Admin;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.common.ViewSupport.CopyAction;

/** Sync logs: filter bar, the page of runs, the selected run's details (its error in full). */
public final class SyncLogsView {

    private SyncLogsView() {}

    public static Node create(SyncLogsViewModel model, Texts texts) {
        ComboBox<?> cabinet = ViewSupport.combo("syncCabinetFilter", model.cabinetChoices(), model.cabinetProperty());
        ComboBox<?> dataSet = ViewSupport.combo("syncDataSetFilter", model.dataSetChoices(), model.dataSetProperty());
        ComboBox<?> status = ViewSupport.combo("syncStatusFilter", model.statusChoices(), model.statusProperty());
        cabinet.setPrefWidth(220);
        DatePicker from = new DatePicker();
        from.setId("syncFrom");
        from.setPromptText(texts.get("sync.from_day"));
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromDayProperty());
        DatePicker to = new DatePicker();
        to.setId("syncTo");
        to.setPromptText(texts.get("sync.to_day"));
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toDayProperty());
        CheckBox live = new CheckBox(texts.get("common.live_refresh"));
        live.setId("syncLiveRefresh");
        live.selectedProperty().bindBidirectional(model.liveRefreshProperty());
        Button refresh = new Button(texts.get("common.refresh"));
        refresh.setOnAction(event -> model.refresh());
        Button export = ViewSupport.exportButton("syncLogsExport", texts, model::exportFileName, model::export);
        Label message = new Label();
        message.setId("syncLogsMessage");
        message.textProperty().bind(model.messageProperty());

        HBox filters = new HBox(
                8,
                cabinet,
                dataSet,
                status,
                from,
                to,
                live,
                refresh,
                export,
                message,
                ViewSupport.statusLine("syncLogsError", model.activity()));
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<Admin.SyncLogEntry> table = new TableView<>(model.rows());
        table.setId("syncLogsTable");
        table.getColumns()
                .setAll(List.of(
                        ViewSupport.column(texts.get("column.id"), 60, Admin.SyncLogEntry::id),
                        ViewSupport.column(texts.get("column.cabinet"), 190, Admin.SyncLogEntry::cabinetName),
                        ViewSupport.column(texts.get("column.data_set"), 110, Admin.SyncLogEntry::dataSet),
                        ViewSupport.column(texts.get("column.status"), 90, Admin.SyncLogEntry::status, texts::status),
                        ViewSupport.timeColumn(texts.get("column.started"), Admin.SyncLogEntry::startedAt),
                        ViewSupport.timeColumn(texts.get("column.completed"), Admin.SyncLogEntry::completedAt),
                        ViewSupport.column(texts.get("column.records"), 80, Admin.SyncLogEntry::recordsProcessed),
                        ViewSupport.column(texts.get("column.error"), 380, Admin.SyncLogEntry::errorMessage)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(texts.get("sync.none")));
        ViewSupport.copyMenu(
                table,
                new CopyAction<>(texts.get("copy.log_id"), e -> String.valueOf(e.id())),
                new CopyAction<>(texts.get("copy.cabinet_id"), e -> String.valueOf(e.cabinetId())),
                new CopyAction<>(texts.get("copy.error"), e -> e.errorMessage() == null ? "" : e.errorMessage()));
        ViewSupport.highlight(table, model.freshFailures(), Admin.SyncLogEntry::id);
        ViewSupport.bindSelection(table, model.selectedProperty());

        TextArea details = new TextArea();
        details.setId("syncLogDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText(texts.get("sync.select_for_details"));
        details.textProperty().bind(model.detailsProperty());

        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        BorderPane.setMargin(filters, new Insets(0, 0, 8, 0));
        root.setBottom(ViewSupport.pager("sync", model.paging(), model::previousPage, model::nextPage, texts));
        root.setPadding(new Insets(12));
        return root;
    }
}
