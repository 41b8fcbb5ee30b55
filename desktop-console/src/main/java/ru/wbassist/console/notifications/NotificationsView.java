package ru.wbassist.console.notifications;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import ru.wbassist.api.Admin;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.common.ViewSupport.CopyAction;
import ru.wbassist.console.telegram.TelegramHtml;
import ru.wbassist.console.telegram.TelegramHtmlView;

/**
 * Notification history: filters, live refresh, export, the page (new failures in red), and for the selected row its
 * delivery details, the message preview and "Retry".
 */
public final class NotificationsView {

    private NotificationsView() {}

    public static Node create(NotificationsViewModel model, Texts texts) {
        ComboBox<?> user = ViewSupport.combo("notificationUserFilter", model.userChoices(), model.userProperty());
        ComboBox<?> cabinet =
                ViewSupport.combo("notificationCabinetFilter", model.cabinetChoices(), model.cabinetProperty());
        ComboBox<?> type = ViewSupport.combo("notificationTypeFilter", model.typeChoices(), model.typeProperty());
        ComboBox<?> status =
                ViewSupport.combo("notificationStatusFilter", model.statusChoices(), model.statusProperty());
        user.setPrefWidth(230);
        cabinet.setPrefWidth(210);
        Button refresh = new Button(texts.get("common.refresh"));
        refresh.setId("notificationsRefresh");
        refresh.setOnAction(event -> model.refreshAll());
        CheckBox live = new CheckBox(texts.get("common.live_refresh"));
        live.setId("notificationsLiveRefresh");
        live.selectedProperty().bindBidirectional(model.liveRefreshProperty());
        Button export = ViewSupport.exportButton("notificationsExport", texts, model::exportFileName, model::export);
        HBox filters = new HBox(
                8,
                user,
                cabinet,
                type,
                status,
                live,
                refresh,
                export,
                ViewSupport.statusLine("notificationsError", model.activity()));
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<Admin.NotificationEntry> table = new TableView<>(model.rows());
        table.setId("notificationsTable");
        table.getColumns()
                .setAll(List.of(
                        ViewSupport.column(texts.get("column.id"), 45, Admin.NotificationEntry::id),
                        ViewSupport.timeColumn(texts.get("column.created"), Admin.NotificationEntry::createdAt),
                        ViewSupport.column(texts.get("column.user"), 70, Admin.NotificationEntry::telegramId),
                        ViewSupport.column(texts.get("column.cabinet_short"), 40, Admin.NotificationEntry::cabinetId),
                        ViewSupport.typeColumn(texts.get("column.type"), 140, Admin.NotificationEntry::type, texts),
                        ViewSupport.column(
                                texts.get("column.status"), 90, Admin.NotificationEntry::status, texts::status),
                        ViewSupport.column(texts.get("column.attempts"), 35, Admin.NotificationEntry::attempts),
                        ViewSupport.column(
                                texts.get("column.suppressed"), 80, Admin.NotificationEntry::suppressedReason),
                        ViewSupport.column(texts.get("column.last_error"), 90, Admin.NotificationEntry::lastError),
                        messageColumn(texts)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(texts.get("notifications.none")));
        ViewSupport.copyMenu(
                table,
                new CopyAction<>(texts.get("copy.notification_id"), n -> String.valueOf(n.id())),
                new CopyAction<>(texts.get("copy.telegram_id"), n -> String.valueOf(n.telegramId())),
                new CopyAction<>(texts.get("copy.html"), Admin.NotificationEntry::text));
        ViewSupport.highlight(table, model.freshFailures(), Admin.NotificationEntry::id);
        ViewSupport.bindSelection(table, model.selectedProperty());

        TextFlow message = TelegramHtmlView.create();
        message.setId("notificationPreview");
        model.previewHtmlProperty().addListener((obs, old, html) -> TelegramHtmlView.show(message, html));
        ScrollPane bubble = new ScrollPane(message);
        bubble.setFitToWidth(true);
        bubble.getStyleClass().add("message-bubble");
        VBox.setVgrow(bubble, Priority.ALWAYS);
        Label previewTitle = new Label(texts.get("notifications.as_user_sees"));
        previewTitle.getStyleClass().add("section-title");

        TextArea details = new TextArea();
        details.setId("notificationDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        details.setPromptText(texts.get("notifications.select_for_details"));
        details.textProperty().bind(model.detailsProperty());

        Button retry = new Button(texts.get("notifications.retry"));
        retry.setId("retryButton");
        retry.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !model.canRetry(model.selectedProperty().get()), model.selectedProperty()));
        retry.setOnAction(event -> model.retrySelected());
        ViewSupport.confirmations(model.confirmation(), texts);
        Label result = new Label();
        result.setId("notificationsMessage");
        result.setWrapText(true);
        result.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(8, retry, result);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox side = new VBox(8, previewTitle, bubble, details, actions);
        side.setPadding(new Insets(0, 0, 0, 8));
        side.setMinWidth(300);
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.74);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        BorderPane.setMargin(filters, new Insets(0, 0, 8, 0));
        root.setBottom(ViewSupport.pager("notifications", model.paging(), model::previousPage, model::nextPage, texts));
        root.setPadding(new Insets(12));
        return root;
    }

    /** The message as one line of plain text, emoji drawn in the bundled emoji font like the preview. */
    private static TableColumn<Admin.NotificationEntry, String> messageColumn(Texts texts) {
        TableColumn<Admin.NotificationEntry, String> column =
                ViewSupport.column(texts.get("column.text"), 200, Admin.NotificationEntry::text);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String html, boolean empty) {
                super.updateItem(html, empty);
                setText(null);
                setGraphic(
                        empty || html == null
                                ? null
                                : TelegramHtmlView.line(
                                        TelegramHtml.plainText(html).replace('\n', ' '), 13));
            }
        });
        return column;
    }
}
