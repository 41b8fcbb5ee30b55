package ru.wbassist.console;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.connect.ConnectionSettings;
import ru.wbassist.console.demo.DemoData;
import ru.wbassist.console.demo.InMemoryAdminApi;
import ru.wbassist.console.shell.ConsoleWindow;
import ru.wbassist.console.shell.ScreenshotRunner;

/** The JavaFX application: one 1280×800 window, network calls on virtual threads. */
public final class ConsoleApp extends Application {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-live-refresh");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void start(Stage stage) {
        ConsoleOptions options = ConsoleOptions.parse(getParameters().getRaw());
        Tasks tasks = new Tasks(background, Platform::runLater, scheduler);
        ConsoleWindow window = new ConsoleWindow(tasks, options.language().orElse(Language.of(Locale.getDefault())));
        Scene scene = scene(window);
        stage.setTitle("WB Assist console");
        stage.setScene(scene);
        stage.show();
        if (options.demoData()) {
            window.open(new InMemoryAdminApi(DemoData.generate(Instant.now())));
        } else {
            window.connect(ConnectionSettings.resolve(System.getenv(), Path.of("")), HttpAdminApi::new);
        }
        options.screenshots().ifPresent(directory -> new ScreenshotRunner(scene, window, tasks, directory).start());
    }

    /** The scene with the console's style sheet; the UI tests build theirs the same way. */
    public static Scene scene(ConsoleWindow window) {
        Scene scene = new Scene(window.root(), WIDTH, HEIGHT);
        scene.getStylesheets()
                .add(Objects.requireNonNull(ConsoleApp.class.getResource("console.css"))
                        .toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        background.shutdownNow();
        scheduler.shutdownNow();
    }
}
