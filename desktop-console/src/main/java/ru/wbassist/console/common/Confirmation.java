package ru.wbassist.console.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * An action the operator must confirm first (retry, pause, resume). A view model {@link #ask}s; the view shows the
 * question and calls {@link #confirm} or {@link #cancel}; tests do the same without a window.
 */
public final class Confirmation {

    /** What is asked, and what runs on "yes". */
    public record Request(String title, String question, String confirmLabel, Runnable action) {}

    private final ReadOnlyObjectWrapper<Request> pending = new ReadOnlyObjectWrapper<>();

    public void ask(String title, String question, String confirmLabel, Runnable action) {
        pending.set(new Request(title, question, confirmLabel, action));
    }

    public void confirm() {
        Request request = pending.get();
        pending.set(null);
        if (request != null) {
            request.action().run();
        }
    }

    public void cancel() {
        pending.set(null);
    }

    public ReadOnlyObjectProperty<Request> pendingProperty() {
        return pending.getReadOnlyProperty();
    }
}
