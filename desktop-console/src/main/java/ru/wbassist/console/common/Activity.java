package ru.wbassist.console.common;

import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import ru.wbassist.console.api.AdminApiException;

/**
 * The loading state of one view model: busy while its calls run, the error of the last failed call.
 * {@link #load} keeps only the newest answer (or error), so a slow old page never overwrites what the operator asked
 * for since.
 */
public final class Activity {

    private static final System.Logger LOG = System.getLogger(Activity.class.getName());

    private final Tasks tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private int running;
    private long latestLoad;

    public Activity(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Loads data; an answer, or a failure, counts only if no newer load started meanwhile. */
    public <T> void load(Supplier<T> call, Consumer<T> apply) {
        long generation = ++latestLoad;
        run(call, apply, failure -> {}, () -> generation == latestLoad);
    }

    /** Performs an action whose outcome always matters (sync now, test send). */
    public <T> void perform(Supplier<T> call, Consumer<T> onSuccess, Consumer<AdminApiException> onApiFailure) {
        run(call, onSuccess, onApiFailure, () -> true);
    }

    private <T> void run(
            Supplier<T> call, Consumer<T> onSuccess, Consumer<AdminApiException> onApiFailure, BooleanSupplier wanted) {
        running++;
        busy.set(true);
        tasks.submit(
                call,
                result -> {
                    finish();
                    if (wanted.getAsBoolean()) {
                        error.set(null);
                        onSuccess.accept(result);
                    }
                },
                failure -> {
                    finish();
                    if (!wanted.getAsBoolean()) {
                        return; // a newer load answers for the view; an old error would only confuse it
                    }
                    if (failure instanceof AdminApiException api) {
                        error.set(api.getMessage());
                        onApiFailure.accept(api);
                    } else {
                        LOG.log(Level.WARNING, "Unexpected failure of a console call", failure);
                        error.set("Unexpected error: " + failure);
                    }
                });
    }

    private void finish() {
        running--;
        busy.set(running > 0);
    }

    public void clearError() {
        error.set(null);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
