package ru.wbassist.server.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import ru.wbassist.api.Notifications;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** Notification settings by internal user id; the row is created with the defaults on first access. */
public final class SettingsRepository {

    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Notifications.Settings get(long userId) {
        return db.inTransaction(c -> {
            ensureRow(c, userId);
            return read(c, userId);
        });
    }

    public Notifications.Settings update(long userId, SettingsPatch patch) {
        return db.inTransaction(c -> {
            ensureRow(c, userId);
            Notifications.Settings s = patch.applyTo(read(c, userId));
            Sql.update(c, """
                            UPDATE notification_settings SET notifications_enabled = ?, new_orders_enabled = ?,
                                   order_buyouts_enabled = ?, order_cancellations_enabled = ?, order_returns_enabled = ?,
                                   negative_reviews_enabled = ?, critical_stocks_enabled = ?, new_questions_enabled = ?,
                                   grouping_enabled = ?,
                                   max_group_size = ?, group_timeout = ?, negative_review_threshold = ?,
                                   critical_stock_threshold = ?, quiet_hours_start = ?, quiet_hours_end = ?, updated_at = ?
                             WHERE user_id = ?""",
                    s.notificationsEnabled(), s.newOrdersEnabled(), s.orderBuyoutsEnabled(), s.orderCancellationsEnabled(),
                    s.orderReturnsEnabled(), s.negativeReviewsEnabled(), s.criticalStocksEnabled(), s.newQuestionsEnabled(),
                    s.groupingEnabled(),
                    s.maxGroupSize(), s.groupTimeout(), s.negativeReviewThreshold(), s.criticalStockThreshold(),
                    s.quietHoursStart(), s.quietHoursEnd(), Instant.now(), userId);
            Sql.update(c, "UPDATE users SET language = ?, updated_at = ? WHERE id = ?", s.language(), Instant.now(), userId);
            return read(c, userId);
        });
    }

    /** Locks the user row first, so two first accesses cannot both insert (portable; no ON CONFLICT on H2). */
    private static void ensureRow(Connection c, long userId) throws SQLException {
        Sql.query(c, "SELECT id FROM users WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), userId);
        if (Sql.queryLong(c, "SELECT COUNT(*) FROM notification_settings WHERE user_id = ?", userId) == 0) {
            Sql.update(c, "INSERT INTO notification_settings (user_id, updated_at) VALUES (?, ?)", userId, Instant.now());
        }
    }

    /** The settings inside a caller's transaction, without creating the row: the defaults when there is none. */
    static Notifications.Settings read(Connection c, long userId) throws SQLException {
        return Sql.queryOne(c, "SELECT " + NotificationSettings.COLUMNS + " FROM users u LEFT JOIN notification_settings s"
                + " ON s.user_id = u.id WHERE u.id = ?", NotificationSettings::map, userId).orElseThrow();
    }
}
