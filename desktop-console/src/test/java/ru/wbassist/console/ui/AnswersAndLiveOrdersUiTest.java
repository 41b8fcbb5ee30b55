package ru.wbassist.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.console.ui.UiTestSupport.clickRow;
import static ru.wbassist.console.ui.UiTestSupport.openTab;
import static ru.wbassist.console.ui.UiTestSupport.pick;
import static ru.wbassist.console.ui.UiTestSupport.table;
import static ru.wbassist.console.ui.UiTestSupport.text;
import static ru.wbassist.console.ui.UiTestSupport.waitUntil;

import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import ru.wbassist.console.shell.ConsoleWindow;

/**
 * The cabinets' live order column, the Reviews &amp; questions tab and the digest's chart in the test-send preview,
 * in the real window over the fixture data (headless Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class AnswersAndLiveOrdersUiTest {

    private final FakeAdminApi api = new FakeAdminApi();

    @Start
    void start(Stage stage) {
        ConsoleWindow window = new ConsoleWindow(UiTestSupport.fxTasks(), Language.EN);
        window.open(api);
        stage.setScene(ConsoleApp.scene(window));
        stage.show();
    }

    @Test
    void theCabinetsTableShowsEachCabinetsLiveOrderSource(FxRobot robot) {
        openTab(robot, "Cabinets");
        TableView<Admin.CabinetRow> table = table(robot, "#cabinetsTable");
        waitUntil(() -> table.getItems().size() == 3);

        assertThat(column(robot, table, "Live orders"))
                .containsExactly(
                        "on · polled 11:59:20 · lag 55 s",
                        "off — the key lacks Analytics",
                        "slowed (Base token) · polled 11:40:00 · lag 3 h 20 min · next 14:40:00 · ⚠ last poll failed");
    }

    @Test
    void reviewsAndQuestionsListWithTheirAnswersAndTheHistoryOfAnswersSent(FxRobot robot) {
        openTab(robot, "Reviews & questions");
        TableView<Admin.ItemToAnswer> items = table(robot, "#itemsTable");
        TableView<Admin.SentAnswer> history = table(robot, "#answersTable");
        waitUntil(() -> items.getItems().size() == 5 && history.getItems().size() == 3);
        assertThat(column(robot, items, "Answer state").getFirst()).isEqualTo("unanswered · WB Assist: not delivered");

        pick(robot, "#answersAnsweredFilter", "unanswered");
        waitUntil(() -> items.getItems().size() == 2);
        pick(robot, "#answersKindFilter", "question");
        waitUntil(() -> items.getItems().size() == 1 && history.getItems().size() == 1);
        assertThat(items.getItems().getFirst().itemId()).isEqualTo("Q1");

        clickRow(robot, history, 0);
        TextArea details = robot.lookup("#answersDetails").queryAs(TextArea.class);
        waitUntil(() -> details.getText().startsWith("Answer #2 to question Q1 · Sneakers"));
        assertThat(details.getText())
                .contains("Sent by: Anna (@anna, 111) at 27.11.2026 11:40:00")
                .contains("Reason given by WB: WB: the answer is too short");

        clickRow(robot, items, 0);
        waitUntil(() -> details.getText().startsWith("question Q1 · Sneakers"));

        pick(robot, "#answersKindFilter", "Reviews and questions");
        pick(robot, "#answersAnsweredFilter", "Answered or not");
        pick(robot, "#answersStatusFilter", "sent");
        waitUntil(() -> items.getItems().size() == 5 && history.getItems().size() == 1);
        assertThat(history.getItems().getFirst().itemId()).isEqualTo("R2");
    }

    @Test
    void theDigestsPreviewDrawsItsChartAndSaysItGoesWithTheMessage(FxRobot robot) {
        openTab(robot, "Test send");
        @SuppressWarnings("unchecked")
        ComboBox<Object> user = robot.lookup("#testSendUser").queryAs(ComboBox.class);
        waitUntil(() -> user.getValue() != null);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#testSendChart").queryAs(BarChart.class);
        assertThat(chart.isVisible()).isFalse();

        pick(robot, "#testSendType", "Daily digest");

        Label facts = robot.lookup("#testSendPreview").queryAs(Label.class);
        waitUntil(() -> chart.isVisible() && text(facts).contains("\nChart: «Sneakers · 14 дней»"));
        assertThat(chart.getTitle()).isEqualTo("Sneakers · 14 дней");
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("Заказы", "Выкупы");
        assertThat(chart.getData())
                .allSatisfy(series -> assertThat(series.getData()).hasSize(14));

        pick(robot, "#testSendType", "Price changed");
        waitUntil(() -> !chart.isVisible() && !text(facts).contains("Chart:"));
    }

    /** The texts a column's cells show, top to bottom. */
    private static List<String> column(FxRobot robot, TableView<?> table, String title) {
        int index = table.getColumns().stream().map(c -> c.getText()).toList().indexOf(title);
        assertThat(index).as("column " + title).isNotNegative();
        return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() == table.getColumns().get(index)
                        && cell.getTableRow() != null
                        && cell.getTableRow().getItem() != null)
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(cell -> cell.getText())
                .toList();
    }
}
