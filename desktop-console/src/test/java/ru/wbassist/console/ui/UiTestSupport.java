package ru.wbassist.console.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.testfx.util.WaitForAsyncUtils;
import ru.wbassist.console.common.Tasks;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** What the UI tests share: the app's threading (background calls, results on the FX thread) and waiting. */
final class UiTestSupport {

    private UiTestSupport() {
    }

    static Tasks fxTasks() {
        return new Tasks(Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater,
                Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "ui-test-live-refresh");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    /** Waits (up to 10 s) until the condition, read on the FX thread, holds. */
    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 10 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(Node node) {
        return node instanceof Labeled labeled ? labeled.getText() : "";
    }

    static String text(TextFlow flow) {
        return flow.getChildren().stream().map(child -> ((Text) child).getText()).collect(Collectors.joining());
    }
}
