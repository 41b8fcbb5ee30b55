package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.ApiAssertions.assertBad;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.TestTokens;

/** {@code /api/v1/bot/sync} over real HTTP, as docs/api.md describes it. */
class SyncApiTest {

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void syncNowIsAcceptedThenRefusedWhileTheCabinetRuns(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        long cabinetId = userWithCabinet(11, "Первый");

        // connecting scheduled the first sync
        assertThat(count(
                        "SELECT COUNT(*) FROM scheduled_tasks"
                                + " WHERE task_name = 'cabinet-sync' AND task_instance = ?",
                        String.valueOf(cabinetId)))
                .isEqualTo(1);

        var started = server.postEmpty("/api/v1/bot/sync/start?telegram_id=11");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("cabinets")).hasSize(1);
        assertThat(started.json().path("cabinets").get(0).path("cabinet_id").asLong())
                .isEqualTo(cabinetId);
        assertThat(started.json().path("cabinets").get(0).path("status").asText())
                .isEqualTo("started");

        JsonNode idle = status(11).get(0);
        assertThat(idle.path("cabinet_id").asLong()).isEqualTo(cabinetId);
        assertThat(idle.path("name").asText()).isEqualTo("Первый");
        assertThat(idle.path("running").asBoolean()).isFalse();
        assertThat(idle.path("next_run_at").asText()).endsWith("+03:00");
        // nothing has run yet; the test key has no Prices category, and the status says so
        assertThat(idle.path("data_sets")).singleElement().satisfies(set -> {
            assertThat(set.path("data_set").asText()).isEqualTo("prices");
            assertThat(set.path("status").asText()).isEqualTo("skipped");
            assertThat(set.path("error").asText()).contains("no prices category");
        });

