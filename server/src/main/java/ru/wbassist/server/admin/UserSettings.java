package ru.wbassist.server.admin;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A user's notification settings in the shape of docs/api.md "Settings". A user who never saved settings has no row;
 * they get {@link #defaults}, which mirror the column defaults of {@code notification_settings} (a test holds the two
 * together).
 */
record UserSettings(boolean notificationsEnabled, boolean newOrdersEnabled, boolean orderBuyoutsEnabled,
                    boolean orderCancellationsEnabled, boolean orderReturnsEnabled, boolean negativeReviewsEnabled,
                    boolean criticalStocksEnabled, boolean groupingEnabled, int maxGroupSize, int groupTimeout,
                    int negativeReviewThreshold, int criticalStockThreshold, String quietHoursStart,
                    String quietHoursEnd, String language) {

    /** The columns {@link #read} needs, from {@code notification_settings s} joined to {@code users u}. */
    static final String COLUMNS = """
            s.user_id AS settings_user_id, s.notifications_enabled, s.new_orders_enabled, s.order_buyouts_enabled,
            s.order_cancellations_enabled, s.order_returns_enabled, s.negative_reviews_enabled,
            s.critical_stocks_enabled, s.grouping_enabled, s.max_group_size, s.group_timeout,
            s.negative_review_threshold, s.critical_stock_threshold, s.quiet_hours_start, s.quiet_hours_end,
            u.language""";

    static UserSettings defaults(String language) {
        return new UserSettings(true, true, true, true, true, true, true, false, 5, 300, 3, 5, null, null, language);
    }

    /** The settings of the current row, or the defaults when the user has no settings row. */
    static UserSettings read(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        if (rs.getObject("settings_user_id") == null) {
            return defaults(language);
        }
        return new UserSettings(rs.getBoolean("notifications_enabled"), rs.getBoolean("new_orders_enabled"),
                rs.getBoolean("order_buyouts_enabled"), rs.getBoolean("order_cancellations_enabled"),
                rs.getBoolean("order_returns_enabled"), rs.getBoolean("negative_reviews_enabled"),
                rs.getBoolean("critical_stocks_enabled"), rs.getBoolean("grouping_enabled"), rs.getInt("max_group_size"),
                rs.getInt("group_timeout"), rs.getInt("negative_review_threshold"), rs.getInt("critical_stock_threshold"),
                rs.getString("quiet_hours_start"), rs.getString("quiet_hours_end"), language);
    }
}
