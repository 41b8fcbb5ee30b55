package ru.wbassist.console.connect;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import ru.wbassist.console.common.Texts;

/** The connect dialog, shown in the main window until a connection works. */
public final class ConnectView {

    private ConnectView() {}

    public static Node create(ConnectViewModel model, Texts texts) {
        Label title = new Label(texts.get("connect.title"));
        title.getStyleClass().add("dialog-title");
        TextField url = new TextField();
        url.setId("connectUrl");
        url.setPrefColumnCount(30);
        url.textProperty().bindBidirectional(model.urlProperty());
        PasswordField secret = new PasswordField();
        secret.setId("connectSecret");
        secret.setPromptText(texts.get("connect.secret_prompt"));
        secret.textProperty().bindBidirectional(model.secretProperty());
        Button connect = new Button(texts.get("connect.connect"));
        connect.setId("connectButton");
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.canConnectBinding().not());
        connect.setOnAction(event -> model.connect());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.activity().busyProperty());

        GridPane form = new GridPane(10, 10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().add(labels);
        form.addRow(0, new Label(texts.get("connect.url")), url);
        form.addRow(1, new Label(texts.get("connect.secret")), secret);
        form.addRow(2, progress, connect);

        Label error = new Label();
        error.setId("connectError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.textProperty()
                .bind(Bindings.when(model.validationProperty().isNotEmpty())
                        .then(model.validationProperty())
                        .otherwise(model.activity().errorProperty()));

        VBox card = new VBox(14, title, form, error);
        card.getStyleClass().add("dialog-card");
        card.setPadding(new Insets(24));
        card.setMaxSize(520, 300);
        card.setAlignment(Pos.TOP_LEFT);
        return new StackPane(card);
    }
}
