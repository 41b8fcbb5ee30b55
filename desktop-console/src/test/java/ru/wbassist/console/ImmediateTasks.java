package ru.wbassist.console;

import java.util.concurrent.Executors;
import ru.wbassist.console.common.Tasks;

/** Tasks for view-model tests: calls and their callbacks run on the test thread, so no FX toolkit is needed. */
public final class ImmediateTasks {

    private ImmediateTasks() {}

    public static Tasks create() {
        return new Tasks(Runnable::run, Runnable::run, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-live-refresh");
            thread.setDaemon(true);
            return thread;
        }));
    }
}
