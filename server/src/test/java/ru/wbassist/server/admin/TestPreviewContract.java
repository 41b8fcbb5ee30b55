package ru.wbassist.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.insights.InsightsFixture.msk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.insights.InsightsFixture;
import ru.wbassist.server.notifications.QueueSignal;
import ru.wbassist.server.notifications.QueueWakeups;
import ru.wbassist.server.notifications.TestNotifications;

/**
 * The test-send preview over real HTTP against {@link InsightsFixture} (fixed "now": 27 Nov 2026 12:00 MSK): it
 * answers exactly what the send then queues, with what the send will meet, and writes nothing. H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TestPreviewContract {

    private static final String PREVIEW = "/api/v1/admin/users/%d/test-notification/preview?type=%s";
    private static final String SEND = "/api/v1/admin/users/%d/test-notification?type=%s";

    private TestServer server;
    private InsightsFixture f;

    abstract DatabaseConfig.Vendor vendor();

    @BeforeAll
    void start() {
        server = TestServer.start(vendor(), Map.of(), InsightsFixture.CLOCK);
        f = InsightsFixture.load(server.db());
        server.db().inTransaction(c -> {
            // Dave: English, blocked the bot, no cabinet, new orders off, quiet hours around "now".
            Sql.update(
                    c,
                    "UPDATE users SET bot_blocked_at = ?, language = 'en' WHERE id = ?",
                    msk("2026-11-26T08:00:00"),
                    f.daveId);
            Sql.update(
                    c,
                    "INSERT INTO notification_settings (user_id, new_orders_enabled, quiet_hours_start,"
                            + " quiet_hours_end) VALUES (?,?,?,?)",
                    f.daveId,
                    false,
                    "11:00",
                    "13:00");
            return null;
        });
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "new_order",
                "order_buyout",
                "order_cancellation",
                "order_return",
                "negative_review",
                "critical_stock",
                "key_invalid",
                "key_expiring",
                "test"
            })
    void thePreviewIsExactlyWhatTheSendQueues(String type) throws Exception {
        JsonNode preview = ok(InsightsFixture.ALICE, type);
        assertThat(preview.get("telegram_id").asLong()).isEqualTo(InsightsFixture.ALICE);
        assertThat(preview.get("type").asText()).isEqualTo(type);
        assertThat(preview.get("language").asText()).isEqualTo("ru");
        assertThat(preview.get("text").asText()).startsWith("🧪 <i>Тестовое уведомление</i>\n");
        assertThat(preview.get("bot_blocked").asBoolean()).isFalse();
        assertThat(preview.get("warnings")).isEmpty();

        TestServer.Response sent = server.postEmpty(SEND.formatted(InsightsFixture.ALICE, type));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        Queued queued = server.db()
                .withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT text, image_url, cabinet_id, chart FROM notification_history WHERE id = ?",
                        rs -> new Queued(
                                rs.getString(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4)),
                        sent.json().get("id").asLong()))
                .orElseThrow();
        assertThat(preview.get("text").asText()).isEqualTo(queued.text());
        assertThat(
                        preview.get("image_url").isNull()
                                ? null
                                : preview.get("image_url").asText())
                .isEqualTo(queued.imageUrl());
        assertThat(
                        preview.get("cabinet_id").isNull()
                                ? null
                                : preview.get("cabinet_id").asLong())
                .isEqualTo(queued.cabinetId());
        // the digest's chart (the bot draws it): the preview shows the data the send stores, and the history lists it
        JsonNode listed =
                listed(InsightsFixture.ALICE, type, sent.json().get("id").asLong());
        if (type.equals("daily_digest")) {
            assertThat(preview.get("chart").get("days")).hasSize(14);
            assertThat(preview.get("chart")).isEqualTo(new ObjectMapper().readTree(queued.chart()));
            assertThat(listed.get("chart")).isEqualTo(preview.get("chart"));
        } else {
            assertThat(preview.get("chart").isNull()).isTrue();
            assertThat(queued.chart()).isNull();
            assertThat(listed.get("chart").isNull()).isTrue();
        }
    }

    /** The notification as the admin history lists it. */
    private JsonNode listed(long telegramId, String type, long id) {
        for (JsonNode item : server.get(
                        "/api/v1/admin/notifications?limit=500&telegram_id=" + telegramId + "&type=" + type)
                .json()
                .get("items")) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("notification " + id + " is not in the history");
    }

    private record Queued(String text, String imageUrl, Long cabinetId, String chart) {}

    @Test
    void aProductTypeShowsTheCabinetsLatestProductWithItsPhoto() {
        JsonNode preview = ok(InsightsFixture.ALICE, "new_order");
        assertThat(preview.get("cabinet_id").asLong()).isEqualTo(f.shopA);
        assertThat(preview.get("cabinet_name").asText()).isEqualTo("Shop A");
        assertThat(preview.get("image_url").asText()).isEqualTo("https://img.example/111.jpg");
        assertThat(preview.get("text").asText()).contains("Платье летнее").contains("Shop A");
    }

    @Test
    void theWarningsSayWhatTheSendWillMeet() {
        JsonNode dave = ok(InsightsFixture.DAVE, "new_order");
        assertThat(dave.get("language").asText()).isEqualTo("en");
        assertThat(dave.get("text").asText()).startsWith("🧪 <i>Test notification</i>\n");
        assertThat(dave.get("bot_blocked").asBoolean()).isTrue();
        assertThat(dave.get("cabinet_id").isNull()).isTrue();
        assertThat(dave.get("cabinet_name").isNull()).isTrue();
        assertThat(dave.get("image_url").isNull()).isTrue();
        assertThat(codes(dave)).containsExactly("bot_blocked", "type_disabled", "quiet_hours", "sample_product");
        dave.get("warnings").forEach(w -> assertThat(w.get("message").asText()).isNotBlank());
        assertThat(dave.get("warnings").get(2).get("message").asText()).contains("11:00–13:00 MSK");

        // A key problem has no switch of its own and shows no product; the quiet hours and the block still count.
        assertThat(codes(ok(InsightsFixture.DAVE, "key_invalid"))).containsExactly("bot_blocked", "quiet_hours");
        // Bob's only cabinet has no synced product card yet: the sample is made up, and says so.
        JsonNode bob = ok(InsightsFixture.BOB, "critical_stock");
        assertThat(codes(bob)).containsExactly("sample_product");
        assertThat(bob.get("image_url").isNull()).isTrue();
    }

    @Test
    void aPreviewWritesNothing() {
        Map<String, Long> before = rowCounts();
        assertThat(before).containsKeys("users", "notification_settings", "notification_history", "events");
        for (long user :
                new long[] {InsightsFixture.ALICE, InsightsFixture.BOB, InsightsFixture.CAROL, InsightsFixture.DAVE}) {
            for (String type : List.of("new_order", "negative_review", "key_expiring", "test")) {
                ok(user, type);
            }
        }
        server.postEmpty(PREVIEW.formatted(999999L, "test"));
        assertThat(rowCounts()).isEqualTo(before);

        // Nor does it wake the delivery queue up, unlike the send.
        QueueSignal signal = new QueueSignal();
        TestNotifications tests = new TestNotifications(
                server.db(),
                new QueueWakeups(server.db(), signal, InsightsFixture.CLOCK, Duration.ofSeconds(1)),
                InsightsFixture.CLOCK);
        long version = signal.version();
        assertThat(tests.preview(InsightsFixture.CAROL, "new_order").text()).isNotBlank();
        assertThat(signal.version()).isEqualTo(version);
        tests.queue(InsightsFixture.CAROL, "new_order");
        assertThat(signal.version()).isGreaterThan(version);
    }

    @Test
    void badRequestsGetTheSendsJsonErrors() {
        TestServer.Response unknownUser = server.postEmpty(PREVIEW.formatted(999999L, "test"));
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.json().get("error").asText()).isEqualTo("not_found");
        assertThat(server.postEmpty(SEND.formatted(999999L, "test")).json()).isEqualTo(unknownUser.json());

        TestServer.Response badType = server.postEmpty(PREVIEW.formatted(InsightsFixture.ALICE, "sms"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("field").asText()).isEqualTo("type");
        assertThat(badType.json().get("message").asText()).contains("new_order");
        assertThat(server.postEmpty(SEND.formatted(InsightsFixture.ALICE, "sms"))
                        .json())
                .isEqualTo(badType.json());

        TestServer.Response noType =
                server.postEmpty("/api/v1/admin/users/" + InsightsFixture.ALICE + "/test-notification/preview");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().get("field").asText()).isEqualTo("type");

        TestServer.Response badId = server.postEmpty("/api/v1/admin/users/abc/test-notification/preview?type=test");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("field").asText()).isEqualTo("telegram_id");

        TestServer.Response get = server.get(PREVIEW.formatted(InsightsFixture.ALICE, "test"));
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void theOpenApiDocumentListsThePreview() {
        assertThat(server.get("/openapi").body())
                .contains("/api/v1/admin/users/{telegram_id}/test-notification/preview:");
    }

    private JsonNode ok(long telegramId, String type) {
        TestServer.Response response = server.postEmpty(PREVIEW.formatted(telegramId, type));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> codes(JsonNode preview) {
        List<String> codes = new ArrayList<>();
        preview.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
        return codes;
    }

    /** Rows per table of the application's schema. */
    private Map<String, Long> rowCounts() {
        return server.db().withConnection(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tables(c)) {
                counts.put(table, Sql.queryLong(c, "SELECT COUNT(*) FROM " + table));
            }
            return counts;
        });
    }

    private static List<String> tables(Connection c) throws SQLException {
        return Sql.query(
                c,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name",
                rs -> rs.getString(1));
    }
}
