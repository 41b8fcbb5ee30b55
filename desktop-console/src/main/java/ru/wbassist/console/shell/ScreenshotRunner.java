package ru.wbassist.console.shell;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.util.Duration;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.connect.ConnectionSettings;

/**
 * {@code --screenshots=DIR}: opens every view in turn, waits until its calls have answered, picks a telling row
 * (a failed sync, a message to preview, a test send's recipient with a warning), writes
 * {@code <view>.png}, then the connect dialog with a refused connection as {@code connect.png}, and quits.
 */
public final class ScreenshotRunner {

    private static final System.Logger LOG = System.getLogger(ScreenshotRunner.class.getName());
    private static final Duration POLL = Duration.millis(150);
    private static final int MAX_POLLS = 200;

    private final Scene scene;
    private final ConsoleWindow window;
    private final Tasks tasks;
    private final Path directory;
    private final Deque<Runnable> steps = new ArrayDeque<>();

    /** Never sends anything: the Test send view shows the server's preview, so no real user gets a message. */
    public ScreenshotRunner(Scene scene, ConsoleWindow window, Tasks tasks, Path directory) {
        this.scene = scene;
        this.window = window;
        this.tasks = tasks;
        this.directory = directory;
    }

    public void start() {
        awaitMain(0);
    }

    private void awaitMain(int polls) {
        if (window.mainProperty().get() != null) {
            plan(window.mainProperty().get());
            next();
        } else if (polls > MAX_POLLS || tasks.inFlightProperty().get() == 0 && polls > 10) {
            LOG.log(Level.ERROR, "Not connected; writing the connect dialog only");
            capture("connect");
            // A screenshot run is a command: a failed one must fail the script that started it.
            Platform.exit();
            System.exit(1);
        } else {
            later(() -> awaitMain(polls + 1));
        }
    }

    private void plan(MainView main) {
        for (MainView.View view : MainView.View.values()) {
            steps.add(() -> {
                main.show(view);
                whenIdle(() -> {
                    prepare(view);
                    whenIdle(() -> {
                        capture(view.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        next();
                    });
                });
            });
        }
        steps.add(() -> {
            // A connection that is refused, so the dialog shows its error state.
            window.connect(
                    new ConnectionSettings("http://127.0.0.1:1", Optional.of("not-the-secret"), "screenshots"),
                    HttpAdminApi::new);
            whenIdle(() -> {
                capture("connect");
                Platform.exit();
            });
        });
    }

    private void prepare(MainView.View view) {
        switch (view) {
            case CABINETS -> select("#cabinetsTable", Admin.CabinetRow.class, c -> c.lastError() != null);
            case SYNC_LOGS -> select("#syncLogsTable", Admin.SyncLogEntry.class, log -> log.errorMessage() != null);
            // A new order shows the most of what a user reads (emoji, prices, the warehouse).
            case NOTIFICATIONS ->
                select(
                        "#notificationsTable",
                        Admin.NotificationEntry.class,
                        n -> n.type().equals(Notifications.Types.NEW_ORDER));
            // An answer WB refused shows who sent what and WB's reason.
            case ANSWERS ->
                select("#answersTable", Admin.SentAnswer.class, a -> a.status().equals("refused"));
            case TEST_SEND -> {
                // The daily digest (its chart shows) for a user who blocked the bot, so the preview shows a warning.
                if (scene.lookup("#testSendType") instanceof ComboBox<?> types) {
                    types.getSelectionModel().select(types.getItems().indexOf(Notifications.Types.DAILY_DIGEST));
                }
                if (scene.lookup("#testSendUser") instanceof ComboBox<?> users) {
                    for (int i = 0; i < users.getItems().size(); i++) {
                        if (users.getItems().get(i) instanceof Admin.UserRow user && user.botBlocked()) {
                            users.getSelectionModel().select(i);
                            break;
                        }
                    }
                }
            }
            case OVERVIEW -> {}
        }
    }

    /** Selects the first row the predicate accepts, else the first row. */
    private <T> void select(String tableId, Class<T> rowType, Predicate<T> telling) {
        if (scene.lookup(tableId) instanceof TableView<?> table
                && !table.getItems().isEmpty()) {
            int index = 0;
            for (int i = 0; i < table.getItems().size(); i++) {
                Object row = table.getItems().get(i);
                if (rowType.isInstance(row) && telling.test(rowType.cast(row))) {
                    index = i;
                    break;
                }
            }
            table.getSelectionModel().select(index);
            table.scrollTo(Math.max(0, index - 3));
        }
    }

    private void next() {
        Runnable step = steps.poll();
        if (step != null) {
            step.run();
        }
    }

    /** Waits until no call is in flight for two polls in a row, so late layout has happened too. */
    private void whenIdle(Runnable then) {
        whenIdle(then, 0, 0);
    }

    private void whenIdle(Runnable then, int polls, int quiet) {
        int nowQuiet = tasks.inFlightProperty().get() == 0 ? quiet + 1 : 0;
        if (nowQuiet >= 3 || polls > MAX_POLLS) {
            then.run();
        } else {
            later(() -> whenIdle(then, polls + 1, nowQuiet));
        }
    }

    private void capture(String name) {
        Path file = directory.resolve(name + ".png");
        try {
            Snapshots.write(scene, file);
            System.out.println("Wrote " + file);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Cannot write " + file, e);
        }
    }

    private static void later(Runnable action) {
        PauseTransition pause = new PauseTransition(POLL);
        pause.setOnFinished(event -> action.run());
        pause.play();
    }
}
