package ru.wbassist.console.testsend;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import ru.wbassist.console.api.AdminUser;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.telegram.TelegramHtmlView;

/** Test send: user and type, what the send will meet, the send button, then the queued message as rendered. */
public final class TestSendView {

    private TestSendView() {
    }

    public static Node create(TestSendViewModel model) {
        ComboBox<AdminUser> user = new ComboBox<>(model.users());
        user.setId("testSendUser");
        user.setPrefWidth(360);
        user.setCellFactory(list -> new UserCell());
        user.setButtonCell(new UserCell());
        user.valueProperty().bindBidirectional(model.userProperty());
        ComboBox<String> type = ViewSupport.combo("testSendType", model.types(), model.typeProperty());
        type.setPrefWidth(220);
        Button send = new Button("Send test notification");
        send.setId("testSendButton");
        send.setDefaultButton(true);
        send.disableProperty().bind(model.canSendBinding().not());
        send.setOnAction(event -> model.send());

        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("User"), user);
        form.addRow(1, new Label("Type"), type);
        form.add(send, 1, 2);

        Label previewTitle = new Label("Before sending");
        previewTitle.getStyleClass().add("section-title");
        Label preview = new Label();
        preview.setId("testSendPreview");
        preview.setWrapText(true);
        preview.textProperty().bind(model.previewProperty());

        Label message = new Label();
        message.setId("testSendMessage");
        message.getStyleClass().add("success-text");
        message.textProperty().bind(model.messageProperty());

        Label sentTitle = new Label("Queued message, as the user will see it");
        sentTitle.getStyleClass().add("section-title");
        TextFlow rendered = TelegramHtmlView.create();
        rendered.setId("testSendRendered");
        model.sentProperty().addListener((obs, old, record) -> TelegramHtmlView.show(rendered, record == null ? null : record.text()));
        ScrollPane bubble = new ScrollPane(rendered);
        bubble.setFitToWidth(true);
        bubble.getStyleClass().add("message-bubble");
        bubble.setPrefHeight(260);
        bubble.setMaxWidth(560);
        bubble.setMaxHeight(320);

        VBox root = new VBox(12, form, ViewSupport.statusLine("testSendError", model.activity()), previewTitle, preview,
                message, sentTitle, bubble);
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(16));
        return root;
    }

    private static final class UserCell extends ListCell<AdminUser> {
        @Override
        protected void updateItem(AdminUser user, boolean empty) {
            super.updateItem(user, empty);
            setText(empty || user == null ? null : user.displayName() + (user.botBlocked() ? " — bot blocked" : ""));
        }
    }
}
