package ru.wbassist.console.notifications;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import ru.wbassist.api.Admin;
import ru.wbassist.console.common.ViewSupport.CopyAction;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.telegram.TelegramHtml;
import ru.wbassist.console.telegram.TelegramHtmlView;

import java.util.List;

/** Notification history: filters, the page, and for the selected row its delivery details and the message preview. */
public final class NotificationsView {

    private NotificationsView() {
    }

    public static Node create(NotificationsViewModel model) {
        ComboBox<?> user = ViewSupport.combo("notificationUserFilter", model.userChoices(), model.userProperty());
        ComboBox<?> cabinet = ViewSupport.combo("notificationCabinetFilter", model.cabinetChoices(), model.cabinetProperty());
        ComboBox<?> type = ViewSupport.combo("notificationTypeFilter", model.typeChoices(), model.typeProperty());
        ComboBox<?> status = ViewSupport.combo("notificationStatusFilter", model.statusChoices(), model.statusProperty());
        user.setPrefWidth(230);
        cabinet.setPrefWidth(210);
        Button refresh = new Button("Refresh");
        refresh.setId("notificationsRefresh");
        refresh.setOnAction(event -> model.refreshAll());
        HBox filters = new HBox(8, user, cabinet, type, status, refresh,
                ViewSupport.statusLine("notificationsError", model.activity()));
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<Admin.NotificationEntry> table = new TableView<>(model.rows());
        table.setId("notificationsTable");
        table.getColumns().setAll(List.of(
                ViewSupport.column("Id", 50, Admin.NotificationEntry::id),
                ViewSupport.timeColumn("Created", Admin.NotificationEntry::createdAt),
                ViewSupport.column("User", 80, Admin.NotificationEntry::telegramId),
                ViewSupport.column("Cab.", 45, Admin.NotificationEntry::cabinetId),
                ViewSupport.column("Type", 125, Admin.NotificationEntry::type),
                ViewSupport.column("Status", 62, Admin.NotificationEntry::status),
                ViewSupport.column("Att.", 38, Admin.NotificationEntry::attempts),
                ViewSupport.column("Suppressed", 100, Admin.NotificationEntry::suppressedReason),
                ViewSupport.column("Last error", 120, Admin.NotificationEntry::lastError),
                ViewSupport.column("Text", 200, Admin.NotificationEntry::text, html -> TelegramHtml.plainText(html).replace('\n', ' '))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No notifications match."));
        ViewSupport.copyMenu(table, new CopyAction<>("Copy notification id", n -> String.valueOf(n.id())),
                new CopyAction<>("Copy Telegram id", n -> String.valueOf(n.telegramId())),
                new CopyAction<>("Copy text (HTML)", Admin.NotificationEntry::text));
        ViewSupport.bindSelection(table, model.selectedProperty());

        TextFlow message = TelegramHtmlView.create();
        message.setId("notificationPreview");
        model.previewHtmlProperty().addListener((obs, old, html) -> TelegramHtmlView.show(message, html));
        ScrollPane bubble = new ScrollPane(message);
        bubble.setFitToWidth(true);
        bubble.getStyleClass().add("message-bubble");
        VBox.setVgrow(bubble, Priority.ALWAYS);
        Label previewTitle = new Label("As the user sees it");
        previewTitle.getStyleClass().add("section-title");

        TextArea details = new TextArea();
        details.setId("notificationDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        details.setPromptText("Select a notification to see attempts, errors and suppression.");
        details.textProperty().bind(model.detailsProperty());

        VBox side = new VBox(8, previewTitle, bubble, details);
        side.setPadding(new Insets(0, 0, 0, 8));
        side.setMinWidth(300);
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.74);

        BorderPane root = new BorderPane(split);
        root.setTop(filters);
        BorderPane.setMargin(filters, new Insets(0, 0, 8, 0));
        root.setBottom(ViewSupport.pager("notifications", model.paging(), model::previousPage, model::nextPage));
        root.setPadding(new Insets(12));
        return root;
    }
}
