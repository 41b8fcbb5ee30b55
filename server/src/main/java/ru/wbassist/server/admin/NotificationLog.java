package ru.wbassist.server.admin;

import java.time.Instant;
import java.util.Optional;

import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** Every notification made for any user, with its delivery state, newest first. */
final class NotificationLog {


    /** What a list may be narrowed to; {@code userId} is internal, the time range applies to {@code created_at}. */
    record Query(Optional<Long> userId, Optional<Long> cabinetId, Optional<String> type, Optional<String> status,
                 Filter.TimeRange range) {
    }

    private final Database db;

    NotificationLog(Database db) {
        this.db = db;
    }

    Admin.Page<Admin.NotificationEntry> list(Query query, Paging paging) {
        Filter filter = new Filter().range("n.created_at", query.range()).when("n.user_id = ?", query.userId())
                .when("n.cabinet_id = ?", query.cabinetId())
                .when("n.event_type = ?", query.type()).when("n.status = ?", query.status());
        return db.withConnection(c -> new Admin.Page<>(Sql.query(c, """
                        SELECT n.id, u.telegram_id, n.cabinet_id, n.event_type, n.status, n.suppressed_reason, n.text,
                               n.image_url, n.created_at, n.sent_at, n.attempts, n.last_error
                          FROM notification_history n JOIN users u ON u.id = n.user_id
                        """ + filter.where() + " ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?",
                rs -> new Admin.NotificationEntry(rs.getLong("id"), rs.getLong("telegram_id"), Sql.longValue(rs, "cabinet_id"),
                        rs.getString("event_type"), rs.getString("status"), rs.getString("suppressed_reason"),
                        rs.getString("text"), rs.getString("image_url"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "sent_at"), rs.getInt("attempts"), rs.getString("last_error")),
                filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM notification_history n" + filter.where(), filter.params())));
    }
}
