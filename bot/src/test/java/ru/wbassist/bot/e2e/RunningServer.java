package ru.wbassist.bot.e2e;

import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.App;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real WB Assist server in this JVM (as server/Main starts it) on a random port over a fresh in-memory H2
 * database. The bot under test talks to it over HTTP only.
 */
final class RunningServer implements AutoCloseable {

    static final String SECRET = "e2e-secret-0123456789";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final App app;
    private final WebServer server;

    private RunningServer(App app, WebServer server) {
        this.app = app;
        this.server = server;
    }

    static RunningServer start(Map<String, String> environment) {
        try {
            Path dataDir = Files.createTempDirectory("wbassist-bot-e2e");
            Map<String, String> env = new HashMap<>();
            env.put("API_SECRET_KEY", SECRET);
            env.put("DATA_DIR", dataDir.toString());
            env.put("SYNC_ENABLED", "false");
            env.putAll(environment);
            AppConfig config = AppConfig.from(Settings.load(env));
            Database db = Database.open(new DatabaseConfig("jdbc:h2:mem:bot-e2e-" + DATABASES.incrementAndGet()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa", "", 8));
            App app = new App(config, db, Clock.systemUTC(), Metrics.globalRegistry());
            WebServer server = app.configure(WebServer.builder().host("127.0.0.1").port(0)).build().start();
            app.start();
            return new RunningServer(app, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
        app.close();
    }
}
