package ru.wbassist.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.TestTokens;

/** The operator's actions: retry a failed notification, pause and resume a cabinet's sync, CSV exports. */
class AdminControlsTest {

    private static final long TG = 5150;

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aRetryIsANewAttemptAndTheHistoryKeepsBoth(DatabaseConfig.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.post("/users/", Map.of("telegram_id", TG, "first_name", "Ivan"));
            long userId = userId(server, TG);
            long failed =
                    insert(server, userId, "failed", "<b>🛒 Новый заказ</b>", "https://img.example/1.jpg", null, null);
            long pending = insert(server, userId, "pending", "<b>pending</b>", null, null, null);

            TestServer.Response retried = server.postEmpty("/api/v1/admin/notifications/" + failed + "/retry");
            assertThat(retried.status()).as(retried.body()).isEqualTo(201);
            long retryId = retried.json().get("id").asLong();
            assertThat(retryId).isGreaterThan(pending);
            assertThat(retried.json().get("retry_of").asLong()).isEqualTo(failed);
            assertThat(retried.json().get("status").asText()).isEqualTo("pending");

            JsonNode items = server.get("/api/v1/admin/notifications?telegram_id=" + TG)
                    .json()
                    .get("items");
            JsonNode retry = byId(items, retryId);
            JsonNode original = byId(items, failed);
            assertThat(items).hasSize(3);
            assertThat(original.get("status").asText()).isEqualTo("failed");
            assertThat(original.get("attempts").asInt()).isEqualTo(5);
            assertThat(original.get("last_error").asText()).isEqualTo("Bad Gateway");
            assertThat(original.get("retried_by").asLong()).isEqualTo(retryId);
            assertThat(original.get("retry_of").isNull()).isTrue();
            assertThat(retry.get("status").asText()).isEqualTo("pending");
            assertThat(retry.get("attempts").asInt()).isZero();
            assertThat(retry.get("retry_of").asLong()).isEqualTo(failed);
            assertThat(retry.get("text").asText()).isEqualTo("<b>🛒 Новый заказ</b>");
            assertThat(retry.get("image_url").asText()).isEqualTo("https://img.example/1.jpg");

            // it is delivered like any notification
            JsonNode polled = server.get("/api/v1/notifications/poll?telegram_id=" + TG + "&cursor=0")
                    .json();
            List<Long> polledIds = new ArrayList<>();
            polled.get("notifications").forEach(n -> polledIds.add(n.get("id").asLong()));
            assertThat(polledIds).containsExactly(pending, retryId);

            TestServer.Response again = server.postEmpty("/api/v1/admin/notifications/" + failed + "/retry");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("message").asText()).contains("retried already as notification " + retryId);
            TestServer.Response notFailed = server.postEmpty("/api/v1/admin/notifications/" + pending + "/retry");
            assertThat(notFailed.status()).isEqualTo(409);
            assertThat(notFailed.json().get("message").asText()).contains("is pending");

            // the retry fails in turn: it can be retried itself
            assertThat(server.post(
                                    "/api/v1/notifications/ack",
                                    Map.of(
                                            "failed",
                                            List.of(Map.of("id", retryId, "error", "Forbidden", "permanent", true))))
                            .status())
                    .isEqualTo(200);
            TestServer.Response second = server.postEmpty("/api/v1/admin/notifications/" + retryId + "/retry");
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            assertThat(second.json().get("retry_of").asLong()).isEqualTo(retryId);

