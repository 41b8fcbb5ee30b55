package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.ApiAssertions.assertBad;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.events.DetectionFixture;

/** The notifications API over real HTTP, on H2 and PostgreSQL, including bad input. */
class NotificationApiTest {

    private static final String BASE = "/api/v1/notifications";
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void register(long telegramId, String language) {
        assertThat(server.post("/users/", Map.of("telegram_id", telegramId, "language", language))
                        .status())
                .isEqualTo(201);
    }

    private long queueTest(long telegramId, String type) {
        TestServer.Response r = server.postEmpty(BASE + "/test?telegram_id=" + telegramId + "&type=" + type);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("type").asText()).isEqualTo(type);
        return r.json().path("id").asLong();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void detectedEventsArePolledLeasedAndAcknowledged(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(111, "ru");
        register(222, "en");
        long cabinet = server.db().inTransaction(c -> {
            long anna = Sql.queryLong(c, "SELECT id FROM users WHERE telegram_id = 111");
            long bob = Sql.queryLong(c, "SELECT id FROM users WHERE telegram_id = 222");
            long id = Sql.insert(
                    c, "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES ('Shop','e','h')");
            Sql.update(c, "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,'owner')", id, anna);
            Sql.update(c, "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,'member')", id, bob);
            Sql.update(
                    c,
                    "INSERT INTO wb_products (cabinet_id, nm_id, vendor_code, title, image_url) VALUES (?,?,?,?,?)",
                    id,
                    100L,
                    "K-1",
                    "Кеды & <кроссовки>",
                    DetectionFixture.PHOTO.formatted(100));
            return id;
        });
        server.db().inTransaction(c -> {
            DetectionFixture.insertOrder(c, cabinet, "o-1", 100, Instant.now().minusSeconds(60));
            server.app().eventSink().ordersStored(c, cabinet, List.of("o-1"), List.of());
            return null;
        });

        JsonNode legacy = server.get(BASE + "/poll?telegram_id=111").json();
        assertThat(legacy.path("telegram_id").asLong()).isEqualTo(111);
        assertThat(legacy.path("server_time").asText()).endsWith("+03:00");
        JsonNode item = legacy.path("notifications").get(0);
        assertThat(item.path("type").asText()).isEqualTo("new_order");
        assertThat(item.path("text").asText()).contains("Новый заказ").contains("Кеды &amp; &lt;кроссовки&gt;");
        assertThat(item.path("image_url").asText()).isEqualTo(DetectionFixture.PHOTO.formatted(100));
        assertThat(item.path("cabinet_id").asLong()).isEqualTo(cabinet);
        assertThat(item.path("group_size").asInt()).isEqualTo(1);
        assertThat(item.path("created_at").asText()).endsWith("+03:00");
        assertThat(server.get(BASE + "/poll?telegram_id=111&last_check="
                                + URLEncoder.encode(Instant.now().plusSeconds(5).toString(), StandardCharsets.UTF_8))
                        .json()
                        .path("notifications"))
                .isEmpty();

        JsonNode leased =
                server.get(BASE + "/poll?telegram_id=222&cursor=0&lease=30").json();
        assertThat(leased.path("notifications")).hasSize(1);
        JsonNode english = leased.path("notifications").get(0);
        assertThat(english.path("text").asText()).contains("New order");
        long id = english.path("id").asLong();
        assertThat(leased.path("next_cursor").asLong()).isEqualTo(id);
        assertThat(server.get(BASE + "/poll?telegram_id=222&cursor=" + id)
                        .json()
                        .path("notifications"))
                .isEmpty();

        TestServer.Response ack = server.post(
                BASE + "/ack", Map.of("delivered", List.of(Map.of("id", id, "sent_at", "2026-11-27T12:00:00+03:00"))));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().path("delivered").asInt()).isEqualTo(1);
        assertThat(ack.json().path("failed").asInt()).isZero();

