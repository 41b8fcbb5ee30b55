package ru.wbassist.server.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import ru.wbassist.server.events.EventType;

/** A user's notification settings (switches per event type, thresholds, quiet hours, language); the API shape too. */
public record NotificationSettings(boolean notificationsEnabled, boolean newOrdersEnabled, boolean orderBuyoutsEnabled,
                                   boolean orderCancellationsEnabled, boolean orderReturnsEnabled,
                                   boolean negativeReviewsEnabled, boolean criticalStocksEnabled, boolean groupingEnabled,
                                   int maxGroupSize, int groupTimeout, int negativeReviewThreshold,
                                   int criticalStockThreshold, String quietHoursStart, String quietHoursEnd,
                                   String language) {

    public static final int DEFAULT_REVIEW_THRESHOLD = 3;
    public static final int DEFAULT_STOCK_THRESHOLD = 5;

    /** Columns of {@code notification_settings s} and {@code users u}, read by {@link #map}. */
    static final String COLUMNS = """
            s.user_id AS settings_user, s.notifications_enabled, s.new_orders_enabled, s.order_buyouts_enabled,
            s.order_cancellations_enabled, s.order_returns_enabled, s.negative_reviews_enabled,
            s.critical_stocks_enabled, s.grouping_enabled, s.max_group_size, s.group_timeout,
            s.negative_review_threshold, s.critical_stock_threshold, s.quiet_hours_start, s.quiet_hours_end,
            u.language""";

    public static NotificationSettings defaults(String language) {
        return new NotificationSettings(true, true, true, true, true, true, true, false, 5, 300,
                DEFAULT_REVIEW_THRESHOLD, DEFAULT_STOCK_THRESHOLD, null, null, language);
    }

    /** Whether the user wants this type at all (key problems and tests have no switch of their own). */
    public boolean enabled(EventType type) {
        return switch (type) {
            case NEW_ORDER -> newOrdersEnabled;
            case ORDER_BUYOUT -> orderBuyoutsEnabled;
            case ORDER_CANCELLATION -> orderCancellationsEnabled;
            case ORDER_RETURN -> orderReturnsEnabled;
            case NEGATIVE_REVIEW -> negativeReviewsEnabled;
            case CRITICAL_STOCK -> criticalStocksEnabled;
            case KEY_INVALID, KEY_EXPIRING, TEST -> true;
        };
    }

    public Optional<QuietHours> quietHours() {
        return QuietHours.of(quietHoursStart, quietHoursEnd);
    }

    /** Reads {@link #COLUMNS}; a user without a settings row has the defaults. */
    static NotificationSettings map(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        if (rs.getObject("settings_user") == null) {
            return defaults(language);
        }
        return new NotificationSettings(rs.getBoolean("notifications_enabled"), rs.getBoolean("new_orders_enabled"),
                rs.getBoolean("order_buyouts_enabled"), rs.getBoolean("order_cancellations_enabled"),
                rs.getBoolean("order_returns_enabled"), rs.getBoolean("negative_reviews_enabled"),
                rs.getBoolean("critical_stocks_enabled"), rs.getBoolean("grouping_enabled"), rs.getInt("max_group_size"),
                rs.getInt("group_timeout"), rs.getInt("negative_review_threshold"), rs.getInt("critical_stock_threshold"),
                rs.getString("quiet_hours_start"), rs.getString("quiet_hours_end"), language);
    }
}
