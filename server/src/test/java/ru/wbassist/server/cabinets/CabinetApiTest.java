package ru.wbassist.server.cabinets;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.ApiAssertions.assertBad;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.observability.LogFormat;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.TestTokens;
import ru.wbassist.server.sync.CabinetSync;
import ru.wbassist.server.sync.SyncSettings;
import ru.wbassist.server.wb.RateLimiter;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbHosts;

class CabinetApiTest {

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void connectingAKnownKeySharesTheCabinet(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(1);
        register(2);
        String key = TestTokens.valid();

        var created = server.post("/wb/cabinets/", Map.of("user_id", 1, "api_key", key, "name", "Мой магазин"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("shared").asBoolean()).isFalse();
        assertThat(created.json().path("cabinet").path("role").asText()).isEqualTo("owner");
        assertThat(created.json().path("cabinet").path("name").asText()).isEqualTo("Мой магазин");
        long cabinetId = created.json().path("cabinet").path("id").asLong();

        var joined = server.post("/wb/cabinets/", Map.of("telegram_id", 2, "api_key", key));
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().path("shared").asBoolean()).isTrue();
        assertThat(joined.json().path("cabinet").path("id").asLong()).isEqualTo(cabinetId);
        assertThat(joined.json().path("cabinet").path("role").asText()).isEqualTo("member");

        var again = server.post("/wb/cabinets/", Map.of("user_id", 2, "api_key", key));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).isEqualTo("conflict");

        long cabinets = server.db().withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"));
        assertThat(cabinets).isEqualTo(1);

        var list = server.get("/wb/cabinets/?telegram_id=2");
        assertThat(list.status()).isEqualTo(200);
        assertThat(server.get("/wb/cabinets/?user_id=2").body())
                .as("user_id is an alias")
                .isEqualTo(list.body());
        assertThat(list.json().path("cabinets")).hasSize(1);
        assertThat(list.json().path("cabinets").get(0).path("key_valid").asBoolean())
                .isTrue();
        assertThat(list.body()).doesNotContain(key).doesNotContain("api_key");

