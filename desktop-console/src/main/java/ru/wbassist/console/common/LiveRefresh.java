package ru.wbassist.console.common;

import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A view's "Live refresh" switch: while on, reloads at once and then every period, on the UI thread. */
public final class LiveRefresh {

    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private AutoCloseable handle;

    public LiveRefresh(Tasks tasks, Duration period, Runnable reload) {
        enabled.addListener((obs, old, on) -> {
            stop();
            if (on) {
                reload.run();
                handle = tasks.every(period, reload);
            }
        });
    }

    private void stop() {
        if (handle != null) {
            try {
                handle.close();
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
            handle = null;
        }
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }
}
