package ru.wbassist.server;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import ru.wbassist.observability.BuildInfo;
import ru.wbassist.observability.LogFormat;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.Settings;

/** Starts the WB Assist server: configuration, database, features, web server. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Settings.load();
        AppConfig appConfig;
        try {
            LogFormat.of(System.getenv("LOG_FORMAT")).install();
            appConfig = AppConfig.from(config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("wb-assist server: " + e.getMessage());
            System.exit(2);
            return;
        }
        App app = App.create(appConfig);
        WebServer server = app.configure(WebServer.builder().config(config.get("server")))
                .build()
                .start();
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            app.close();
        }));
        System.out.println("WB Assist server " + BuildInfo.version() + " on http://"
                + config.get("server.host").asString().orElse("127.0.0.1") + ":"
                + server.port() + "  (health: /observe/health; API secret: "
                + (config.get("app.api-secret").exists()
                        ? "from API_SECRET_KEY"
                        : appConfig.dataDir().resolve("api-secret").toAbsolutePath())
                + ")");
    }
}
