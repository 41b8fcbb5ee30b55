package ru.wbassist.console.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs blocking calls on a background executor and hands their outcome to the UI executor
 * ({@code Platform::runLater} in the app, the calling thread in view-model tests), so the window never freezes
 * and view models never need the FX toolkit. Counts the calls in flight for the header's progress indicator
 * and for the screenshot run, which waits until everything has loaded.
 */
public final class Tasks {

    private final Executor background;
    private final Executor ui;
    private final ScheduledExecutorService scheduler;
    private final ReadOnlyIntegerWrapper inFlight = new ReadOnlyIntegerWrapper(0);

    public Tasks(Executor background, Executor ui, ScheduledExecutorService scheduler) {
        this.background = background;
        this.ui = ui;
        this.scheduler = scheduler;
    }

    /** Must be called on the UI thread; both callbacks run on the UI thread. */
    public <T> void submit(Supplier<T> call, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        inFlight.set(inFlight.get() + 1);
        CompletableFuture.supplyAsync(call, background)
                .whenComplete((result, failure) -> ui.execute(() -> {
                    inFlight.set(inFlight.get() - 1);
                    if (failure == null) {
                        onSuccess.accept(result);
                    } else {
                        onFailure.accept(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    }
                }));
    }

    /** Runs {@code action} on the UI thread every {@code period} until the returned handle is closed. */
    public AutoCloseable every(Duration period, Runnable action) {
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(
                () -> ui.execute(action), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    public ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }
}