            assertThat(server.postEmpty("/api/v1/admin/notifications/999999/retry")
                            .status())
                    .isEqualTo(404);
            TestServer.Response badId = server.postEmpty("/api/v1/admin/notifications/abc/retry");
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.json().get("field").asText()).isEqualTo("id");
            assertThat(server.get("/api/v1/admin/notifications/" + failed + "/retry")
                            .status())
                    .isEqualTo(405);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aGroupIsRetriedThroughItsLeaderAndABlockedUserNotAtAll(DatabaseConfig.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.post("/users/", Map.of("telegram_id", TG, "first_name", "Ivan"));
            long userId = userId(server, TG);
            long leader = insert(server, userId, "failed", "<b>one</b>", "https://img.example/1.jpg", null, null);
            long member = insert(server, userId, "failed", "<b>two</b>", null, leader, null);
            server.db()
                    .withConnection(c -> Sql.update(
                            c,
                            "UPDATE notification_history SET group_id = id,"
                                    + " group_size = 2, group_text = ? WHERE id = ?",
                            "<b>2 new orders</b>",
                            leader));

            TestServer.Response ofMember = server.postEmpty("/api/v1/admin/notifications/" + member + "/retry");
            assertThat(ofMember.status()).isEqualTo(409);
            assertThat(ofMember.json().get("message").asText())
                    .contains("retry that one")
                    .contains(String.valueOf(leader));

            TestServer.Response ofLeader = server.postEmpty("/api/v1/admin/notifications/" + leader + "/retry");
            assertThat(ofLeader.status()).as(ofLeader.body()).isEqualTo(201);
            JsonNode retry = byId(
                    server.get("/api/v1/admin/notifications?telegram_id=" + TG)
                            .json()
                            .get("items"),
                    ofLeader.json().get("id").asLong());
            assertThat(retry.get("text").asText()).isEqualTo("<b>2 new orders</b>");
            assertThat(retry.get("image_url").isNull()).isTrue();

            long blockedFailure = insert(server, userId, "failed", "<b>three</b>", null, null, null);
            assertThat(server.postEmpty("/users/" + TG + "/blocked").status()).isEqualTo(204);
            TestServer.Response blocked = server.postEmpty("/api/v1/admin/notifications/" + blockedFailure + "/retry");
            assertThat(blocked.status()).isEqualTo(409);
            assertThat(blocked.json().get("message").asText()).contains("blocked the bot");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aPausedCabinetIsShownPausedEverywhereAndRefusesSyncNowUntilResumed(DatabaseConfig.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.post("/users/", Map.of("telegram_id", 77, "first_name", "Olga"));
            long cabinetId = server.post(
                            "/wb/cabinets/",
                            Map.of("user_id", 77, "api_key", TestTokens.valid(), "name", "Olga's shop"))
                    .json()
                    .get("cabinet")
                    .get("id")
                    .asLong();

            TestServer.Response paused = server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/pause");
            assertThat(paused.status()).as(paused.body()).isEqualTo(200);
            assertThat(paused.json().get("cabinet_id").asLong()).isEqualTo(cabinetId);
            assertThat(paused.json().get("sync_paused").asBoolean()).isTrue();
            String pausedAt = paused.json().get("sync_paused_at").asText();
            assertThat(pausedAt).endsWith("+03:00");
            // pausing again keeps when it was paused
            assertThat(server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/pause")
                            .json()
                            .get("sync_paused_at")
                            .asText())
                    .isEqualTo(pausedAt);

            JsonNode listed =
                    server.get("/api/v1/admin/cabinets").json().get("items").get(0);
            assertThat(listed.get("sync_paused").asBoolean()).isTrue();
            assertThat(listed.get("sync_paused_at").asText()).isEqualTo(pausedAt);

            TestServer.Response syncNow = server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/sync");
            assertThat(syncNow.status()).isEqualTo(409);
            assertThat(syncNow.json().get("message").asText()).contains("paused");
            JsonNode botStatus = server.get("/api/v1/bot/sync/status?telegram_id=77")
                    .json()
                    .get("cabinets")
                    .get(0);
            assertThat(botStatus.get("paused").asBoolean()).isTrue();
            assertThat(botStatus.get("next_run_at").isNull()).isTrue();
            assertThat(server.postEmpty("/api/v1/bot/sync/start?telegram_id=77").status())
                    .isEqualTo(409);

            TestServer.Response resumed = server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/resume");
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.json().get("sync_paused").asBoolean()).isFalse();
            assertThat(resumed.json().get("sync_paused_at").isNull()).isTrue();
            assertThat(server.get("/api/v1/admin/cabinets")
                            .json()
                            .get("items")
                            .get(0)
                            .get("sync_paused")
                            .asBoolean())
                    .isFalse();
            assertThat(server.get("/api/v1/bot/sync/status?telegram_id=77")
                            .json()
                            .get("cabinets")
                            .get(0)
                            .get("paused")
                            .asBoolean())
                    .isFalse();
            assertThat(server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/sync")
                            .status())
                    .isEqualTo(202);

            assertThat(server.postEmpty("/api/v1/admin/cabinets/999999/pause").status())
                    .isEqualTo(404);
            assertThat(server.postEmpty("/api/v1/admin/cabinets/999999/resume").status())
                    .isEqualTo(404);
            assertThat(server.postEmpty("/api/v1/admin/cabinets/x/pause")
                            .json()
                            .get("field")
                            .asText())
                    .isEqualTo("id");
            assertThat(server.get("/api/v1/admin/cabinets/" + cabinetId + "/pause")
                            .status())
                    .isEqualTo(405);
            assertThat(server.get("/openapi").body())
                    .contains(
                            "/api/v1/admin/cabinets/{id}/pause:",
                            "/api/v1/admin/cabinets/{id}/resume:",
                            "/api/v1/admin/notifications/{id}/retry:",
                            "/api/v1/admin/notifications/export:",
                            "/api/v1/admin/sync-logs/export:");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void exportsAreUtf8CsvWithABomFollowingTheFilters(DatabaseConfig.Vendor vendor) throws Exception {
        try (TestServer server = TestServer.start(vendor)) {
            server.post("/users/", Map.of("telegram_id", TG, "first_name", "Ivan"));
            long userId = userId(server, TG);
            long cabinetId = server.post(
                            "/wb/cabinets/",
                            Map.of("user_id", TG, "api_key", TestTokens.valid(), "name", "Магазин \"Ромашка\""))
                    .json()
                    .get("cabinet")
                    .get("id")
                    .asLong();
            long failed = insert(server, userId, "failed", "<b>Заказ</b>, 2 шт.\nСклад: Коледино", null, null, null);
            insert(server, userId, "sent", "<b>sent</b>", null, null, null);
            server.db().withConnection(c -> {
                syncLog(c, cabinetId, "orders", "failed", "=HYPERLINK(\"x\")");
                return syncLog(c, cabinetId, "stocks", "success", null);
            });

            HttpResponse<byte[]> csv =
                    download(server, "/api/v1/admin/notifications/export?status=failed&telegram_id=" + TG);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                    .matches("attachment; filename=\"notifications-\\d{8}-\\d{4}\\.csv\"");
            byte[] body = csv.body();
            assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            List<String> lines = lines(body);
            assertThat(lines.getFirst())
                    .isEqualTo("id,created_at,telegram_id,cabinet_id,type,status,attempts,sent_at,"
                            + "suppressed_reason,last_error,retry_of,retried_by,text,image_url");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1))
                    .startsWith(failed + ",2026-")
                    .contains("," + TG + ",,new_order,failed,5,,,Bad Gateway,,,")
                    .endsWith("\"<b>Заказ</b>, 2 шт.\nСклад: Коледино\",");

            HttpResponse<byte[]> logs =
                    download(server, "/api/v1/admin/sync-logs/export?cabinet_id=" + cabinetId + "&status=failed");
            List<String> logLines = lines(logs.body());
            assertThat(logLines.getFirst())
                    .isEqualTo("id,cabinet_id,cabinet_name,data_set,status,started_at,"
                            + "completed_at,records_processed,error_message");
            assertThat(logLines).hasSize(2);
            // quotes doubled, and a leading "=" cannot run as a formula
            assertThat(logLines.get(1))
                    .contains(",\"Магазин \"\"Ромашка\"\"\",orders,failed,")
                    .endsWith(",0,\"'=HYPERLINK(\"\"x\"\")\"");
            assertThat(lines(download(server, "/api/v1/admin/sync-logs/export").body()))
                    .hasSize(3);

            TestServer.Response badStatus = server.get("/api/v1/admin/notifications/export?status=lost");
            assertThat(badStatus.status()).isEqualTo(400);
            assertThat(badStatus.json().get("field").asText()).isEqualTo("status");
            assertThat(server.get("/api/v1/admin/sync-logs/export?cabinet_id=999999")
                            .status())
                    .isEqualTo(404);
            assertThat(server.get("/api/v1/admin/notifications/export?telegram_id=999999")
                            .status())
                    .isEqualTo(404);
        }
    }

    private static HttpResponse<byte[]> download(TestServer server, String path)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(server.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** CSV records (CRLF-terminated; a newline inside a quoted field stays in its record). */
    private static List<String> lines(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text).endsWith("\r\n");
        return new ArrayList<>(List.of(text.split("\r\n")));
    }

    private static long userId(TestServer server, long telegramId) {
        return server.db()
                .withConnection(c -> Sql.queryLong(c, "SELECT id FROM users WHERE telegram_id = ?", telegramId));
    }

    private static long insert(
            TestServer server,
            long userId,
            String status,
            String text,
            String imageUrl,
            Long groupId,
            String suppressed) {
        Instant now = Instant.now();
        return server.db()
                .withConnection(c -> Sql.insert(
                        c,
                        "INSERT INTO notification_history (user_id, event_type,"
                                + " external_id, text, image_url, created_at, status, suppressed_reason, deliver_after, attempts,"
                                + " last_error, group_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        userId,
                        "new_order",
                        "x-" + System.nanoTime(),
                        text,
                        imageUrl,
                        now,
                        status,
                        suppressed,
                        now,
                        status.equals("failed") ? 5 : 0,
                        status.equals("failed") ? "Bad Gateway" : null,
                        groupId));
    }

    private static long syncLog(Connection c, long cabinetId, String dataSet, String status, String error)
            throws SQLException {
        Instant now = Instant.now();
        return Sql.insert(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, completed_at,"
                        + " error_message) VALUES (?,?,?,?,?,?)",
                cabinetId,
                dataSet,
                status,
                now,
                now,
                error);
    }

    private static JsonNode byId(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no notification " + id + " in " + items);
    }
}
