package ru.wbassist.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.console.ui.UiTestSupport.clickRow;
import static ru.wbassist.console.ui.UiTestSupport.openTab;
import static ru.wbassist.console.ui.UiTestSupport.table;
import static ru.wbassist.console.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import ru.wbassist.api.Admin;
import ru.wbassist.console.ConsoleApp;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.TypeColors;
import ru.wbassist.console.shell.ConsoleWindow;

/** The operator's actions through the window: confirm dialogs, results, the language switch, the type colours. */
@ExtendWith(ApplicationExtension.class)
class ConsoleActionsUiTest {

    private final FakeAdminApi api = new FakeAdminApi();
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = new ConsoleWindow(UiTestSupport.fxTasks(), Language.EN);
        window.open(api);
        stage.setScene(ConsoleApp.scene(window));
        stage.show();
    }

    @Test
    void aFailedNotificationIsRetriedAfterTheOperatorConfirms(FxRobot robot) {
        openTab(robot, "Notifications");
        TableView<Admin.NotificationEntry> history = table(robot, "#notificationsTable");
        waitUntil(() -> history.getItems().size() == 8);
        Button retry = robot.lookup("#retryButton").queryAs(Button.class);
        clickRow(robot, history, indexOf(history, 7));
        waitUntil(retry::isDisabled); // pending: nothing to retry

        clickRow(robot, history, indexOf(history, 4));
        waitUntil(() -> !retry.isDisabled());
        robot.clickOn(retry);
        waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn("#confirmNo");
        waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isEmpty());
        assertThat(history.getItems()).hasSize(8);

        robot.clickOn(retry);
        waitUntil(() -> robot.lookup("#confirmYes").tryQuery().isPresent());
        robot.clickOn("#confirmYes");

        Label result = robot.lookup("#notificationsMessage").queryAs(Label.class);
        waitUntil(() -> "Notification #4 queued again as #9.".equals(result.getText()));
        waitUntil(() -> history.getItems().getFirst().id() == 9
                && history.getItems().getFirst().retryOf() == 4);
        waitUntil(retry::isDisabled); // #4 has its retry now
    }

    @Test
    void aCabinetsSyncIsPausedAndResumedAfterTheOperatorConfirms(FxRobot robot) {
        openTab(robot, "Cabinets");
        TableView<Admin.CabinetRow> cabinets = table(robot, "#cabinetsTable");
        waitUntil(() -> cabinets.getItems().size() == 3);
        robot.clickOn("Home & Deco");
        Button pause = robot.lookup("#pauseSyncButton").queryAs(Button.class);
        waitUntil(() -> "Pause sync".equals(pause.getText()));

        robot.clickOn(pause);
        waitUntil(() -> robot.lookup("#confirmYes").tryQuery().isPresent());
        robot.clickOn("#confirmYes");

        Label message = robot.lookup("#cabinetsMessage").queryAs(Label.class);
        waitUntil(() -> "Sync of \"Home & Deco\" paused.".equals(message.getText()));
        waitUntil(() -> robot.lookup("⏸ paused · failed").tryQuery().isPresent());
        waitUntil(() -> "Resume sync".equals(pause.getText()));

        robot.clickOn(pause);
        waitUntil(() -> robot.lookup("#confirmYes").tryQuery().isPresent());
        robot.clickOn("#confirmYes");
        waitUntil(() -> "Sync of \"Home & Deco\" resumed.".equals(message.getText()));
        waitUntil(() -> cabinets.getItems().stream().noneMatch(Admin.CabinetRow::syncPaused));
    }

    @Test
    void theLanguageSwitchShowsTheWindowInRussianOnTheSameTab(FxRobot robot) {
        openTab(robot, "Sync logs");
        UiTestSupport.pick(robot, "#languageSwitch", "Русский");

        waitUntil(() -> window.language() == Language.RU);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs())
                .extracting(Tab::getText)
                .containsExactly(
                        "Обзор",
                        "Кабинеты",
                        "Журнал синхронизации",
                        "Уведомления",
                        "Тестовая отправка",
                        "Отзывы и вопросы");
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Журнал синхронизации");
        waitUntil(() -> robot.lookup("Автообновление").tryQuery().isPresent());

        UiTestSupport.pick(robot, "#languageSwitch", "English");
        waitUntil(() -> window.language() == Language.EN);
        assertThat(robot.lookup(".tab-pane")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedItem()
                        .getText())
                .isEqualTo("Sync logs");
    }

    @Test
    void eachTypeHasItsOneColourInTheChartTheLegendAndTheTable(FxRobot robot) {
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> chart =
                robot.lookup("#notificationsChart").queryAs(StackedBarChart.class);
        FlowPane legend = robot.lookup("#notificationsLegend").queryAs(FlowPane.class);
        waitUntil(() -> chart.getData().size() == 6 && legend.getChildren().size() == 6);

        for (XYChart.Series<String, Number> series : chart.getData()) {
            String type = legend.getChildren()
                    .get(chart.getData().indexOf(series))
                    .getUserData()
                    .toString();
            Color color = Color.web(TypeColors.of(type));
            for (XYChart.Data<String, Number> bar : series.getData()) {
                waitUntil(() -> fills((Region) bar.getNode()).equals(List.of(color)));
            }
            assertThat(dot(legend.getChildren().get(chart.getData().indexOf(series))))
                    .isEqualTo(color);
        }

        openTab(robot, "Notifications");
        TableView<Admin.NotificationEntry> history = table(robot, "#notificationsTable");
        waitUntil(() -> history.getItems().size() == 8);
        List<Node> badges =
                robot.from(history).lookup(".type-badge").queryAll().stream().toList();
        assertThat(badges).isNotEmpty();
        for (Node badge : badges) {
            assertThat(dot(badge))
                    .isEqualTo(Color.web(TypeColors.of(badge.getUserData().toString())));
        }
        assertThat(TypeColors.of("new_order")).isNotEqualTo(TypeColors.of("order_cancellation"));
    }

    private static Color dot(Node badge) {
        return (Color) ((Circle) ((HBox) badge).getChildren().getFirst()).getFill();
    }

    /** The colours a bar is painted in (the view paints it flat, in its type's colour alone). */
    private static List<Color> fills(Region bar) {
        return bar == null || bar.getBackground() == null
                ? List.of()
                : bar.getBackground().getFills().stream()
                        .map(f -> f.getFill() instanceof Color c ? c : Color.TRANSPARENT)
                        .toList();
    }

    private static int indexOf(TableView<Admin.NotificationEntry> table, long id) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("no notification " + id);
    }
}
