package ru.wbassist.server.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.notifications.NotificationSettings;

/** Every bot user with their cabinets and settings, by id (registration order). */
final class UserDirectory {



    /** The settings columns of {@code notification_settings s} (absent row: all null) and the user's language. */
    static final String SETTINGS_COLUMNS = """
            s.user_id AS settings_user_id, s.notifications_enabled, s.new_orders_enabled, s.order_buyouts_enabled,
            s.order_cancellations_enabled, s.order_returns_enabled, s.negative_reviews_enabled,
            s.critical_stocks_enabled, s.grouping_enabled, s.max_group_size, s.group_timeout,
            s.negative_review_threshold, s.critical_stock_threshold, s.quiet_hours_start, s.quiet_hours_end,
            u.language""";

    private final Database db;

    UserDirectory(Database db) {
        this.db = db;
    }

    Admin.Page<Admin.UserRow> list(Paging paging) {
        return db.withConnection(c -> {
            List<Map.Entry<Long, Admin.UserRow>> users = Sql.query(c, "SELECT u.id, u.telegram_id, u.username, u.first_name,"
                            + " u.last_name, u.created_at, u.bot_blocked_at, " + SETTINGS_COLUMNS
                            + " FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id"
                            + " ORDER BY u.id LIMIT ? OFFSET ?",
                    rs -> Map.entry(rs.getLong("id"), new Admin.UserRow(rs.getLong("telegram_id"), rs.getString("username"),
                            rs.getString("first_name"), rs.getString("last_name"), Sql.instant(rs, "created_at"),
                            rs.getObject("bot_blocked_at") != null, List.of(), settings(rs))),
                    paging.limit(), paging.offset());
            Map<Long, List<Admin.CabinetLink>> cabinets = users.isEmpty() ? Map.of() : Sql.query(c,
                            "SELECT cu.user_id, c.id, c.name, cu.role FROM cabinet_users cu"
                                    + " JOIN wb_cabinets c ON c.id = cu.cabinet_id WHERE cu.user_id IN ("
                                    + String.join(", ", Collections.nCopies(users.size(), "?")) + ") ORDER BY c.id",
                            rs -> Map.entry(rs.getLong("user_id"),
                                    new Admin.CabinetLink(rs.getLong("id"), rs.getString("name"), rs.getString("role"))),
                            users.stream().map(Map.Entry::getKey).toArray())
                    .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            List<Admin.UserRow> items = users.stream().map(e -> {
                Admin.UserRow u = e.getValue();
                return new Admin.UserRow(u.telegramId(), u.username(), u.firstName(), u.lastName(), u.createdAt(),
                        u.botBlocked(), cabinets.getOrDefault(e.getKey(), List.of()), u.settings());
            }).toList();
            return new Admin.Page<>(items, Sql.queryLong(c, "SELECT COUNT(*) FROM users"));
        });
    }

    /** The user's settings; a user who never saved any has no row and gets the defaults (docs/api.md). */
    static Notifications.Settings settings(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        if (rs.getObject("settings_user_id") == null) {
            return NotificationSettings.defaults(language);
        }
        return new Notifications.Settings(rs.getBoolean("notifications_enabled"), rs.getBoolean("new_orders_enabled"),
                rs.getBoolean("order_buyouts_enabled"), rs.getBoolean("order_cancellations_enabled"),
                rs.getBoolean("order_returns_enabled"), rs.getBoolean("negative_reviews_enabled"),
                rs.getBoolean("critical_stocks_enabled"), rs.getBoolean("grouping_enabled"),
                rs.getInt("max_group_size"), rs.getInt("group_timeout"), rs.getInt("negative_review_threshold"),
                rs.getInt("critical_stock_threshold"),
                rs.getString("quiet_hours_start"), rs.getString("quiet_hours_end"), language);
    }
}
