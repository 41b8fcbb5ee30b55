package ru.wbassist.server.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** The sync runs of all cabinets, newest first, for the admin API (the sync writes them through {@code sync.RunLog}). */
final class SyncHistory {

    /** What a list may be narrowed to; every part is optional, the time range applies to {@code started_at}. */
    record Query(Optional<Long> cabinetId, Optional<String> dataSet, Optional<String> status, Filter.TimeRange range) {

        Filter filter() {
            return new Filter()
                    .range("l.started_at", range)
                    .when("l.cabinet_id = ?", cabinetId)
                    .when("l.data_set = ?", dataSet)
                    .when("l.status = ?", status);
        }
    }

    private static final String SELECT = """
            SELECT l.id, l.cabinet_id, c.name, l.data_set, l.status, l.started_at, l.completed_at,
                   l.records_processed, l.error_message
              FROM wb_sync_logs l JOIN wb_cabinets c ON c.id = l.cabinet_id
            """;
    private static final String ORDER = " ORDER BY l.started_at DESC, l.id DESC";

    static final Csv.Columns<Admin.SyncLogEntry> CSV = new Csv.Columns<Admin.SyncLogEntry>()
            .number("id", Admin.SyncLogEntry::id)
            .number("cabinet_id", Admin.SyncLogEntry::cabinetId)
            .text("cabinet_name", Admin.SyncLogEntry::cabinetName)
            .text("data_set", Admin.SyncLogEntry::dataSet)
            .text("status", Admin.SyncLogEntry::status)
            .time("started_at", Admin.SyncLogEntry::startedAt)
            .time("completed_at", Admin.SyncLogEntry::completedAt)
            .number("records_processed", Admin.SyncLogEntry::recordsProcessed)
            .text("error_message", Admin.SyncLogEntry::errorMessage);

    private final Database db;

    SyncHistory(Database db) {
        this.db = db;
    }

    Admin.Page<Admin.SyncLogEntry> list(Query query, Paging paging) {
        Filter filter = query.filter();
        return db.withConnection(c -> new Admin.Page<>(
                Sql.query(
                        c,
                        SELECT + filter.where() + ORDER + " LIMIT ? OFFSET ?",
                        SyncHistory::map,
                        filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_sync_logs l" + filter.where(), filter.params())));
    }

    /** The whole filtered list as CSV, newest first, streamed from the database. */
    void export(Query query, OutputStream out) throws IOException {
        Filter filter = query.filter();
        Csv.export(db, out, CSV, SELECT + filter.where() + ORDER, SyncHistory::map, filter.params());
    }

    private static Admin.SyncLogEntry map(ResultSet rs) throws SQLException {
        return new Admin.SyncLogEntry(
                rs.getLong("id"),
                rs.getLong("cabinet_id"),
                rs.getString("name"),
                rs.getString("data_set"),
                rs.getString("status"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "completed_at"),
                rs.getInt("records_processed"),
                rs.getString("error_message"));
    }
}
