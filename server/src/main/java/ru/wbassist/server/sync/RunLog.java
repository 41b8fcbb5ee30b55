package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.wbassist.api.Syncs;
import ru.wbassist.db.Sql;

/**
 * The sync's writes and status reads of {@code wb_sync_logs}: one row per run and data set, running → success /
 * partial / failed. (The admin API's search over all cabinets' rows is {@code admin.SyncHistory}.)
 */
final class RunLog {

    static final int MAX_ERROR = 1000;

    private RunLog() {}

    static long start(Connection c, long cabinetId, DataSet dataSet, boolean baseline, Instant now)
            throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, baseline)" + " VALUES (?,?,?,?,?)",
                cabinetId,
                dataSet.dbName(),
                "running",
                now,
                baseline);
    }

    /** Ends a run; {@code failure} is null when it went through. */
    static void finish(Connection c, long logId, String status, int records, SyncFailure failure, Instant now)
            throws SQLException {
        String message = failure == null ? null : failure.message();
        if (message != null && message.length() > MAX_ERROR) {
            message = message.substring(0, MAX_ERROR) + "…";
        }
        Sql.update(
                c,
                "UPDATE wb_sync_logs SET status = ?, completed_at = ?, records_processed = ?, error_message = ?,"
                        + " error_code = ?, error_id = ? WHERE id = ?",
                status,
                now,
                records,
                message,
                failure == null ? null : failure.code(),
                failure == null ? null : failure.errorId(),
                logId);
    }

    /** The latest run of each data set of a cabinet, in sync order. */
    static List<Syncs.DataSetRun> latest(Connection c, long cabinetId) throws SQLException {
        List<Syncs.DataSetRun> runs = new ArrayList<>(Sql.query(
                c,
                """
                SELECT l.data_set, l.status, l.started_at, l.completed_at, l.records_processed, l.error_message,
                       l.error_code, l.error_id
                  FROM wb_sync_logs l
                 WHERE l.cabinet_id = ?
                   AND l.id IN (SELECT MAX(m.id) FROM wb_sync_logs m WHERE m.cabinet_id = ? GROUP BY m.data_set)
                """,
                rs -> new Syncs.DataSetRun(
                        rs.getString("data_set"),
                        rs.getString("status"),
                        Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "completed_at"),
                        rs.getInt("records_processed"),
                        rs.getString("error_message"),
                        rs.getString("error_code"),
                        rs.getString("error_id")),
                cabinetId,
                cabinetId));
        runs.sort(Comparator.comparing(run -> DataSet.ofDbName(run.dataSet())));
        return runs;
    }
}