        // leaving: the cabinet stays while a user is left, then goes with its data, its events and notifications
        long userId = server.db().withConnection(c -> Sql.queryLong(c, "SELECT id FROM users WHERE telegram_id = 1"));
        server.db().inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO wb_orders (cabinet_id, srid, nm_id, order_date, last_change_date) VALUES (?,?,?,?,?)",
                    cabinetId,
                    "s1",
                    1L,
                    Instant.now(),
                    Instant.now());
            long event = Sql.insert(
                    c,
                    "INSERT INTO events (cabinet_id, event_type, external_id, payload, occurred_at)"
                            + " VALUES (?,?,?,?,?)",
                    cabinetId,
                    "new_order",
                    "s1",
                    "{}",
                    Instant.now());
            Sql.update(
                    c,
                    "INSERT INTO notification_history (user_id, cabinet_id, event_id, event_type, external_id, text)"
                            + " VALUES (?,?,?,?,?,?)",
                    userId,
                    cabinetId,
                    event,
                    "new_order",
                    "s1",
                    "order");
            // a test notification belongs to no cabinet and outlives it
            return Sql.update(
                    c,
                    "INSERT INTO notification_history (user_id, event_type, external_id, text)" + " VALUES (?,?,?,?)",
                    userId,
                    "test",
                    "test-1",
                    "test");
        });
        assertThat(server.delete("/wb/cabinets/" + cabinetId + "?user_id=1").status())
                .isEqualTo(204);
        assertThat(server.get("/wb/cabinets/?user_id=1").json().path("cabinets"))
                .isEmpty();
        assertThat(server.get("/wb/cabinets/?user_id=2").json().path("cabinets"))
                .hasSize(1);
        assertThat(server.delete("/wb/cabinets/" + cabinetId + "?user_id=1").status())
                .isEqualTo(404);
        assertThat(server.delete("/wb/cabinets/" + cabinetId + "?user_id=2").status())
                .isEqualTo(204);
        long orders = server.db().withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_orders"));
        assertThat(orders).isZero();
        long events = server.db().withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM events"));
        assertThat(events).isZero();
        List<String> left = server.db()
                .withConnection(
                        c -> Sql.query(c, "SELECT event_type FROM notification_history", rs -> rs.getString(1)));
        assertThat(left).containsExactly("test");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aKeyPastedWithBearerOrWhitespaceIsTheSameKey(DatabaseConfig.Vendor vendor) throws Exception {
        server = TestServer.start(vendor);
        register(1);
        register(2);
        String key = TestTokens.valid();
        assertThat(connect(1, key).status()).isEqualTo(201);

        var bearer = connect(2, "Bearer " + key);
        assertThat(bearer.status()).as(bearer.body()).isEqualTo(200);
        assertThat(bearer.json().path("shared").asBoolean()).isTrue();
        var spaced = connect(1, "  bearer\t" + key.substring(0, 30) + "\n" + key.substring(30) + " \r\n");
        assertThat(spaced.status()).as(spaced.body()).isEqualTo(409);

        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(1);
        long id = count("SELECT MIN(id) FROM wb_cabinets");
        assertThat(new CabinetRepository(server.db(), vaultOf(server)).apiKey(id))
                .isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aNewKeyOfTheSameSellerReplacesTheOldKeyInTheSameCabinet(DatabaseConfig.Vendor vendor) throws Exception {
        server = TestServer.start(vendor);
        register(1);
        register(2);
        register(3);
        String seller = java.util.UUID.randomUUID().toString();
        Instant firstExpiry =
                Instant.now().plusSeconds(3 * 24 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String oldKey = TestTokens.token(TestTokens.ALL_SCOPES, firstExpiry, seller);
        var created = server.post("/wb/cabinets/", Map.of("user_id", 1, "api_key", oldKey, "name", "Магазин"));
        assertThat(created.status()).isEqualTo(201);
        long cabinetId = created.json().path("cabinet").path("id").asLong();
        assertThat(connect(2, oldKey).status()).isEqualTo(200);
        server.db().inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO wb_orders (cabinet_id, srid, nm_id, order_date, last_change_date) VALUES (?,?,?,?,?)",
                    cabinetId,
                    "s1",
                    1L,
                    Instant.now(),
                    Instant.now());
            return Sql.update(
                    c,
                    "UPDATE wb_cabinets SET key_invalid_since = ?, key_error = ? WHERE id = ?",
                    Instant.now(),
                    "401: token expired",
                    cabinetId);
        });

        Instant newExpiry = firstExpiry.plusSeconds(180L * 24 * 3600);
        String newKey = TestTokens.token(TestTokens.ALL_SCOPES, newExpiry, seller);
        var replaced = connect(1, newKey);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("key_replaced").asBoolean()).isTrue();
        assertThat(replaced.json().path("shared").asBoolean()).isFalse();
        assertThat(replaced.json().path("cabinet").path("id").asLong()).isEqualTo(cabinetId);
        assertThat(replaced.json().path("cabinet").path("role").asText()).isEqualTo("owner");
        assertThat(replaced.json().path("cabinet").path("name").asText()).isEqualTo("Магазин");
        assertThat(replaced.json().path("cabinet").path("key_valid").asBoolean())
                .isTrue();
        assertThat(java.time.OffsetDateTime.parse(replaced.json()
                                .path("cabinet")
                                .path("key_expires_at")
                                .asText())
                        .toInstant())
                .isEqualTo(newExpiry);
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cabinet_users WHERE cabinet_id = ?", cabinetId))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ?", cabinetId))
                .isEqualTo(1);
        assertThat(new CabinetRepository(server.db(), vaultOf(server)).apiKey(cabinetId))
                .isEqualTo(newKey);

        // a third user with yet another key of that seller joins the same cabinet
        var joined = connect(3, TestTokens.token(TestTokens.ALL_SCOPES, newExpiry.plusSeconds(60), seller));
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().path("key_replaced").asBoolean()).isTrue();
        assertThat(joined.json().path("shared").asBoolean()).isTrue();
        assertThat(joined.json().path("cabinet").path("role").asText()).isEqualTo("member");
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(1);

        // another seller is another cabinet
        assertThat(connect(1, TestTokens.valid()).status()).isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void concurrentKeysOfOneSellerMakeOneCabinet(DatabaseConfig.Vendor vendor) throws Exception {
        server = TestServer.start(vendor);
        int users = 4;
        for (int u = 1; u <= users; u++) {
            register(u);
        }
        String seller = java.util.UUID.randomUUID().toString();
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(users)) {
            for (int u = 1; u <= users; u++) {
                long user = u;
                String key =
                        TestTokens.token(TestTokens.ALL_SCOPES, Instant.now().plusSeconds(86_400), seller);
                answers.add(pool.submit(() -> {
                    start.await();
                    return connect(user, key).status();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isIn(200, 201);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cabinet_users")).isEqualTo(users);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void theKeyIsAcceptedInTheBodyOnlyNeverInTheUrl(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(5);
        String key = TestTokens.valid();
        var inQuery = server.postEmpty("/wb/cabinets/?user_id=5&name=Shop&api_key=" + key);
        assertBad(inQuery, "api_key", "JSON body");
        assertThat(inQuery.body()).doesNotContain(key);
        var bothWays = server.send(server.request("/wb/cabinets/?api_key=" + key)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"user_id\":5,\"api_key\":\"" + key + "\"}"))
                .build());
        assertBad(bothWays, "api_key", "JSON body");
        assertBad(server.postEmpty("/wb/cabinets/?user_id=5&name=Shop"), "user_id", "JSON body");
        assertBad(server.postEmpty("/wb/cabinets/?telegram_id=5"), "telegram_id", "JSON body");
        long stored = server.db().withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"));
        assertThat(stored).isZero();
        var inBody = server.post("/wb/cabinets/", Map.of("user_id", 5, "api_key", key, "name", "Shop"));
        assertThat(inBody.status()).as(inBody.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void rejectsUnusableKeysWithAClearReason(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(1);
        long statisticsOnly = 1L << 5;
        assertBad(connect(1, null), "api_key", "api_key is required");
        assertBad(connect(1, "not-a-token"), "api_key", "not a WB token");
        assertBad(connect(1, "a.!!!.c"), "api_key", "could not be decoded");
        assertBad(
                connect(1, TestTokens.token(TestTokens.ALL_SCOPES, Instant.now().minusSeconds(60))),
                "api_key",
                "expired");
        assertBad(connect(1, TestTokens.token(statisticsOnly, Instant.now().plusSeconds(3600))), "api_key", "CONTENT");
        assertBad(server.post("/wb/cabinets/", Map.of("api_key", TestTokens.valid())), "telegram_id", "required");
        assertBad(
                server.post("/wb/cabinets/", Map.of("telegram_id", 1, "user_id", 2, "api_key", TestTokens.valid())),
                "user_id",
                "alias");
        assertBad(
                server.post("/wb/cabinets/", Map.of("telegram_id", 0, "api_key", TestTokens.valid())),
                "telegram_id",
                "positive");
        assertBad(
                server.post("/wb/cabinets/", Map.of("user_id", 0, "api_key", TestTokens.valid())),
                "user_id",
                "positive");
        assertBad(
                server.post(
                        "/wb/cabinets/", Map.of("user_id", 1, "api_key", TestTokens.valid(), "name", "x".repeat(101))),
                "name",
                "at most");
        assertBad(server.get("/wb/cabinets/"), "telegram_id", "required");
        assertBad(server.get("/wb/cabinets/?telegram_id=1&user_id=2"), "user_id", "alias");
        assertBad(server.get("/wb/cabinets/?user_id=x"), "user_id", "positive");
        assertBad(server.delete("/wb/cabinets/abc?user_id=1"), "id", "positive");
        var unknownUser = server.post("/wb/cabinets/", Map.of("user_id", 99, "api_key", TestTokens.valid()));
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(server.get("/wb/cabinets/?user_id=99").status()).isEqualTo(404);
        long cabinets = server.db().withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"));
        assertThat(cabinets).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void theKeyIsNeitherStoredInClearNorLogged(DatabaseConfig.Vendor vendor) throws Exception {
        List<String> logLines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // as an operator's log shows them: both line formats, with the context fields and stack traces
                logLines.add(LogFormat.TEXT.formatter().format(record));
                logLines.add(LogFormat.JSON.formatter().format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        String key = TestTokens.valid();
        try {
            server = TestServer.start(vendor);
            register(1);
            assertThat(server.post("/wb/cabinets/", Map.of("user_id", 1, "api_key", key))
                            .status())
                    .isEqualTo(201);
            server.post("/wb/cabinets/", Map.of("user_id", 1, "api_key", key));
            server.post("/wb/cabinets/", Map.of("user_id", 1, "api_key", key.substring(0, key.lastIndexOf('.'))));
            server.send(server.request("/users/1")
                    .header("X-API-SECRET-KEY", key)
                    .GET()
                    .build());
            // a sync run with this key that WB does not answer: its lines carry cabinet, run and data set
            long id = server.db().withConnection(c -> Sql.queryLong(c, "SELECT MIN(id) FROM wb_cabinets"));
            WbClient unreachable = new WbClient(
                    WbHosts.allAt("http://127.0.0.1:9"),
                    RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 100)),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(1),
                    80_000,
                    WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                    server.app().meters());
            assertThat(new CabinetSync(
                                    server.db(),
                                    new CabinetRepository(server.db(), vaultOf(server)),
                                    unreachable,
                                    server.app().eventSink(),
                                    new SyncSettings(
                                            false,
                                            Duration.ofMinutes(3),
                                            Duration.ofMinutes(60),
                                            1,
                                            1,
                                            Duration.ofSeconds(1)),
                                    Clock.systemUTC(),
                                    server.app().meters())
                            .sync(id))
                    .isEqualTo(CabinetSync.Outcome.FAILED);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(capture);
        }

        String dump = dumpDatabase(vendor);
        assertThat(dump).contains("wb_cabinets").doesNotContain(key).doesNotContain(key.split("\\.")[1]);
        String logs = String.join("\n", logLines) + console.toString(StandardCharsets.UTF_8);
        assertThat(logs).doesNotContain(key.split("\\.")[1]).doesNotContain(TestServer.SECRET);
        assertThat(logLines)
                .anySatisfy(line -> assertThat(line)
                        .contains("cabinet_id=")
                        .contains("run_id=")
                        .contains("data_set=orders")
                        .contains("did not answer"));

        CabinetRepository repository = new CabinetRepository(server.db(), vaultOf(server));
        long id = server.db().withConnection(c -> Sql.queryLong(c, "SELECT MIN(id) FROM wb_cabinets"));
        assertThat(repository.apiKey(id)).isEqualTo(key);
    }

    private KeyVault vaultOf(TestServer s) throws Exception {
        byte[] kek = java.util.Base64.getUrlDecoder()
                .decode(java.nio.file.Files.readString(s.dataDir().resolve("key-encryption-key"))
                        .trim());
        return new KeyVault(kek);
    }

    /** The whole database as text: H2's SCRIPT, or every row of every table on PostgreSQL. */
    private String dumpDatabase(DatabaseConfig.Vendor vendor) {
        return server.db().withConnection(c -> {
            StringBuilder dump = new StringBuilder();
            if (vendor == DatabaseConfig.Vendor.H2) {
                Sql.query(c, "SCRIPT", rs -> dump.append(rs.getString(1)).append('\n'));
                return dump.toString();
            }
            List<String> tables = Sql.query(
                    c,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                    rs -> rs.getString(1));
            for (String table : tables) {
                dump.append(table).append('\n');
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            dump.append(rs.getString(i)).append('|');
                        }
                        dump.append('\n');
                    }
                }
            }
            return dump.toString();
        });
    }

    private long count(String sql, Object... params) {
        return server.db().withConnection(c -> Sql.queryLong(c, sql, params));
    }

    private TestServer.Response connect(long user, String key) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("user_id", user);
        body.put("api_key", key);
        return server.post("/wb/cabinets/", body);
    }

    private void register(long telegramId) {
        assertThat(server.post("/users/", Map.of("telegram_id", telegramId)).status())
                .isEqualTo(201);
    }
}
