package ru.wbassist.server.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.notifications.Renderer;

/** Every notification made for any user, with its delivery state, newest first. */
final class NotificationLog {

    /** What a list may be narrowed to; {@code userId} is internal, the time range applies to {@code created_at}. */
    record Query(
            Optional<Long> userId,
            Optional<Long> cabinetId,
            Optional<String> type,
            Optional<String> status,
            Filter.TimeRange range) {

        Filter filter() {
            return new Filter()
                    .range("n.created_at", range)
                    .when("n.user_id = ?", userId)
                    .when("n.cabinet_id = ?", cabinetId)
                    .when("n.event_type = ?", type)
                    .when("n.status = ?", status);
        }
    }

    private static final String SELECT = """
            SELECT n.id, u.telegram_id, n.cabinet_id, n.event_type, n.status, n.suppressed_reason, n.text,
                   n.image_url, n.created_at, n.sent_at, n.attempts, n.last_error, n.retry_of, n.retried_by, n.chart
              FROM notification_history n JOIN users u ON u.id = n.user_id
            """;
    private static final String ORDER = " ORDER BY n.created_at DESC, n.id DESC";

    static final Csv.Columns<Admin.NotificationEntry> CSV = new Csv.Columns<Admin.NotificationEntry>()
            .number("id", Admin.NotificationEntry::id)
            .time("created_at", Admin.NotificationEntry::createdAt)
            .number("telegram_id", Admin.NotificationEntry::telegramId)
            .number("cabinet_id", Admin.NotificationEntry::cabinetId)
            .text("type", Admin.NotificationEntry::type)
            .text("status", Admin.NotificationEntry::status)
            .number("attempts", Admin.NotificationEntry::attempts)
            .time("sent_at", Admin.NotificationEntry::sentAt)
            .text("suppressed_reason", Admin.NotificationEntry::suppressedReason)
            .text("last_error", Admin.NotificationEntry::lastError)
            .number("retry_of", Admin.NotificationEntry::retryOf)
            .number("retried_by", Admin.NotificationEntry::retriedBy)
            .text("text", Admin.NotificationEntry::text)
            .text("image_url", Admin.NotificationEntry::imageUrl);

    private final Database db;

    NotificationLog(Database db) {
        this.db = db;
    }

    Admin.Page<Admin.NotificationEntry> list(Query query, Paging paging) {
        Filter filter = query.filter();
        return db.withConnection(c -> new Admin.Page<>(
                Sql.query(
                        c,
                        SELECT + filter.where() + ORDER + " LIMIT ? OFFSET ?",
                        NotificationLog::map,
                        filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM notification_history n" + filter.where(), filter.params())));
    }

    /** The whole filtered list as CSV, newest first, streamed from the database. */
    void export(Query query, OutputStream out) throws IOException {
        Filter filter = query.filter();
        Csv.export(db, out, CSV, SELECT + filter.where() + ORDER, NotificationLog::map, filter.params());
    }

    private static Admin.NotificationEntry map(ResultSet rs) throws SQLException {
        return new Admin.NotificationEntry(
                rs.getLong("id"),
                rs.getLong("telegram_id"),
                Sql.longValue(rs, "cabinet_id"),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getString("suppressed_reason"),
                rs.getString("text"),
                rs.getString("image_url"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "sent_at"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                Sql.longValue(rs, "retry_of"),
                Sql.longValue(rs, "retried_by"),
                Renderer.StoredChart.fromJson(rs.getString("chart")));
    }
}
