package ru.wbassist.console.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;

/**
 * The real server ({@link TestServer}, in-process on a fresh H2 database), with fixture rows written straight into
 * its tables (the admin API only reads them): three users, two cabinets (one with a failing sync and a revoked key),
 * five sync runs, five notifications, two orders, all relative to now.
 */
final class RealServer implements AutoCloseable {

    static final String SECRET = TestServer.SECRET;
    static final long ANNA = 7001;
    static final long BORIS = 7002;
    static final long CLARA = 7003;

    private final TestServer server = TestServer.start(DatabaseConfig.Vendor.H2);
    long sneakers;
    long deco;

    RealServer() {
        server.db().inTransaction(c -> {
            insertFixture(c);
            return null;
        });
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }

    private void insertFixture(Connection c) throws SQLException {
        Instant now = Instant.now();
        long anna = user(c, ANNA, "anna", "Anna", now.minus(Duration.ofDays(10)));
        long boris = user(c, BORIS, "boris", "Boris", now.minus(Duration.ofDays(9)));
        long clara = user(c, CLARA, null, "Clara", now.minus(Duration.ofDays(8)));
        Sql.update(c, "UPDATE users SET bot_blocked_at = ? WHERE id = ?", now.minus(Duration.ofDays(1)), clara);
        sneakers = cabinet(c, "Sneakers", "hash-1", now.minus(Duration.ofDays(10)));
        deco = cabinet(c, "Home & Deco", "hash-2", now.minus(Duration.ofDays(9)));
        Sql.update(
                c,
                "UPDATE wb_cabinets SET key_invalid_since = ?, key_error = ? WHERE id = ?",
                now.minus(Duration.ofHours(1)),
                "WB answered 401: token revoked",
                deco);
        link(c, sneakers, anna, "owner", now.minus(Duration.ofDays(10)));
        link(c, deco, boris, "owner", now.minus(Duration.ofDays(9)));
        link(c, deco, anna, "member", now.minus(Duration.ofDays(5)));
        link(c, sneakers, clara, "member", now.minus(Duration.ofDays(4)));

        syncLog(c, sneakers, "orders", "success", now.minus(Duration.ofMinutes(30)), 12, null);
        syncLog(c, sneakers, "sales", "success", now.minus(Duration.ofMinutes(20)), 3, null);
        syncLog(c, deco, "orders", "success", now.minus(Duration.ofDays(2)), 5, null);
        syncLog(c, deco, "orders", "failed", now.minus(Duration.ofMinutes(10)), 0, "WB answered 401: token revoked");
        syncLog(c, sneakers, "reviews", "partial", now.minus(Duration.ofDays(3)), 7, "2 of 3 pages");

        notification(c, anna, sneakers, "new_order", "sent", null, now.minus(Duration.ofHours(3)), 1, null);
        notification(
                c,
                anna,
                deco,
                "negative_review",
                "failed",
                null,
                now.minus(Duration.ofHours(2)),
                5,
                "Telegram 400: Bad Request: chat not found");
        notification(c, boris, deco, "new_order", "pending", null, now.minus(Duration.ofHours(1)), 0, null);
        notification(
                c,
                clara,
                sneakers,
                "critical_stock",
                "skipped",
                "bot_blocked",
                now.minus(Duration.ofMinutes(30)),
                0,
                null);
        notification(
                c,
                boris,
                deco,
                "order_buyout",
                "sent",
                null,
                now.minus(Duration.ofDays(3)),
                2,
                "Telegram 429: Too Many Requests: retry after 3");

        Sql.update(
                c,
                "INSERT INTO order_feed_state (cabinet_id, mode, last_status, last_poll_at, last_success_at,"
                        + " next_poll_at) VALUES (?,?,?,?,?,?)",
                sneakers,
                "on",
                "success",
                now.minusSeconds(30),
                now.minusSeconds(30),
                now.plusSeconds(30));
        Sql.update(
                c,
                "INSERT INTO order_feed_state (cabinet_id, mode, reason) VALUES (?,?,?)",
                deco,
                "off",
                "no_analytics");

        order(c, sneakers, "srid-1", now.minus(Duration.ofMinutes(50)));
        order(c, deco, "srid-2", now.minus(Duration.ofMinutes(40)));
    }

    private static long user(Connection c, long telegramId, String username, String firstName, Instant created)
            throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO users (telegram_id, username, first_name, created_at) VALUES (?,?,?,?)",
                telegramId,
                username,
                firstName,
                created);
    }

    private static long cabinet(Connection c, String name, String keyHash, Instant created) throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, created_at) VALUES (?,?,?,?)",
                name,
                "not-a-real-key",
                keyHash,
                created);
    }

    private static void link(Connection c, long cabinet, long user, String role, Instant joined) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO cabinet_users (cabinet_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                cabinet,
                user,
                role,
                joined);
    }

    private static void syncLog(
            Connection c, long cabinet, String dataSet, String status, Instant started, int records, String error)
            throws SQLException {
        Sql.insert(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, completed_at,"
                        + " records_processed, error_message) VALUES (?,?,?,?,?,?,?)",
                cabinet,
                dataSet,
                status,
                started,
                started.plusSeconds(4),
                records,
                error);
    }

    private static void notification(
            Connection c,
            long user,
            long cabinet,
            String type,
            String status,
            String reason,
            Instant created,
            int attempts,
            String error)
            throws SQLException {
        Sql.insert(
                c,
                "INSERT INTO notification_history (user_id, cabinet_id, event_type, external_id, text, created_at,"
                        + " status, suppressed_reason, deliver_after, sent_at, attempts, last_error)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                user,
                cabinet,
                type,
                type + "-" + created,
                "<b>" + type + "</b> &amp; <i>details</i>",
                created,
                status,
                reason,
                created,
                status.equals("sent") ? created.plusSeconds(1) : null,
                attempts,
                error);
    }

    private static void order(Connection c, long cabinet, String srid, Instant at) throws SQLException {
        Sql.insert(
                c,
                "INSERT INTO wb_orders (cabinet_id, srid, nm_id, order_date, last_change_date) VALUES (?,?,?,?,?)",
                cabinet,
                srid,
                100500,
                at,
                at);
    }
}
