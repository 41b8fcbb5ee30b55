package ru.wbassist.console.testsend;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextFlow;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Names;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.TypeColors;
import ru.wbassist.console.common.ViewSupport;
import ru.wbassist.console.telegram.TelegramHtmlView;

/**
 * Test send: user and type, the send button, what the send will meet, and the message as the user will get it: the
 * server's preview before the send, the queued notification after it.
 */
public final class TestSendView {

    private static final double PHOTO_WIDTH = 280;

    private TestSendView() {}

    public static Node create(TestSendViewModel model, Texts texts) {
        ComboBox<Admin.UserRow> user = new ComboBox<>(model.users());
        user.setId("testSendUser");
        user.setPrefWidth(360);
        Function<Admin.UserRow, String> userName =
                u -> Names.user(u) + (u.botBlocked() ? " — " + texts.get("testsend.bot_blocked") : "");
        user.setCellFactory(list -> ViewSupport.listCell(userName, u -> null));
        user.setButtonCell(ViewSupport.listCell(userName, u -> null));
        user.valueProperty().bindBidirectional(model.userProperty());
        ComboBox<String> type = ViewSupport.combo("testSendType", model.types(), model.typeProperty());
        type.setPrefWidth(240);
        type.setCellFactory(list -> ViewSupport.listCell(t -> null, t -> ViewSupport.typeBadge(t, texts)));
        type.setButtonCell(ViewSupport.listCell(t -> null, t -> ViewSupport.typeBadge(t, texts)));
        Button send = new Button(texts.get("testsend.send"));
        send.setId("testSendButton");
        send.setDefaultButton(true);
        send.disableProperty().bind(model.canSendBinding().not());
        send.setOnAction(event -> model.send());

        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label(texts.get("testsend.user")), user);
        form.addRow(1, new Label(texts.get("column.type")), type);
        form.add(send, 1, 2);

        Label factsTitle = new Label(texts.get("testsend.before_sending"));
        factsTitle.getStyleClass().add("section-title");
        Label facts = new Label();
        facts.setId("testSendPreview");
        facts.setWrapText(true);
        facts.textProperty().bind(model.factsBinding());

        Label message = new Label();
        message.setId("testSendMessage");
        message.getStyleClass().add("success-text");
        message.textProperty().bind(model.messageProperty());

        Label bubbleTitle = new Label();
        bubbleTitle.setId("testSendRenderedTitle");
        bubbleTitle.getStyleClass().add("section-title");
        bubbleTitle.textProperty().bind(model.messageTitleBinding());
        ImageView photo = new ImageView();
        photo.setId("testSendPhoto");
        photo.setFitWidth(PHOTO_WIDTH);
        photo.setPreserveRatio(true);
        photo.managedProperty().bind(photo.imageProperty().isNotNull());
        showPhoto(photo, model.imageUrlBinding().get());
        model.imageUrlBinding().addListener((obs, old, url) -> showPhoto(photo, url));
        TextFlow rendered = TelegramHtmlView.create();
        rendered.setId("testSendRendered");
        TelegramHtmlView.show(rendered, model.messageHtmlBinding().get());
        model.messageHtmlBinding().addListener((obs, old, html) -> TelegramHtmlView.show(rendered, html));
        VBox chart = chart(model);
        ScrollPane bubble = new ScrollPane(new VBox(8, photo, chart, rendered));
        bubble.setFitToWidth(true);
        bubble.getStyleClass().add("message-bubble");
        bubble.setPrefHeight(320);
        bubble.setMaxWidth(560);
        bubble.setMaxHeight(420);

        VBox root = new VBox(
                12,
                form,
                ViewSupport.statusLine("testSendError", model.activity(), model.previewActivity()),
                factsTitle,
                facts,
                message,
                bubbleTitle,
                bubble);
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(16));
        return root;
    }

    /**
     * The digest's chart as the bot draws it: orders and buyouts per day, with the console's own legend (the chart's
     * follows its default palette, not the bars' colours); hidden for messages without one.
     */
    private static VBox chart(TestSendViewModel model) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId("testSendChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(200);
        chart.setCategoryGap(4);
        chart.setBarGap(1);
        Label orders = legend(TypeColors.ORDERS);
        Label buyouts = legend(TypeColors.of(Notifications.Types.ORDER_BUYOUT));
        VBox box = new VBox(2, chart, new HBox(16, orders, buyouts));
        box.visibleProperty().bind(chart.visibleProperty());
        box.managedProperty().bind(chart.visibleProperty());
        Runnable show = () -> {
            Notifications.Chart data = model.chartBinding().get();
            chart.setVisible(data != null);
            chart.getData().clear();
            if (data != null) {
                chart.setTitle(data.title());
                orders.setText(data.ordersLabel());
                buyouts.setText(data.buyoutsLabel());
                chart.getData()
                        .setAll(List.of(
                                series(data.ordersLabel(), data, d -> d.orders().count(), TypeColors.ORDERS),
                                series(
                                        data.buyoutsLabel(),
                                        data,
                                        d -> d.buyouts().count(),
                                        TypeColors.of(Notifications.Types.ORDER_BUYOUT))));
            }
        };
        show.run();
        model.chartBinding().addListener((obs, old, now) -> show.run());
        return box;
    }

    private static Label legend(String color) {
        Label label = new Label();
        label.setGraphic(new Rectangle(10, 10, Color.web(color)));
        return label;
    }

    private static XYChart.Series<String, Number> series(
            String name, Notifications.Chart chart, ToLongFunction<Notifications.ChartDay> value, String color) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.days().forEach(day -> {
            XYChart.Data<String, Number> bar =
                    new XYChart.Data<>(MoscowTime.formatDay(day.date()), value.applyAsLong(day));
            bar.nodeProperty().addListener((obs, old, node) -> {
                if (node != null) {
                    node.setStyle("-fx-bar-fill: " + color + ";");
                }
            });
            series.getData().add(bar);
        });
        return series;
    }

    /** Loads the photo in the background; a photo that cannot be loaded just stays away, as the URL is in the facts. */
    private static void showPhoto(ImageView photo, String url) {
        photo.setImage(url == null ? null : new Image(url, PHOTO_WIDTH, 0, true, true, true));
    }
}
