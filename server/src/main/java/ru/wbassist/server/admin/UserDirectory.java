package ru.wbassist.server.admin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.notifications.NotificationSettings;

/** Every bot user with their cabinets and settings, by id (registration order). */
final class UserDirectory {

    private final Database db;

    UserDirectory(Database db) {
        this.db = db;
    }

    Admin.Page<Admin.UserRow> list(Paging paging) {
        return db.withConnection(c -> {
            List<Map.Entry<Long, Admin.UserRow>> users = Sql.query(
                    c,
                    "SELECT u.id, u.telegram_id, u.username, u.first_name,"
                            + " u.last_name, u.created_at, u.bot_blocked_at, " + NotificationSettings.COLUMNS
                            + " FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id"
                            + " ORDER BY u.id LIMIT ? OFFSET ?",
                    rs -> Map.entry(
                            rs.getLong("id"),
                            new Admin.UserRow(
                                    rs.getLong("telegram_id"),
                                    rs.getString("username"),
                                    rs.getString("first_name"),
                                    rs.getString("last_name"),
                                    Sql.instant(rs, "created_at"),
                                    rs.getObject("bot_blocked_at") != null,
                                    List.of(),
                                    NotificationSettings.map(rs))),
                    paging.limit(),
                    paging.offset());
            Map<Long, List<Admin.CabinetLink>> cabinets = users.isEmpty()
                    ? Map.of()
                    : Sql.query(
                                    c,
                                    "SELECT cu.user_id, c.id, c.name, cu.role FROM cabinet_users cu"
                                            + " JOIN wb_cabinets c ON c.id = cu.cabinet_id WHERE cu.user_id IN ("
                                            + String.join(", ", Collections.nCopies(users.size(), "?"))
                                            + ") ORDER BY c.id",
                                    rs -> Map.entry(
                                            rs.getLong("user_id"),
                                            new Admin.CabinetLink(
                                                    rs.getLong("id"), rs.getString("name"), rs.getString("role"))),
                                    users.stream().map(Map.Entry::getKey).toArray())
                            .stream()
                            .collect(Collectors.groupingBy(
                                    Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            List<Admin.UserRow> items = users.stream()
                    .map(e -> {
                        Admin.UserRow u = e.getValue();
                        return new Admin.UserRow(
                                u.telegramId(),
                                u.username(),
                                u.firstName(),
                                u.lastName(),
                                u.createdAt(),
                                u.botBlocked(),
                                cabinets.getOrDefault(e.getKey(), List.of()),
                                u.settings());
                    })
                    .toList();
            return new Admin.Page<>(items, Sql.queryLong(c, "SELECT COUNT(*) FROM users"));
        });
    }
}
