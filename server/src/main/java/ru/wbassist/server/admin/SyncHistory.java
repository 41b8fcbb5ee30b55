package ru.wbassist.server.admin;

import java.time.Instant;
import java.util.Optional;

import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** The sync runs of all cabinets, newest first, for the admin API (the sync writes them through {@code sync.RunLog}). */
final class SyncHistory {


    /** What a list may be narrowed to; every part is optional, the time range applies to {@code started_at}. */
    record Query(Optional<Long> cabinetId, Optional<String> dataSet, Optional<String> status, Filter.TimeRange range) {
    }

    private final Database db;

    SyncHistory(Database db) {
        this.db = db;
    }

    Admin.Page<Admin.SyncLogEntry> list(Query query, Paging paging) {
        Filter filter = new Filter().range("l.started_at", query.range())
                .when("l.cabinet_id = ?", query.cabinetId())
                .when("l.data_set = ?", query.dataSet()).when("l.status = ?", query.status());
        return db.withConnection(c -> new Admin.Page<>(Sql.query(c, """
                        SELECT l.id, l.cabinet_id, c.name, l.data_set, l.status, l.started_at, l.completed_at,
                               l.records_processed, l.error_message
                          FROM wb_sync_logs l JOIN wb_cabinets c ON c.id = l.cabinet_id
                        """ + filter.where() + " ORDER BY l.started_at DESC, l.id DESC LIMIT ? OFFSET ?",
                rs -> new Admin.SyncLogEntry(rs.getLong("id"), rs.getLong("cabinet_id"), rs.getString("name"),
                        rs.getString("data_set"), rs.getString("status"), Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "completed_at"), rs.getInt("records_processed"), rs.getString("error_message")),
                filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_sync_logs l" + filter.where(), filter.params())));
    }
}