        JsonNode pending = server.get(BASE + "/pending?limit=10&lease=5").json();
        assertThat(pending.path("items")).hasSize(1);
        assertThat(pending.path("items").get(0).path("telegram_id").asLong()).isEqualTo(111);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void batchPollAnswersPerUserAndLimitsTheIds(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(1, "ru");
        register(2, "ru");
        long a = queueTest(1, "new_order");
        long b = queueTest(2, "negative_review");
        queueTest(2, "critical_stock");

        JsonNode legacy = server.get(BASE + "/poll/batch?telegram_ids=1,2,3").json();
        assertThat(legacy.path("users").path("1")).hasSize(1);
        assertThat(legacy.path("users").path("2")).hasSize(2);
        assertThat(legacy.path("users").path("3")).isEmpty();
        assertThat(legacy.has("next_cursor")).isFalse();

        JsonNode leased = server.get(BASE + "/poll/batch?telegram_ids=1,2&cursor=0&limit=2")
                .json();
        assertThat(leased.path("users").path("1").get(0).path("id").asLong()).isEqualTo(a);
        assertThat(leased.path("users").path("2").get(0).path("id").asLong()).isEqualTo(b);
        assertThat(leased.path("next_cursor").asLong()).isEqualTo(b);

        String thousand =
                LongStream.rangeClosed(1, 1000).mapToObj(Long::toString).collect(Collectors.joining(","));
        assertThat(server.get(BASE + "/poll/batch?telegram_ids=" + thousand).status())
                .isEqualTo(200);
        assertBad(server.get(BASE + "/poll/batch?telegram_ids=" + thousand + ",1001"), "telegram_ids", "at most 1000");
        assertBad(server.get(BASE + "/poll/batch?telegram_ids=1,x"), "telegram_ids", "positive integer");
        assertBad(server.get(BASE + "/poll/batch"), "telegram_ids", "required");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void longPollOverHttpReturnsWhenAnItemIsQueued(DatabaseConfig.Vendor vendor) throws Exception {
        server = TestServer.start(vendor);
        register(5, "ru");
        long started = System.nanoTime();
        CompletableFuture<TestServer.Response> poll =
                CompletableFuture.supplyAsync(() -> server.get(BASE + "/poll?telegram_id=5&cursor=0&wait=20"));
        Thread.sleep(500);
        long id = queueTest(5, "test");
        TestServer.Response response = poll.get();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.json().path("notifications").get(0).path("id").asLong())
                .isEqualTo(id);
        assertThat(response.json().path("notifications").get(0).path("text").asText())
                .contains("Тестовое уведомление");
        assertThat(tookMs).isLessThan(5_000);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void failuresAreAcknowledgedAndABlockedUserIsSkipped(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(7, "ru");
        long retried = queueTest(7, "order_buyout");
        long permanent = queueTest(7, "order_return");
        long skipped = queueTest(7, "key_expiring");
        server.get(BASE + "/poll?telegram_id=7&cursor=0");
        TestServer.Response ack = server.post(
                BASE + "/ack",
                Map.of(
                        "failed",
                        List.of(
                                Map.of("id", retried, "error", "Bad Gateway"),
                                Map.of("id", permanent, "error", "chat not found", "permanent", true))));
        assertThat(ack.json().path("failed").asInt()).isEqualTo(2);
        assertThat(server.postEmpty("/users/7/blocked").status()).isEqualTo(204);
        Map<Long, String> status = server
                .db()
                .withConnection(c -> Sql.query(
                        c,
                        "SELECT id, status || ':' || attempts ||"
                                + " ':' || COALESCE(suppressed_reason, '-') FROM notification_history",
                        rs -> Map.entry(rs.getLong(1), rs.getString(2))))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(status)
                .containsEntry(retried, "skipped:1:bot_blocked")
                .containsEntry(permanent, "failed:1:-")
                .containsEntry(skipped, "skipped:0:bot_blocked");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void settingsHaveDefaultsAcceptPartialUpdatesAndNameTheBadField(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(9, "ru");
        JsonNode defaults = server.get(BASE + "/settings?telegram_id=9").json();
        assertThat(defaults.path("notifications_enabled").asBoolean()).isTrue();
        assertThat(defaults.path("grouping_enabled").asBoolean()).isFalse();
        assertThat(defaults.path("max_group_size").asInt()).isEqualTo(5);
        assertThat(defaults.path("group_timeout").asInt()).isEqualTo(300);
        assertThat(defaults.path("negative_review_threshold").asInt()).isEqualTo(3);
        assertThat(defaults.path("critical_stock_threshold").asInt()).isEqualTo(5);
        assertThat(defaults.path("quiet_hours_start").isNull()).isTrue();
        assertThat(defaults.path("stock_runway_enabled").asBoolean()).isTrue();
        assertThat(defaults.path("runway_days").asInt()).isEqualTo(7);
        assertThat(defaults.path("digest_time").isNull()).isTrue();
        assertThat(defaults.path("price_changes_enabled").asBoolean()).isTrue();
        assertThat(defaults.path("language").asText()).isEqualTo("ru");
        long rows = server.db().withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM notification_settings"));
        assertThat(rows).isEqualTo(1);

        TestServer.Response updated = server.post(
                BASE + "/settings?telegram_id=9",
                Map.of(
                        "new_orders_enabled",
                        false,
                        "grouping_enabled",
                        true,
                        "max_group_size",
                        10,
                        "quiet_hours_start",
                        "23:00",
                        "quiet_hours_end",
                        "07:30",
                        "language",
                        "en",
                        "runway_days",
                        14,
                        "digest_time",
                        "09:30",
                        "stock_runway_enabled",
                        false));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("runway_days").asInt()).isEqualTo(14);
        assertThat(updated.json().path("digest_time").asText()).isEqualTo("09:30");
        assertThat(updated.json().path("stock_runway_enabled").asBoolean()).isFalse();
        assertThat(updated.json().path("new_orders_enabled").asBoolean()).isFalse();
        assertThat(updated.json().path("order_buyouts_enabled").asBoolean()).isTrue();
        assertThat(updated.json().path("max_group_size").asInt()).isEqualTo(10);
        assertThat(updated.json().path("quiet_hours_end").asText()).isEqualTo("07:30");
        assertThat(server.get("/users/9").json().path("language").asText()).isEqualTo("en");

        TestServer.Response cleared =
                server.post(BASE + "/settings?telegram_id=9", "{\"quiet_hours_start\":null,\"quiet_hours_end\":null}");
        assertThat(cleared.json().path("quiet_hours_start").isNull()).isTrue();
        assertThat(cleared.json().path("max_group_size").asInt()).isEqualTo(10);
        assertThat(server.post(BASE + "/settings?telegram_id=9", "{\"digest_time\":null}")
                        .json()
                        .path("digest_time")
                        .isNull())
                .isTrue();

        String path = BASE + "/settings?telegram_id=9";
        assertBad(server.post(path, Map.of("max_group_size", 51)), "max_group_size", "between 1 and 50");
        assertBad(server.post(path, Map.of("max_group_size", 0)), "max_group_size", "between 1 and 50");
        assertBad(server.post(path, Map.of("group_timeout", 3601)), "group_timeout", "between 0 and 3600");
        assertBad(
                server.post(path, Map.of("negative_review_threshold", 6)),
                "negative_review_threshold",
                "between 1 and 5");
        assertBad(server.post(path, Map.of("critical_stock_threshold", -1)), "critical_stock_threshold", "between 0");
        assertBad(server.post(path, Map.of("grouping_enabled", "yes")), "grouping_enabled", "true or false");
        assertBad(
                server.post(path, Map.of("quiet_hours_start", "25:00", "quiet_hours_end", "07:00")),
                "quiet_hours_start",
                "HH:MM");
        assertBad(server.post(path, Map.of("quiet_hours_start", "22:00")), "quiet_hours_end", "together");
        assertBad(server.post(path, Map.of("language", "de")), "language", "ru or en");
        assertBad(server.post(path, Map.of("runway_days", 0)), "runway_days", "between 1 and 90");
        assertBad(server.post(path, Map.of("runway_days", 91)), "runway_days", "between 1 and 90");
        assertBad(server.post(path, Map.of("digest_time", "9:30")), "digest_time", "HH:MM");
        assertBad(server.post(path, Map.of("digest_time", "24:00")), "digest_time", "HH:MM");
        assertBad(server.post(path, Map.of("digest_time", 930)), "digest_time", "HH:MM");
        assertBad(server.post(path, Map.of("stock_runway_enabled", "no")), "stock_runway_enabled", "true or false");
        assertBad(server.post(path, Map.of("price_changes_enabled", 1)), "price_changes_enabled", "true or false");
        assertBad(server.post(path, Map.of("sound", true)), "sound", "unknown field");
        assertBad(server.post(path, "[]"), null, "JSON object");
        assertThat(server.get(BASE + "/settings?telegram_id=9")
                        .json()
                        .path("max_group_size")
                        .asInt())
                .isEqualTo(10);
        assertThat(server.get(BASE + "/settings?telegram_id=404").status()).isEqualTo(404);
        assertThat(server.post(BASE + "/settings?telegram_id=404", Map.of("grouping_enabled", true))
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void badRequestsAreNamedAndUnknownUsersAre404(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(1, "ru");
        assertBad(server.get(BASE + "/poll"), "telegram_id", "required");
        assertBad(server.get(BASE + "/poll?telegram_id=abc"), "telegram_id", "positive integer");
        assertBad(server.get(BASE + "/poll?telegram_id=1&wait=31"), "wait", "between 0 and 30");
        assertBad(server.get(BASE + "/poll?telegram_id=1&lease=4"), "lease", "between 5 and 600");
        assertBad(server.get(BASE + "/poll?telegram_id=1&cursor=-1"), "cursor", "≥ 0");
        assertBad(server.get(BASE + "/poll?telegram_id=1&cursor=0&limit=101"), "limit", "between 1 and 100");
        assertBad(server.get(BASE + "/poll?telegram_id=1&last_check=yesterday"), "last_check", "ISO-8601");
        assertBad(
                server.get(BASE + "/poll?telegram_id=1&last_check=2026-11-27T10:00:00&cursor=5"),
                "last_check",
                "combine");
        assertBad(server.get(BASE + "/pending?limit=501"), "limit", "between 1 and 500");
        TestServer.Response unknown = server.get(BASE + "/poll?telegram_id=404");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).contains("404");

        assertBad(server.post(BASE + "/ack", Map.of()), "delivered", "at least one");
        assertBad(
                server.post(BASE + "/ack", Map.of("delivered", List.of(Map.of("id", -1)))), "delivered.id", "positive");
        assertBad(server.post(BASE + "/ack", Map.of("delivered", "1")), "delivered", "must be a list");
        assertBad(
                server.post(BASE + "/ack", Map.of("failed", List.of(Map.of("id", 1, "permanent", "no")))),
                "failed.permanent",
                "true or false");
        assertBad(
                server.post(BASE + "/ack", Map.of("delivered", List.of(Map.of("id", 1, "sent_at", "soon")))),
                "delivered.sent_at",
                "ISO-8601");
        assertBad(server.post(BASE + "/ack", Map.of("acked", List.of())), "acked", "unknown field");
        assertThat(server.post(BASE + "/ack", Map.of("delivered", List.of(Map.of("id", 99999))))
                        .json()
                        .path("delivered")
                        .asInt())
                .as("unknown ids change nothing")
                .isZero();

        assertBad(server.postEmpty(BASE + "/test?telegram_id=1&type=party"), "type", "one of");
        assertBad(server.postEmpty(BASE + "/test?telegram_id=1"), "type", "required");
        assertThat(server.postEmpty(BASE + "/test?telegram_id=404&type=test").status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void everyTypeHasARealisticTestSampleWithinTelegramLimits(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(1, "en");
        for (String type : List.of(
                "new_order",
                "order_buyout",
                "order_cancellation",
                "order_return",
                "negative_review",
                "critical_stock",
                "stock_runway",
                "daily_digest",
                "price_changed",
                "price_quarantine",
                "key_invalid",
                "key_expiring",
                "test")) {
            queueTest(1, type);
        }
        JsonNode items = server.get(BASE + "/poll?telegram_id=1&cursor=0&limit=20")
                .json()
                .path("notifications");
        assertThat(items).hasSize(13);
        for (JsonNode item : items) {
            String text = item.path("text").asText();
            assertThat(text).startsWith("🧪 <i>Test notification</i>");
            boolean caption =
                    !item.path("image_url").isNull() || !item.path("chart").isNull();
            assertThat(text.length()).isLessThanOrEqualTo(caption ? 1024 : 4096);
            HtmlTest.assertWellFormed(text);
        }
        assertThat(items.get(0).path("text").asText()).contains("New order").contains("Today: 12 orders");
        assertThat(items.get(6).path("text").asText())
                .contains("Running out soon")
                .contains("≈ 4 days: 37 pcs, ~9.2 a day");
        JsonNode digest = items.get(7);
        assertThat(digest.path("type").asText()).isEqualTo("daily_digest");
        assertThat(digest.path("text").asText()).contains("Digest for").contains("Orders: <b>52</b>");
        assertThat(digest.path("chart").path("days")).hasSize(14);
        assertThat(digest.path("chart")
                        .path("days")
                        .get(0)
                        .path("orders")
                        .path("count")
                        .isInt())
                .isTrue();
        assertThat(items.get(8).path("text").asText()).contains("Price changed").contains("1,743 ₽ → <b>1,369 ₽</b>");
        assertThat(items.get(9).path("text").asText())
                .contains("Price in quarantine")
                .contains("435 ₽");
    }
}
