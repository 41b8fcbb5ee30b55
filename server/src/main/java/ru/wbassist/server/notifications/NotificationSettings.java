package ru.wbassist.server.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ru.wbassist.api.Notifications;

/** A user's {@link Notifications.Settings} as stored: defaults, quiet hours, the columns that hold them. */
public final class NotificationSettings {

    public static final int DEFAULT_REVIEW_THRESHOLD = 3;
    public static final int DEFAULT_STOCK_THRESHOLD = 5;
    public static final int DEFAULT_RUNWAY_DAYS = 7;

    /** Columns of {@code notification_settings s} and {@code users u}, read by {@link #map}. */
    public static final String COLUMNS = """
            s.user_id AS settings_user, s.notifications_enabled, s.new_orders_enabled, s.order_buyouts_enabled,
            s.order_cancellations_enabled, s.order_returns_enabled, s.negative_reviews_enabled,
            s.critical_stocks_enabled, s.stock_runway_enabled, s.price_changes_enabled, s.new_questions_enabled,
            s.grouping_enabled, s.max_group_size, s.group_timeout,
            s.negative_review_threshold, s.critical_stock_threshold, s.runway_days, s.quiet_hours_start,
            s.quiet_hours_end, s.digest_time, u.language""";

    private NotificationSettings() {}

    public static Notifications.Settings defaults(String language) {
        return new Notifications.Settings(
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                false,
                5,
                300,
                DEFAULT_REVIEW_THRESHOLD,
                DEFAULT_STOCK_THRESHOLD,
                DEFAULT_RUNWAY_DAYS,
                null,
                null,
                null,
                language);
    }

    public static Optional<QuietHours> quietHours(Notifications.Settings settings) {
        return QuietHours.of(settings.quietHoursStart(), settings.quietHoursEnd());
    }

    /** Reads {@link #COLUMNS}; a user without a settings row has the defaults. */
    public static Notifications.Settings map(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        if (rs.getObject("settings_user") == null) {
            return defaults(language);
        }
        return new Notifications.Settings(
                rs.getBoolean("notifications_enabled"),
                rs.getBoolean("new_orders_enabled"),
                rs.getBoolean("order_buyouts_enabled"),
                rs.getBoolean("order_cancellations_enabled"),
                rs.getBoolean("order_returns_enabled"),
                rs.getBoolean("negative_reviews_enabled"),
                rs.getBoolean("critical_stocks_enabled"),
                rs.getBoolean("stock_runway_enabled"),
                rs.getBoolean("price_changes_enabled"),
                rs.getBoolean("new_questions_enabled"),
                rs.getBoolean("grouping_enabled"),
                rs.getInt("max_group_size"),
                rs.getInt("group_timeout"),
                rs.getInt("negative_review_threshold"),
                rs.getInt("critical_stock_threshold"),
                rs.getInt("runway_days"),
                rs.getString("quiet_hours_start"),
                rs.getString("quiet_hours_end"),
                rs.getString("digest_time"),
                language);
    }
}
