package ru.wbassist.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.insights.InsightsFixture.msk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.insights.InsightsFixture;
import ru.wbassist.server.notifications.NotificationSettings;

/**
 * The admin API over real HTTP against {@link InsightsFixture} plus notifications, more sync runs, an invalid key and
 * a cabinet nobody uses; "now" is 27 Nov 2026 12:00 MSK. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminApiContract {

    private TestServer server;
    private InsightsFixture f;
    private long shopD;
    private final long[] notifications = new long[7];

    abstract DatabaseConfig.Vendor vendor();

    @BeforeAll
    void start() {
        server = TestServer.start(vendor(), Map.of(), InsightsFixture.CLOCK);
        f = InsightsFixture.load(server.db());
        server.db().inTransaction(c -> {
            addAdminRows(c);
            return null;
        });
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void addAdminRows(Connection c) throws SQLException {
        shopD = Sql.insert(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, created_at, active)"
                        + " VALUES (?,?,?,?,?)",
                "Магазин Ромашка",
                "x",
                "hash-d",
                msk("2026-11-20T09:00:00"),
                false);
        Sql.update(
                c,
                "UPDATE wb_cabinets SET key_invalid_since = ?, key_error = ? WHERE id = ?",
                msk("2026-11-27T11:00:00"),
                "WB answered 401: token revoked",
                f.shopC);
        Sql.update(
                c,
                "UPDATE users SET bot_blocked_at = ?, language = 'en' WHERE id = ?",
                msk("2026-11-26T08:00:00"),
                f.daveId);
        // Sync runs besides Shop A's three (11:55 failed, 11:49 and 10:59 success).
        InsightsFixture.syncLog(
                c, f.shopB, "orders", "failed", "2026-11-25T10:00:00", "2026-11-25T10:00:10", 0, "connection reset");
        InsightsFixture.syncLog(
                c, f.shopB, "reviews", "partial", "2026-11-27T06:00:00", "2026-11-27T06:01:00", 20, "2 of 3 pages");
        InsightsFixture.syncLog(c, f.shopC, "stocks", "running", "2026-11-27T11:58:00", null, 0, null);

        // Live order sources: Shop A polled 40 s ago, Shop B's key lacks Analytics, Shop C a Base token; D never
        // polled.
        feedState(
                c,
                f.shopA,
                "on",
                null,
                "success",
                null,
                "2026-11-27T11:59:20",
                "2026-11-27T11:59:20",
                "2026-11-27T12:00:20");
        feedState(c, f.shopB, "off", "no_analytics", null, null, null, null, null);
        feedState(
                c,
                f.shopC,
                "slowed",
                "base_token",
                "failed",
                "WB answered 429",
                "2026-11-27T11:00:00",
                "2026-11-27T09:00:00",
                "2026-11-27T14:00:00");
        // Answers sent from WB Assist: Shop A's review R5 and question Q3 went through; R1 was refused, Q1 failed.
        answer(c, f.shopA, "review", "R5", InsightsFixture.ALICE, "Спасибо!", "sent", 204, null, "2026-11-27T08:30:00");
        answer(
                c,
                f.shopA,
                "question",
                "Q3",
                InsightsFixture.ALICE,
                "Да, есть",
                "sent",
                200,
                null,
                "2026-11-25T10:00:00");
        answer(
                c,
                f.shopA,
                "review",
                "R1",
                InsightsFixture.ALICE,
                "Ок",
                "refused",
                400,
                "answer text is too short",
                "2026-11-27T11:40:00");
        answer(
                c,
                f.shopA,
                "question",
                "Q1",
                777,
                "Уточним",
                "failed",
                null,
                "WB did not answer",
                "2026-11-27T10:10:00");

        notifications[1] = notification(
                c,
                f.aliceId,
                f.shopA,
                "new_order",
                "sent",
                null,
                "2026-11-27T11:00:00",
                "2026-11-27T11:00:05",
                1,
                null);
        notifications[2] = notification(
                c, f.aliceId, f.shopA, "negative_review", "pending", null, "2026-11-27T11:30:00", null, 0, null);
        notifications[3] = notification(
                c,
                f.bobId,
                f.shopB,
                "new_order",
                "failed",
                null,
                "2026-11-27T02:00:00",
                null,
                5,
                "Forbidden: bot was blocked by the user");
        notifications[4] = notification(
                c, f.bobId, f.shopB, "critical_stock", "skipped", "bot_blocked", "2026-11-26T10:00:00", null, 0, null);
        notifications[5] = notification(
                c, f.aliceId, null, "test", "sent", null, "2026-11-15T09:00:00", "2026-11-15T09:00:01", 1, null);
        notifications[6] = notification(
                c,
                f.carolId,
                f.shopC,
                "order_buyout",
                "sent",
                null,
                "2026-11-10T09:00:00",
                "2026-11-10T09:00:02",
                2,
                "Too Many Requests: retry after 3");
    }

    private static long notification(
            Connection c,
            long userId,
            Long cabinetId,
            String type,
            String status,
            String suppressed,
            String created,
            String sent,
            int attempts,
            String error)
            throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO notification_history (user_id, cabinet_id, event_type, external_id, text,"
                        + " image_url, created_at, status, suppressed_reason, deliver_after, sent_at, attempts, last_error)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                userId,
                cabinetId,
                type,
                type + "-" + created,
                "<b>" + type + "</b>",
                type.equals("new_order") ? "https://img.example/" + type + ".jpg" : null,
                msk(created),
                status,
                suppressed,
                msk(created),
                sent == null ? null : msk(sent),
                attempts,
                error);
    }

    private static void feedState(
            Connection c,
            long cabinetId,
            String mode,
            String reason,
            String status,
            String error,
            String polled,
            String succeeded,
            String next)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO order_feed_state (cabinet_id, mode, reason, last_status, last_error, last_poll_at,"
                        + " last_success_at, next_poll_at) VALUES (?,?,?,?,?,?,?,?)",
                cabinetId,
                mode,
                reason,
                status,
                error,
                polled == null ? null : msk(polled),
                succeeded == null ? null : msk(succeeded),
                next == null ? null : msk(next));
    }

    private static void answer(
            Connection c,
            long cabinetId,
            String kind,
            String itemId,
            long telegramId,
            String text,
            String status,
            Integer wbStatus,
            String wbError,
            String created)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_answers (cabinet_id, item_kind, item_id, idempotency_key, telegram_id, text, status,"
                        + " wb_status, wb_error, created_at, completed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                cabinetId,
                kind,
                itemId,
                "key-" + kind + "-" + itemId,
                telegramId,
                text,
                status,
                wbStatus,
                wbError,
                msk(created),
                msk(created).plusSeconds(1));
    }

    // ---- overview

    @Test
    void overviewCountsEverything() {
        JsonNode o = ok("/api/v1/admin/overview");
        assertThat(o.get("users").asLong()).isEqualTo(4);
        assertThat(o.get("cabinets").asLong()).isEqualTo(4);
        // last 24 h (since 26 Nov 12:00 MSK): notifications 1, 2, 3
        assertCounts(
                o.get("notifications_24h").get("by_status"),
                Map.of("pending", 1L, "sent", 1L, "failed", 1L, "skipped", 0L));
        assertCounts(o.get("notifications_24h").get("by_type"), Map.of("new_order", 2L, "negative_review", 1L));
        // last 7 days: also 4 (26 Nov 10:00)
        assertCounts(
                o.get("notifications_7d").get("by_status"),
                Map.of("pending", 1L, "sent", 1L, "failed", 1L, "skipped", 1L));
        assertCounts(
                o.get("notifications_7d").get("by_type"),
                Map.of("new_order", 2L, "negative_review", 1L, "critical_stock", 1L));
        assertThat(o.get("sync_failures_24h").asLong()).isEqualTo(1); // Shop A 11:55; Shop B's failure is 2 days old

        List<String> perDay = new ArrayList<>();
        o.get("notifications_per_day")
                .forEach(d -> perDay.add(d.get("date").asText() + " "
                        + d.get("type").asText() + " " + d.get("count").asLong()));
        assertThat(perDay)
                .containsExactly(
                        "2026-11-15 test 1",
                        "2026-11-26 critical_stock 1",
                        "2026-11-27 negative_review 1",
                        "2026-11-27 new_order 2"); // 10 Nov is older than 14 days

        JsonNode orders = o.get("orders_per_day");
        assertThat(orders).hasSize(14);
        assertThat(orders.get(0).get("date").asText()).isEqualTo("2026-11-14");
        Map<String, Long> nonZero = new java.util.TreeMap<>();
        orders.forEach(d -> {
            if (d.get("count").asLong() > 0) {
                nonZero.put(d.get("date").asText(), d.get("count").asLong());
            }
        });
        // 27th: A2 A3 A7 B1 B2 C1; 26th: A1 B3; 25th: A4; 24th: A5; 20th: A6
        assertThat(nonZero)
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "2026-11-20", 1L, "2026-11-24", 1L, "2026-11-25", 1L, "2026-11-26", 2L, "2026-11-27", 6L)));
    }

    // ---- cabinets

    @Test
    void cabinetsWithUsersAndSyncState() {
        JsonNode page = ok("/api/v1/admin/cabinets");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        JsonNode items = page.get("items");
        assertThat(items).hasSize(4);

        JsonNode a = items.get(0);
        assertThat(a.get("id").asLong()).isEqualTo(f.shopA);
        assertThat(a.get("name").asText()).isEqualTo("Shop A");
        assertThat(a.get("active").asBoolean()).isTrue();
        assertMsk(a.get("created_at"), "2026-11-01T11:00:00");
        assertThat(a.get("user_count").asLong()).isEqualTo(1);
        assertMsk(a.get("last_sync_at"), "2026-11-27T11:50:00");
        assertThat(a.get("last_sync_status").asText()).isEqualTo("failed");
        assertThat(a.get("last_error").asText()).isEqualTo("WB answered 500");
        assertThat(a.get("key_valid").asBoolean()).isTrue();

        JsonNode b = items.get(1);
        assertThat(b.get("user_count").asLong()).isEqualTo(2);
        assertThat(b.get("last_sync_at").isNull()).isTrue(); // never a success
        assertThat(b.get("last_sync_status").asText()).isEqualTo("partial");
        assertThat(b.get("last_error").asText()).isEqualTo("2 of 3 pages");

        JsonNode c = items.get(2);
        assertThat(c.get("last_sync_status").asText()).isEqualTo("running");
        assertThat(c.get("key_valid").asBoolean()).isFalse();
        assertThat(c.get("last_error").asText()).isEqualTo("WB answered 401: token revoked");

        JsonNode aLive = a.get("live_orders");
        assertThat(aLive.get("state").asText()).isEqualTo("on");
        assertThat(aLive.get("reason").isNull()).isTrue();
        assertMsk(aLive.get("last_poll_at"), "2026-11-27T11:59:20");
        assertThat(aLive.get("last_status").asText()).isEqualTo("success");
        assertMsk(aLive.get("next_poll_at"), "2026-11-27T12:00:20");
        assertThat(aLive.get("lag_seconds").asLong()).isEqualTo(40);
        JsonNode bLive = b.get("live_orders");
        assertThat(bLive.get("state").asText()).isEqualTo("off");
        assertThat(bLive.get("reason").asText()).isEqualTo("no_analytics");
        assertThat(bLive.get("lag_seconds").isNull()).isTrue();
        JsonNode cLive = c.get("live_orders");
        assertThat(cLive.get("state").asText()).isEqualTo("slowed");
        assertThat(cLive.get("reason").asText()).isEqualTo("base_token");
        assertThat(cLive.get("last_status").asText()).isEqualTo("failed");
        assertThat(cLive.get("last_error").asText()).isEqualTo("WB answered 429");
        assertThat(cLive.get("lag_seconds").asLong()).isEqualTo(3 * 3600); // since the last poll WB answered
        assertMsk(cLive.get("next_poll_at"), "2026-11-27T14:00:00");

        JsonNode d = items.get(3);
        assertThat(d.get("live_orders").get("state").asText()).isEqualTo("pending");
        assertThat(d.get("live_orders").get("last_poll_at").isNull()).isTrue();
        assertThat(d.get("name").asText()).isEqualTo("Магазин Ромашка");
        assertThat(d.get("active").asBoolean()).isFalse();
        assertThat(d.get("user_count").asLong()).isZero();
        assertThat(d.get("last_sync_status").isNull()).isTrue();
        assertThat(d.get("last_error").isNull()).isTrue();
    }

    @Test
    void cabinetsSearchAndPaging() {
        assertThat(names(ok("/api/v1/admin/cabinets?q=shop%20b"))).containsExactly("Shop B");
        assertThat(names(ok("/api/v1/admin/cabinets?q=SHOP"))).containsExactly("Shop A", "Shop B", "Shop C");
        assertThat(names(ok("/api/v1/admin/cabinets?q=%D0%A0%D0%BE%D0%BC%D0%B0%D1%88")))
                .containsExactly("Магазин Ромашка");
        JsonNode wildcard = ok("/api/v1/admin/cabinets?q=%25"); // "%" is a character here, not a wildcard
        assertThat(wildcard.get("total").asLong()).isZero();
        assertThat(wildcard.get("items")).isEmpty();

        JsonNode page = ok("/api/v1/admin/cabinets?limit=2&offset=1");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(names(page)).containsExactly("Shop B", "Shop C");
        JsonNode filteredPage = ok("/api/v1/admin/cabinets?q=shop&limit=1&offset=2");
        assertThat(filteredPage.get("total").asLong()).isEqualTo(3);
        assertThat(names(filteredPage)).containsExactly("Shop C");
    }

    @Test
    void cabinetUsersInTheOrderTheyJoined() {
        JsonNode items = ok("/api/v1/admin/cabinets/" + f.shopB + "/users").get("items");
        assertThat(items).hasSize(2);
        JsonNode bob = items.get(0);
        assertThat(bob.get("telegram_id").asLong()).isEqualTo(InsightsFixture.BOB);
        assertThat(bob.get("username").asText()).isEqualTo("bob");
        assertThat(bob.get("first_name").asText()).isEqualTo("Bob");
        assertThat(bob.get("role").asText()).isEqualTo("owner");
        assertMsk(bob.get("joined_at"), "2026-11-02T11:00:00");
        JsonNode alice = items.get(1);
        assertThat(alice.get("telegram_id").asLong()).isEqualTo(InsightsFixture.ALICE);
        assertThat(alice.get("role").asText()).isEqualTo("member");
        assertMsk(alice.get("joined_at"), "2026-11-05T09:00:00");

        assertThat(ok("/api/v1/admin/cabinets/" + shopD + "/users").get("items"))
                .isEmpty();
        TestServer.Response unknown = server.get("/api/v1/admin/cabinets/999999/users");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("not_found");
    }

    // ---- sync logs

    @Test
    void syncLogsNewestFirstWithEveryField() {
        JsonNode page = ok("/api/v1/admin/sync-logs");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(logKeys(page))
                .containsExactly(
                        "Shop C stocks running",
                        "Shop A sales failed",
                        "Shop A orders success",
                        "Shop A orders success",
                        "Shop B reviews partial",
                        "Shop B orders failed");
        JsonNode failed = page.get("items").get(1);
        assertThat(failed.get("id").asLong()).isPositive();
        assertThat(failed.get("cabinet_id").asLong()).isEqualTo(f.shopA);
        assertMsk(failed.get("started_at"), "2026-11-27T11:55:00");
        assertMsk(failed.get("completed_at"), "2026-11-27T11:55:30");
        assertThat(failed.get("records_processed").asInt()).isZero();
        assertThat(failed.get("error_message").asText()).isEqualTo("WB answered 500");
        JsonNode success = page.get("items").get(2);
        assertThat(success.get("records_processed").asInt()).isEqualTo(3);
        assertThat(success.get("error_message").isNull()).isTrue();
        assertThat(page.get("items").get(0).get("completed_at").isNull()).isTrue();
    }

    @Test
    void syncLogsFiltersAndPaging() {
        assertThat(logKeys(ok("/api/v1/admin/sync-logs?cabinet_id=" + f.shopA)))
                .containsExactly("Shop A sales failed", "Shop A orders success", "Shop A orders success");
        assertThat(logKeys(ok("/api/v1/admin/sync-logs?status=failed")))
                .containsExactly("Shop A sales failed", "Shop B orders failed");
        assertThat(logKeys(ok("/api/v1/admin/sync-logs?data_set=orders")))
                .containsExactly("Shop A orders success", "Shop A orders success", "Shop B orders failed");
        JsonNode window = ok("/api/v1/admin/sync-logs?from=2026-11-27T11:00:00&to=2026-11-27T08:58:00Z");
        assertThat(logKeys(window)).containsExactly("Shop A sales failed", "Shop A orders success"); // 11:58 excluded
        assertThat(window.get("total").asLong()).isEqualTo(2);
        JsonNode combined = ok("/api/v1/admin/sync-logs?cabinet_id=" + f.shopB + "&status=partial&data_set=reviews");
        assertThat(combined.get("total").asLong()).isEqualTo(1);

        JsonNode page = ok("/api/v1/admin/sync-logs?limit=2&offset=1");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(logKeys(page)).containsExactly("Shop A sales failed", "Shop A orders success");
        assertThat(ok("/api/v1/admin/sync-logs?offset=6").get("items")).isEmpty();
        assertThat(server.get("/api/v1/admin/sync-logs?cabinet_id=999999").status())
                .isEqualTo(404);
    }

    // ---- notifications

    @Test
    void notificationsNewestFirstWithDeliveryDetails() {
        JsonNode page = ok("/api/v1/admin/notifications");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(ids(page))
                .containsExactly(
                        notifications[2],
                        notifications[1],
                        notifications[3],
                        notifications[4],
                        notifications[5],
                        notifications[6]);

        JsonNode sent = page.get("items").get(1);
        assertThat(sent.get("telegram_id").asLong()).isEqualTo(InsightsFixture.ALICE);
        assertThat(sent.get("cabinet_id").asLong()).isEqualTo(f.shopA);
        assertThat(sent.get("type").asText()).isEqualTo("new_order");
        assertThat(sent.get("status").asText()).isEqualTo("sent");
        assertThat(sent.get("suppressed_reason").isNull()).isTrue();
        assertThat(sent.get("text").asText()).isEqualTo("<b>new_order</b>");
        assertThat(sent.get("image_url").asText()).isEqualTo("https://img.example/new_order.jpg");
        assertMsk(sent.get("created_at"), "2026-11-27T11:00:00");
        assertMsk(sent.get("sent_at"), "2026-11-27T11:00:05");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("last_error").isNull()).isTrue();

        JsonNode failed = page.get("items").get(2);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("last_error").asText()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(failed.get("sent_at").isNull()).isTrue();

        JsonNode skipped = page.get("items").get(3);
        assertThat(skipped.get("suppressed_reason").asText()).isEqualTo("bot_blocked");
        assertThat(page.get("items").get(4).get("cabinet_id").isNull()).isTrue(); // a test send has no cabinet
    }

    @Test
    void notificationsFiltersAndPaging() {
        assertThat(ids(ok("/api/v1/admin/notifications?telegram_id=" + InsightsFixture.ALICE)))
                .containsExactly(notifications[2], notifications[1], notifications[5]);
        assertThat(ids(ok("/api/v1/admin/notifications?cabinet_id=" + f.shopB)))
                .containsExactly(notifications[3], notifications[4]);
        assertThat(ids(ok("/api/v1/admin/notifications?type=new_order")))
                .containsExactly(notifications[1], notifications[3]);
        assertThat(ids(ok("/api/v1/admin/notifications?status=skipped"))).containsExactly(notifications[4]);
        assertThat(ids(ok("/api/v1/admin/notifications?from=2026-11-15&to=2026-11-27")))
                .containsExactly(notifications[4], notifications[5]);
        assertThat(ids(ok("/api/v1/admin/notifications?telegram_id=" + InsightsFixture.ALICE + "&type=new_order"
                        + "&status=sent&cabinet_id=" + f.shopA)))
                .containsExactly(notifications[1]);
        JsonNode page = ok("/api/v1/admin/notifications?limit=2&offset=2");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(ids(page)).containsExactly(notifications[3], notifications[4]);
        assertThat(ok("/api/v1/admin/notifications?telegram_id=" + InsightsFixture.DAVE)
                        .get("total")
                        .asLong())
                .isZero();

        TestServer.Response unknown = server.get("/api/v1/admin/notifications?telegram_id=999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("999999");
    }

    // ---- users

    @Test
    void usersWithCabinetsAndSettings() {
        JsonNode page = ok("/api/v1/admin/users");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        JsonNode items = page.get("items");
        assertThat(items).hasSize(4);

        JsonNode alice = items.get(0);
        assertThat(alice.get("telegram_id").asLong()).isEqualTo(InsightsFixture.ALICE);
        assertThat(alice.get("username").asText()).isEqualTo("alice");
        assertThat(alice.get("first_name").asText()).isEqualTo("Alice");
        assertThat(alice.get("last_name").isNull()).isTrue();
        assertMsk(alice.get("created_at"), "2026-11-01T10:00:00");
        assertThat(alice.get("bot_blocked").asBoolean()).isFalse();
        JsonNode cabinets = alice.get("cabinets");
        assertThat(cabinets).hasSize(2);
        assertThat(cabinets.get(0).get("id").asLong()).isEqualTo(f.shopA);
        assertThat(cabinets.get(0).get("name").asText()).isEqualTo("Shop A");
        assertThat(cabinets.get(0).get("role").asText()).isEqualTo("owner");
        assertThat(cabinets.get(1).get("id").asLong()).isEqualTo(f.shopB);
        assertThat(cabinets.get(1).get("role").asText()).isEqualTo("member");
        JsonNode settings = alice.get("settings");
        assertThat(settings.get("critical_stock_threshold").asInt()).isEqualTo(10);
        assertThat(settings.get("negative_review_threshold").asInt()).isEqualTo(2);
        assertThat(settings.get("max_group_size").asInt()).isEqualTo(5);
        assertThat(settings.get("language").asText()).isEqualTo("ru");

        JsonNode bob = items.get(1).get("settings"); // no settings row: the documented defaults
        assertThat(fieldNames(bob))
                .containsExactly(
                        "notifications_enabled",
                        "new_orders_enabled",
                        "order_buyouts_enabled",
                        "order_cancellations_enabled",
                        "order_returns_enabled",
                        "negative_reviews_enabled",
                        "critical_stocks_enabled",
                        "stock_runway_enabled",
                        "price_changes_enabled",
                        "new_questions_enabled",
                        "grouping_enabled",
                        "max_group_size",
                        "group_timeout",
                        "negative_review_threshold",
                        "critical_stock_threshold",
                        "runway_days",
                        "quiet_hours_start",
                        "quiet_hours_end",
                        "digest_time",
                        "language");
        assertThat(bob.get("notifications_enabled").asBoolean()).isTrue();
        assertThat(bob.get("grouping_enabled").asBoolean()).isFalse();
        assertThat(bob.get("group_timeout").asInt()).isEqualTo(300);
        assertThat(bob.get("critical_stock_threshold").asInt()).isEqualTo(5);
        assertThat(bob.get("negative_review_threshold").asInt()).isEqualTo(3);
        assertThat(bob.get("quiet_hours_start").isNull()).isTrue();

        JsonNode dave = items.get(3);
        assertThat(dave.get("bot_blocked").asBoolean()).isTrue();
        assertThat(dave.get("username").isNull()).isTrue();
        assertThat(dave.get("cabinets")).isEmpty();
        assertThat(dave.get("settings").get("language").asText()).isEqualTo("en");

        JsonNode second = ok("/api/v1/admin/users?limit=2&offset=2");
        assertThat(second.get("total").asLong()).isEqualTo(4);
        List<Long> telegramIds = new ArrayList<>();
        second.get("items").forEach(u -> telegramIds.add(u.get("telegram_id").asLong()));
        assertThat(telegramIds).containsExactly(InsightsFixture.CAROL, InsightsFixture.DAVE);
    }

    /** The Java defaults shown for users without a settings row are the database's column defaults. */
    @Test
    void defaultSettingsMatchTheColumnDefaults() throws SQLException {
        try (Connection c = server.db().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long userId = Sql.insert(c, "INSERT INTO users (telegram_id) VALUES (?)", 55555L);
                Sql.update(c, "INSERT INTO notification_settings (user_id) VALUES (?)", userId);
                Notifications.Settings stored = Sql.queryOne(
                                c,
                                "SELECT " + NotificationSettings.COLUMNS
                                        + " FROM users u JOIN notification_settings s ON s.user_id = u.id WHERE u.id = ?",
                                NotificationSettings::map,
                                userId)
                        .orElseThrow();
                assertThat(stored).isEqualTo(NotificationSettings.defaults("ru"));
            } finally {
                c.rollback();
            }
        }
    }

    // ---- reviews, questions and the answers sent from WB Assist

    @Test
    void itemsToAnswerNewestFirstWithTheirAnswerState() {
        JsonNode all = ok("/api/v1/admin/items-to-answer");
        assertThat(all.get("total").asLong()).isEqualTo(13); // Shop A: 8 reviews, 3 questions; B and C one review each
        assertThat(itemKeys(ok("/api/v1/admin/items-to-answer?limit=3")))
                .containsExactly("RC1", "R1", "Q1"); // 27 Nov 11:00, 10:00, 09:30

        JsonNode r1 = ok("/api/v1/admin/items-to-answer?limit=1&offset=1")
                .get("items")
                .get(0);
        assertThat(r1.get("cabinet_id").asLong()).isEqualTo(f.shopA);
        assertThat(r1.get("cabinet_name").asText()).isEqualTo("Shop A");
        assertThat(r1.get("kind").asText()).isEqualTo("review");
        assertThat(r1.get("nm_id").asLong()).isEqualTo(111);
        assertThat(r1.get("product").asText()).isEqualTo("Платье летнее");
        assertThat(r1.get("buyer").asText()).isEqualTo("buyer R1");
        assertThat(r1.get("rating").asInt()).isEqualTo(1);
        assertThat(r1.get("text").asText()).isEqualTo("text R1");
        assertMsk(r1.get("created_date"), "2026-11-27T10:00:00");
        assertThat(r1.get("answered").asBoolean()).isFalse(); // WB refused the answer: still to answer
        assertThat(r1.get("answer_text").asText()).isEqualTo("Ок");
        assertThat(r1.get("answer_status").asText()).isEqualTo("refused");
        assertThat(r1.get("answered_by").asLong()).isEqualTo(InsightsFixture.ALICE);
        assertMsk(r1.get("answered_at"), "2026-11-27T11:40:00");

        JsonNode questions = ok("/api/v1/admin/items-to-answer?cabinet_id=" + f.shopA + "&kind=question");
        assertThat(itemKeys(questions)).containsExactly("Q1", "Q2", "Q3");
        JsonNode q2 = questions.get("items").get(1);
        assertThat(q2.get("buyer").isNull()).isTrue();
        assertThat(q2.get("rating").isNull()).isTrue();
        assertThat(q2.get("answer_status").isNull()).isTrue();
        assertThat(q2.get("answered_by").isNull()).isTrue();
        JsonNode q3 = questions.get("items").get(2);
        assertThat(q3.get("answered").asBoolean()).isTrue();
        assertThat(q3.get("answer_text").asText()).isEqualTo("Да, есть");
        assertThat(q3.get("answer_status").asText()).isEqualTo("sent");

        JsonNode open = ok("/api/v1/admin/items-to-answer?cabinet_id=" + f.shopA + "&answered=false");
        assertThat(open.get("total").asLong()).isEqualTo(7);
        assertThat(itemKeys(open)).containsExactly("R1", "Q1", "R4", "R2", "R3", "Q2", "R7");
        assertThat(itemKeys(ok("/api/v1/admin/items-to-answer?answered=true&kind=review&cabinet_id=" + f.shopA)))
                .containsExactly("R5", "R8", "R6");
        assertThat(server.get("/api/v1/admin/items-to-answer?cabinet_id=999999").status())
                .isEqualTo(404);
    }

    @Test
    void answersSentFromWbAssistNewestFirstWithWhoAndWbsVerdict() {
        JsonNode page = ok("/api/v1/admin/answers");
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(itemKeys(page)).containsExactly("R1", "Q1", "R5", "Q3");
        JsonNode refused = page.get("items").get(0);
        assertThat(refused.get("id").asLong()).isPositive();
        assertThat(refused.get("cabinet_name").asText()).isEqualTo("Shop A");
        assertThat(refused.get("kind").asText()).isEqualTo("review");
        assertThat(refused.get("product").asText()).isEqualTo("Платье летнее");
        assertThat(refused.get("item_text").asText()).isEqualTo("text R1");
        assertThat(refused.get("text").asText()).isEqualTo("Ок");
        assertThat(refused.get("status").asText()).isEqualTo("refused");
        assertThat(refused.get("wb_status").asInt()).isEqualTo(400);
        assertThat(refused.get("wb_error").asText()).isEqualTo("answer text is too short");
        assertThat(refused.get("telegram_id").asLong()).isEqualTo(InsightsFixture.ALICE);
        assertThat(refused.get("username").asText()).isEqualTo("alice");
        assertThat(refused.get("first_name").asText()).isEqualTo("Alice");
        assertMsk(refused.get("created_at"), "2026-11-27T11:40:00");
        assertMsk(refused.get("completed_at"), "2026-11-27T11:40:01");
        JsonNode failed = page.get("items").get(1);
        assertThat(failed.get("product").asText()).isEqualTo("Платье летнее");
        assertThat(failed.get("item_text").asText()).isEqualTo("text Q1");
        assertThat(failed.get("wb_status").isNull()).isTrue();
        assertThat(failed.get("telegram_id").asLong()).isEqualTo(777);
        assertThat(failed.get("username").isNull()).isTrue(); // not a user (any more)

        assertThat(itemKeys(ok("/api/v1/admin/answers?status=sent"))).containsExactly("R5", "Q3");
        assertThat(itemKeys(ok("/api/v1/admin/answers?kind=question"))).containsExactly("Q1", "Q3");
        assertThat(itemKeys(ok("/api/v1/admin/answers?telegram_id=" + InsightsFixture.ALICE)))
                .containsExactly("R1", "R5", "Q3");
        assertThat(itemKeys(ok("/api/v1/admin/answers?from=2026-11-27T00:00:00&to=2026-11-27T11:00:00")))
                .containsExactly("Q1", "R5");
        JsonNode second = ok("/api/v1/admin/answers?cabinet_id=" + f.shopA + "&limit=1&offset=1");
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(itemKeys(second)).containsExactly("Q1");
        assertThat(ok("/api/v1/admin/answers?cabinet_id=" + f.shopB)
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(server.get("/api/v1/admin/answers?telegram_id=424242").status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/admin/answers?cabinet_id=999999").status())
                .isEqualTo(404);
    }

    private static List<String> itemKeys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("items").forEach(item -> keys.add(item.get("item_id").asText()));
        return keys;
    }

    // ---- errors

    @ParameterizedTest
    @CsvSource({
        "/api/v1/admin/cabinets?limit=0, limit",
        "/api/v1/admin/cabinets?limit=501, limit",
        "/api/v1/admin/cabinets?offset=-1, offset",
        "/api/v1/admin/cabinets/abc/users, id",
        "/api/v1/admin/sync-logs?cabinet_id=x, cabinet_id",
        "/api/v1/admin/sync-logs?status=done, status",
        "/api/v1/admin/sync-logs?from=yesterday, from",
        "/api/v1/admin/sync-logs?to=2026-13-01, to",
        "/api/v1/admin/sync-logs?from=2026-11-27&to=2026-11-26, to",
        "/api/v1/admin/notifications?telegram_id=0, telegram_id",
        "/api/v1/admin/notifications?type=sms, type",
        "/api/v1/admin/notifications?status=delivered, status",
        "/api/v1/admin/users?limit=1000, limit",
        "/api/v1/admin/items-to-answer?kind=photo, kind",
        "/api/v1/admin/items-to-answer?answered=yes, answered",
        "/api/v1/admin/items-to-answer?cabinet_id=-5, cabinet_id",
        "/api/v1/admin/items-to-answer?offset=x, offset",
        "/api/v1/admin/answers?status=ok, status",
        "/api/v1/admin/answers?kind=reviews, kind",
        "/api/v1/admin/answers?telegram_id=0, telegram_id",
        "/api/v1/admin/answers?from=2026-11-27&to=2026-11-27, to",
        "/api/v1/admin/answers?limit=501, limit",
    })
    void badParametersAre400NamingTheParameter(String path, String field) {
        TestServer.Response response = server.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("bad_request");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @ParameterizedTest
    @CsvSource({"overview", "cabinets", "sync-logs", "notifications", "users", "items-to-answer", "answers"})
    void wrongOrMissingSecretIs401(String route) {
        HttpRequest wrong = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/admin/" + route))
                .header("X-API-SECRET-KEY", "wrong-secret-0123456789")
                .GET()
                .build();
        TestServer.Response response = server.send(wrong);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(response.body()).doesNotContain("Shop A").doesNotContain("alice");
        HttpRequest missing = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/admin/" + route))
                .GET()
                .build();
        assertThat(server.send(missing).status()).isEqualTo(401);
    }

    // ---- helpers

    private JsonNode ok(String path) {
        TestServer.Response response = server.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertCounts(JsonNode counts, Map<String, Long> expected) {
        assertThat(fieldNames(counts)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach(
                (key, value) -> assertThat(counts.get(key).asLong()).as(key).isEqualTo(value));
    }

    private static void assertMsk(JsonNode node, String mskWallTime) {
        OffsetDateTime value = OffsetDateTime.parse(node.asText());
        assertThat(value.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(value.toLocalDateTime()).isEqualTo(LocalDateTime.parse(mskWallTime));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    private static List<String> logKeys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("items")
                .forEach(i -> keys.add(i.get("cabinet_name").asText() + " "
                        + i.get("data_set").asText() + " " + i.get("status").asText()));
        return keys;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
