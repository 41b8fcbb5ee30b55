package ru.wbassist.console.answers;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ru.wbassist.api.Admin;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.common.ViewSupport.CopyAction;

/**
 * Reviews and questions: filters, the items with their answer state above, the answers sent from WB Assist below,
 * and the selected row's details beside them.
 */
public final class AnswersView {

    private AnswersView() {}

    public static Node create(AnswersViewModel model, Texts texts) {
        ComboBox<?> cabinet =
                ViewSupport.combo("answersCabinetFilter", model.cabinetChoices(), model.cabinetProperty());
        cabinet.setPrefWidth(230);
        ComboBox<?> kind = ViewSupport.combo("answersKindFilter", model.kindChoices(), model.kindProperty());
        ComboBox<?> answered =
                ViewSupport.combo("answersAnsweredFilter", model.answeredChoices(), model.answeredProperty());
        Button refresh = new Button(texts.get("common.refresh"));
        refresh.setId("answersRefresh");
        refresh.setOnAction(event -> model.refreshAll());
        HBox filters = new HBox(
                8,
                cabinet,
                kind,
                answered,
                refresh,
                ViewSupport.statusLine("answersError", model.itemsActivity(), model.answersActivity()));
        filters.setAlignment(Pos.CENTER_LEFT);

        TableColumn<Admin.ItemToAnswer, String> state =
                ViewSupport.column(texts.get("column.answer_state"), 235, model::state);
        state.setMinWidth(215); // the state is what the operator scans for; a squeezed table cuts the others first
        TableView<Admin.ItemToAnswer> items = new TableView<>(model.items());
        items.setId("itemsTable");
        items.getColumns()
                .setAll(List.of(
                        ViewSupport.timeColumn(texts.get("column.created"), Admin.ItemToAnswer::createdDate),
                        ViewSupport.column(texts.get("column.cabinet"), 105, Admin.ItemToAnswer::cabinetName),
                        ViewSupport.column(texts.get("column.kind"), 70, Admin.ItemToAnswer::kind, model::kindLabel),
                        ViewSupport.column(texts.get("column.rating"), 70, model::rating),
                        ViewSupport.column(texts.get("column.product"), 120, Admin.ItemToAnswer::product),
                        ViewSupport.column(texts.get("column.text"), 150, Admin.ItemToAnswer::text),
                        state,
                        ViewSupport.column(texts.get("column.answer"), 160, Admin.ItemToAnswer::answerText)));
        items.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        items.setPlaceholder(new Label(texts.get("answers.no_items")));
        ViewSupport.copyMenu(
                items,
                new CopyAction<>(texts.get("copy.item_id"), Admin.ItemToAnswer::itemId),
                new CopyAction<>(texts.get("copy.cabinet_id"), i -> String.valueOf(i.cabinetId())));
        ViewSupport.bindSelection(items, model.selectedItemProperty());
        VBox itemsBox = new VBox(
                6,
                items,
                ViewSupport.pager("items", model.itemPaging(), model::previousItems, model::nextItems, texts));
        VBox.setVgrow(items, Priority.ALWAYS);

        ComboBox<?> status =
                ViewSupport.combo("answersStatusFilter", model.answerStatusChoices(), model.answerStatusProperty());
        Label historyTitle = new Label(texts.get("answers.history"));
        historyTitle.getStyleClass().add("section-title");
        HBox historyBar = new HBox(8, historyTitle, status);
        historyBar.setAlignment(Pos.CENTER_LEFT);
        TableView<Admin.SentAnswer> history = new TableView<>(model.answers());
        history.setId("answersTable");
        history.getColumns()
                .setAll(List.of(
                        ViewSupport.timeColumn(texts.get("column.sent"), Admin.SentAnswer::createdAt),
                        ViewSupport.column(texts.get("column.cabinet"), 130, Admin.SentAnswer::cabinetName),
                        ViewSupport.column(texts.get("column.kind"), 70, Admin.SentAnswer::kind, model::kindLabel),
                        ViewSupport.column(texts.get("column.sender"), 170, model::sender),
                        ViewSupport.column(
                                texts.get("column.status"), 100, Admin.SentAnswer::status, model::statusLabel),
                        ViewSupport.column(texts.get("column.wb_error"), 170, Admin.SentAnswer::wbError),
                        ViewSupport.column(texts.get("column.answer"), 250, Admin.SentAnswer::text)));
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label(texts.get("answers.no_answers")));
        ViewSupport.copyMenu(
                history,
                new CopyAction<>(texts.get("copy.item_id"), Admin.SentAnswer::itemId),
                new CopyAction<>(texts.get("copy.telegram_id"), a -> String.valueOf(a.telegramId())));
        ViewSupport.bindSelection(history, model.selectedAnswerProperty());
        VBox historyBox = new VBox(
                6,
                historyBar,
                history,
                ViewSupport.pager("answers", model.answerPaging(), model::previousAnswers, model::nextAnswers, texts));
        VBox.setVgrow(history, Priority.ALWAYS);

        SplitPane tables = new SplitPane(itemsBox, historyBox);
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.55);

        TextArea details = new TextArea();
        details.setId("answersDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPromptText(texts.get("answers.select_for_details"));
        details.textProperty().bind(model.detailsProperty());
        SplitPane split = new SplitPane(tables, details);
        split.setDividerPositions(0.8);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        BorderPane.setMargin(filters, new Insets(0, 0, 8, 0));
        root.setPadding(new Insets(12));
        return root;
    }
}
