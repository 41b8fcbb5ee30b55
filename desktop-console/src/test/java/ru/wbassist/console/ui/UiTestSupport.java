package ru.wbassist.console.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import ru.wbassist.console.common.Tasks;

/** What the UI tests share: the app's threading (background calls, results on the FX thread) and waiting. */
public final class UiTestSupport {

    private UiTestSupport() {}

    public static Tasks fxTasks() {
        return new Tasks(
                Executors.newVirtualThreadPerTaskExecutor(),
                Platform::runLater,
                Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "ui-test-live-refresh");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    /** Waits (up to 10 s) until the condition, read on the FX thread, holds. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A label's text; for a cell that shows a graphic instead (a type badge), the text of the labels in it. */
    public static String text(Node node) {
        if (!(node instanceof Labeled labeled)) {
            return "";
        }
        if (labeled.getText() == null && labeled.getGraphic() != null) {
            return labeled.getGraphic().lookupAll(".label").stream()
                    .map(UiTestSupport::text)
                    .collect(Collectors.joining());
        }
        return labeled.getText();
    }

    public static String text(TextFlow flow) {
        return flow.getChildren().stream()
                .map(child -> ((Text) child).getText())
                .collect(Collectors.joining());
    }

    /** Clicks the tab's header (a tile or a column could carry the same text). */
    public static void openTab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-header-area .tab-label")
                .match((Node n) -> title.equals(text(n)))
                .<Node>query());
    }

    public static void clickRow(FxRobot robot, TableView<?> table, int index) {
        robot.clickOn(robot.from(table)
                .lookup(".table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == index && row.getItem() != null)
                .<Node>query());
    }

    /** Opens a combo box and clicks the entry with that text, as an operator would. */
    public static void pick(FxRobot robot, String comboId, String entry) {
        robot.clickOn(comboId);
        Node cell = robot.lookup(".list-cell")
                .match((Node n) -> entry.equals(text(n)) && n.isVisible())
                .query();
        robot.clickOn(cell);
    }

    @SuppressWarnings("unchecked")
    public static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }
}