        // another server picked the cabinet up: it is running
        server.db()
                .withConnection(c -> Sql.update(
                        c,
                        "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'other'" + " WHERE task_instance = ?",
                        String.valueOf(cabinetId)));
        var refused = server.postEmpty("/api/v1/bot/sync/start?telegram_id=11");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).isEqualTo("conflict");
        assertThat(refused.json().path("message").asText()).contains("running");
        JsonNode running = status(11).get(0);
        assertThat(running.path("running").asBoolean()).isTrue();
        assertThat(running.path("next_run_at").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void statusShowsTheLatestRunOfEachDataSet(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        long cabinetId = userWithCabinet(12, "Магазин");
        Instant t = Instant.parse("2026-11-27T07:00:00Z");
        server.db().inTransaction(c -> {
            log(c, cabinetId, "orders", "failed", t, 0, "WB ORDERS answered 503: service unavailable");
            log(c, cabinetId, "orders", "success", t.plusSeconds(180), 42, null);
            log(c, cabinetId, "products", "success", t.plusSeconds(170), 7, null);
            log(
                    c,
                    cabinetId,
                    "stocks",
                    "failed",
                    t.plusSeconds(175),
                    0,
                    "internal error in the server (error id" + " 0123456789ab); the next sync tries again");
            Sql.update(
                    c,
                    "UPDATE wb_sync_logs SET error_code = 'internal', error_id = '0123456789ab'"
                            + " WHERE data_set = 'stocks'");
            return null;
        });

        JsonNode sets = status(12).get(0).path("data_sets");

        assertThat(sets).hasSize(4);
        assertThat(sets.get(0).path("data_set").asText()).isEqualTo("products");
        assertThat(sets.get(1).path("data_set").asText()).isEqualTo("prices");
        JsonNode stocks = sets.get(2);
        assertThat(stocks.path("error_code").asText()).isEqualTo("internal");
        assertThat(stocks.path("error_id").asText()).isEqualTo("0123456789ab");
        assertThat(stocks.path("error").asText()).startsWith("internal error in the server (error id 0123456789ab)");
        JsonNode orders = sets.get(3);
        assertThat(orders.path("data_set").asText()).isEqualTo("orders");
        assertThat(orders.path("status").asText()).isEqualTo("success");
        assertThat(orders.path("records").asInt()).isEqualTo(42);
        assertThat(orders.path("started_at").asText())
                .startsWith("2026-11-27T10:03")
                .endsWith("+03:00");
        assertThat(java.time.OffsetDateTime.parse(orders.path("started_at").asText())
                        .toInstant())
                .isEqualTo(t.plusSeconds(180));
        assertThat(java.time.OffsetDateTime.parse(orders.path("completed_at").asText())
                        .toInstant())
                .isEqualTo(t.plusSeconds(185));
        assertThat(orders.path("error").isNull()).isTrue();
        assertThat(orders.path("error_code").isNull()).isTrue();
        assertThat(status(12).get(0).path("live_orders").path("state").asText())
                .as("not polled yet")
                .isEqualTo("pending");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void statusShowsTheLiveOrderSourceAndWhyItIsOff(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        long cabinetId = userWithCabinet(15, "Живой");
        Instant polled =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(30);
        server.db().inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO order_feed_state (cabinet_id, mode, reason, last_status, last_poll_at,"
                            + " last_success_at, next_poll_at) VALUES (?,?,?,?,?,?,?)",
                    cabinetId,
                    "off",
                    "no_analytics",
                    "success",
                    polled,
                    polled,
                    polled.plusSeconds(3600));
            return null;
        });
        JsonNode live = status(15).get(0).path("live_orders");
        assertThat(live.path("state").asText()).isEqualTo("off");
        assertThat(live.path("reason").asText()).isEqualTo("no_analytics");
        assertThat(live.path("last_poll_at").asText()).endsWith("+03:00");
        assertThat(live.path("lag_seconds").asLong()).isBetween(30L, 60L);
        assertThat(java.time.OffsetDateTime.parse(live.path("next_poll_at").asText())
                        .toInstant())
                .isEqualTo(polled.plusSeconds(3600));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void badRequestsAreClearJsonErrors(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        long cabinetId = userWithCabinet(13, "Свой");
        server.post("/users/", Map.of("telegram_id", 14));

        assertBad(server.postEmpty("/api/v1/bot/sync/start"), "telegram_id", "telegram_id is required");
        assertBad(server.get("/api/v1/bot/sync/status?telegram_id=abc"), "telegram_id", "positive integer");
        assertThat(server.postEmpty("/api/v1/bot/sync/start?telegram_id=999").status())
                .isEqualTo(404);
        var none = server.get("/api/v1/bot/sync/status?telegram_id=14");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("message").asText()).contains("no WB cabinet");
        var foreign = server.postEmpty("/api/v1/bot/sync/start?telegram_id=14&cabinet_id=" + cabinetId);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(server.get("/api/v1/bot/sync/start?telegram_id=13").status()).isEqualTo(405);
        assertThat(server.get("/api/v1/bot/sync/status?telegram_id=13&cabinet_id=" + cabinetId)
                        .status())
                .isEqualTo(200);
    }

    private long userWithCabinet(long telegramId, String name) {
        server.post("/users/", Map.of("telegram_id", telegramId));
        var connected = server.post(
                "/wb/cabinets/", Map.of("user_id", telegramId, "api_key", TestTokens.valid(), "name", name));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        return connected.json().path("cabinet").path("id").asLong();
    }

    private JsonNode status(long telegramId) {
        var response = server.get("/api/v1/bot/sync/status?telegram_id=" + telegramId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("cabinets");
    }

    private static void log(
            java.sql.Connection c,
            long cabinetId,
            String dataSet,
            String status,
            Instant started,
            int records,
            String error)
            throws java.sql.SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, completed_at,"
                        + " records_processed, error_message) VALUES (?,?,?,?,?,?,?)",
                cabinetId,
                dataSet,
                status,
                started,
                started.plusSeconds(5),
                records,
                error);
    }

    private long count(String sql, Object... params) {
        return server.db().withConnection(c -> Sql.queryLong(c, sql, params));
    }
}
