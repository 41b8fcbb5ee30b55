package ru.wbassist.console.overview;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.ViewSupport;

/** Tiles with the counts, then notifications per type per day (stacked) beside orders per day. */
public final class OverviewView {

    private OverviewView() {}

    public static Node create(OverviewViewModel model, Texts texts) {
        FlowPane tiles = new FlowPane(10, 10);
        tiles.setId("overviewTiles");
        model.tiles().addListener((ListChangeListener<OverviewViewModel.Tile>) change -> tiles.getChildren()
                .setAll(model.tiles().stream().map(OverviewView::tile).toList()));
        Label notificationsNote = new Label(texts.get("overview.note"));
        notificationsNote.getStyleClass().add("tile-label");

        StackedBarChart<String, Number> perType = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
        perType.setId("notificationsChart");
        perType.setTitle(texts.get("overview.per_type"));
        perType.setAnimated(false);
        // The chart's own legend takes colours from series order; ours shows each type's one colour.
        perType.setLegendVisible(false);
        FlowPane legend = new FlowPane(12, 4);
        legend.setId("notificationsLegend");
        legend.setPadding(new Insets(0, 0, 0, 40));
        model.notificationsPerDay().addListener((ListChangeListener<OverviewViewModel.Series>) change -> {
            perType.getData().setAll(toChart(model.notificationsPerDay()));
            legend.getChildren()
                    .setAll(model.notificationsPerDay().stream()
                            .map(series -> ViewSupport.typeBadge(series.type(), texts))
                            .toList());
        });

        BarChart<String, Number> orders = new BarChart<>(new CategoryAxis(), new NumberAxis());
        orders.setId("ordersChart");
        orders.setTitle(texts.get("overview.orders_per_day"));
        orders.setAnimated(false);
        orders.setLegendVisible(false);
        model.ordersPerDay().addListener((ListChangeListener<OverviewViewModel.Series>)
                change -> orders.getData().setAll(toChart(model.ordersPerDay())));

        VBox perTypeBox = new VBox(0, perType, legend);
        VBox.setVgrow(perType, Priority.ALWAYS);
        HBox charts = new HBox(10, perTypeBox, orders);
        HBox.setHgrow(perTypeBox, Priority.ALWAYS);
        HBox.setHgrow(orders, Priority.ALWAYS);
        perTypeBox.setPrefWidth(720);
        orders.setPrefWidth(500);
        VBox.setVgrow(charts, Priority.ALWAYS);

        Button refresh = new Button(texts.get("common.refresh"));
        refresh.setId("overviewRefresh");
        refresh.setOnAction(event -> model.refresh());
        HBox toolbar = new HBox(10, refresh, ViewSupport.statusLine("overviewError", model.activity()));

        BorderPane root = new BorderPane(new VBox(8, tiles, notificationsNote, charts));
        root.setTop(toolbar);
        BorderPane.setMargin(toolbar, new Insets(0, 0, 10, 0));
        root.setPadding(new Insets(12));
        return root;
    }

    private static Node tile(OverviewViewModel.Tile tile) {
        Label value = new Label(String.valueOf(tile.value()));
        value.getStyleClass().add("tile-value");
        Label label = new Label(tile.label());
        label.getStyleClass().add("tile-label");
        VBox box = new VBox(2, value, label);
        box.getStyleClass().add("tile");
        box.setPrefWidth(168);
        return box;
    }

    private static List<XYChart.Series<String, Number>> toChart(List<OverviewViewModel.Series> series) {
        return series.stream()
                .map(s -> {
                    XYChart.Series<String, Number> chart = new XYChart.Series<>();
                    chart.setName(s.name());
                    s.points().forEach(p -> {
                        XYChart.Data<String, Number> bar = new XYChart.Data<>(p.day(), p.value());
                        bar.nodeProperty().addListener((obs, old, node) -> {
                            if (node != null) {
                                node.setStyle(
                                        "-fx-bar-fill: " + s.color() + "; -fx-background-color: " + s.color() + ";");
                            }
                        });
                        chart.getData().add(bar);
                    });
                    return chart;
                })
                .toList();
    }
}
