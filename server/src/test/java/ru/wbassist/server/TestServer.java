package ru.wbassist.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.Settings;

/**
 * The real server on a random port over a fresh H2 or PostgreSQL database, and an HTTP client that sends the
 * secret. Every route test goes through real HTTP with this.
 */
public final class TestServer implements AutoCloseable {

    public static final String SECRET = "test-secret-0123456789";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final App app;
    private final WebServer server;
    private final Path dataDir;

    private TestServer(App app, WebServer server, Path dataDir) {
        this.app = app;
        this.server = server;
        this.dataDir = dataDir;
    }

    public static TestServer start(DatabaseConfig.Vendor vendor) {
        return start(vendor, Map.of());
    }

    /** Starts with extra environment variables (names as in README), e.g. WB_API_BASE_URL. */
    public static TestServer start(DatabaseConfig.Vendor vendor, Map<String, String> environment) {
        return start(vendor, environment, Clock.systemUTC());
    }

    /** Starts with the application reading time from {@code clock} (a fixed "now" for day boundaries). */
    public static TestServer start(DatabaseConfig.Vendor vendor, Map<String, String> environment, Clock clock) {
        return start(TestDatabases.freshConfig(vendor), environment, clock);
    }

    /** Starts on the database {@code database} (migrating it), e.g. a second server beside a first one. */
    public static TestServer start(DatabaseConfig database, Map<String, String> environment, Clock clock) {
        try {
            Path dataDir = Files.createTempDirectory("wbassist-test");
            Map<String, String> env = new HashMap<>();
            env.put("API_SECRET_KEY", SECRET);
            env.put("DATA_DIR", dataDir.toString());
            env.put("SYNC_ENABLED", "false");
            env.putAll(environment);
            var config = Settings.load(env);
            AppConfig appConfig = AppConfig.from(config);
            Database db = Database.open(database);
            App app = new App(appConfig, db, clock, Metrics.globalRegistry());
            WebServer server = app.configure(WebServer.builder()
                            .config(config.get("server"))
                            .host("127.0.0.1")
                            .port(0))
                    .build()
                    .start();
            app.start();
            return new TestServer(app, server, dataDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public App app() {
        return app;
    }

    public Database db() {
        return app.database();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A response: status, body text and parsed JSON (null when the body is not JSON). */
    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {}

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, Object jsonBody) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(jsonBody)))
                .build());
    }

    public Response postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** A request with the secret header set; adjust and {@link #send} it. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-SECRET-KEY", SECRET);
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> raw = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = raw.body().isEmpty() ? null : MAPPER.readTree(raw.body());
            } catch (IOException notJson) {
                // leave json null; tests assert on it
            }
            return new Response(raw.statusCode(), raw.body(), json, raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        app.close();
    }
}
