package ru.wbassist.server.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** Notification settings by internal user id; the row is created with the defaults on first access. */
public final class SettingsRepository {

    private final Database db;
    private final Clock clock;

    public SettingsRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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
            Notifications.Settings old = read(c, userId);
            Notifications.Settings s = patch.applyTo(old);
            Instant now = clock.instant();
            Sql.update(
                    c,
                    """
                            UPDATE notification_settings SET notifications_enabled = ?, new_orders_enabled = ?,
                                   order_buyouts_enabled = ?, order_cancellations_enabled = ?, order_returns_enabled = ?,
                                   negative_reviews_enabled = ?, critical_stocks_enabled = ?, stock_runway_enabled = ?,
                                   price_changes_enabled = ?, new_questions_enabled = ?, grouping_enabled = ?, max_group_size = ?, group_timeout = ?,
                                   negative_review_threshold = ?, critical_stock_threshold = ?, runway_days = ?,
                                   quiet_hours_start = ?, quiet_hours_end = ?, digest_time = ?, updated_at = ?
                             WHERE user_id = ?""",
                    s.notificationsEnabled(),
                    s.newOrdersEnabled(),
                    s.orderBuyoutsEnabled(),
                    s.orderCancellationsEnabled(),
                    s.orderReturnsEnabled(),
                    s.negativeReviewsEnabled(),
                    s.criticalStocksEnabled(),
                    s.stockRunwayEnabled(),
                    s.priceChangesEnabled(),
                    s.newQuestionsEnabled(),
                    s.groupingEnabled(),
                    s.maxGroupSize(),
                    s.groupTimeout(),
                    s.negativeReviewThreshold(),
                    s.criticalStockThreshold(),
                    s.runwayDays(),
                    s.quietHoursStart(),
                    s.quietHoursEnd(),
                    s.digestTime(),
                    now,
                    userId);
            if (!Objects.equals(old.digestTime(), s.digestTime())) {
                // a time chosen after it has passed today starts tomorrow (docs/notifications.md "Daily digest")
                Sql.update(c, "UPDATE notification_settings SET digest_time_set_at = ? WHERE user_id = ?", now, userId);
            }
            Sql.update(c, "UPDATE users SET language = ?, updated_at = ? WHERE id = ?", s.language(), now, userId);
            return read(c, userId);
        });
    }

    /** Locks the user row first, so two first accesses cannot both insert (portable; no ON CONFLICT on H2). */
    private static void ensureRow(Connection c, long userId) throws SQLException {
        Sql.query(c, "SELECT id FROM users WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), userId);
        if (Sql.queryLong(c, "SELECT COUNT(*) FROM notification_settings WHERE user_id = ?", userId) == 0) {
            Sql.update(
                    c, "INSERT INTO notification_settings (user_id, updated_at) VALUES (?, ?)", userId, Instant.now());
        }
    }

    /** The settings inside a caller's transaction, without creating the row: the defaults when there is none. */
    static Notifications.Settings read(Connection c, long userId) throws SQLException {
        return Sql.queryOne(
                        c,
                        "SELECT " + NotificationSettings.COLUMNS + " FROM users u LEFT JOIN notification_settings s"
                                + " ON s.user_id = u.id WHERE u.id = ?",
                        NotificationSettings::map,
                        userId)
                .orElseThrow();
    }
}
