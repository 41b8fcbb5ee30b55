package ru.wbassist.server.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.cabinets.CabinetState;
import ru.wbassist.server.sync.OrderFeedState;

/** Every cabinet with its users and sync state, as the operator sees them (never the key). */
final class CabinetDirectory {

    /**
     * @param lastSyncAt     when the latest successful sync run completed
     * @param lastSyncStatus the status of the latest run of any data set
     * @param lastError      that run's error, else the key's error while the key is invalid
     */
    private static final String LATEST_RUN = """
            (SELECT l.%s FROM wb_sync_logs l
              WHERE l.cabinet_id = c.id ORDER BY l.started_at DESC, l.id DESC LIMIT 1)""";

    static final String LIST = """
            SELECT c.id, c.name, c.active, c.created_at, c.key_invalid_since, c.key_error, c.sync_paused_at,
                   (SELECT COUNT(*) FROM cabinet_users cu WHERE cu.cabinet_id = c.id) AS user_count,
                   (SELECT MAX(l.completed_at) FROM wb_sync_logs l
                     WHERE l.cabinet_id = c.id AND l.status = 'success') AS last_sync_at,
                   %s AS last_sync_status,
                   %s AS last_run_error,
                   %s
              FROM wb_cabinets c LEFT JOIN order_feed_state f ON f.cabinet_id = c.id
            """.formatted(
                    LATEST_RUN.formatted("status"), LATEST_RUN.formatted("error_message"), OrderFeedState.COLUMNS);

    private final Database db;

    CabinetDirectory(Database db) {
        this.db = db;
    }

    /** Cabinets whose name contains {@code q} (ignoring case), by id; their live order source's lag as of {@code now}. */
    Admin.Page<Admin.CabinetRow> list(Optional<String> q, Paging paging, Instant now) {
        Filter filter = new Filter().when("LOWER(c.name) LIKE ? ESCAPE '\\'", q.map(CabinetDirectory::containsPattern));
        return db.withConnection(c -> new Admin.Page<>(
                Sql.query(
                        c,
                        LIST + filter.where() + " ORDER BY c.id LIMIT ? OFFSET ?",
                        rs -> map(rs, now),
                        filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets c" + filter.where(), filter.params())));
    }

    boolean exists(long cabinetId) {
        return db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets WHERE id = ?", cabinetId) > 0);
    }

    boolean paused(long cabinetId) {
        return db.withConnection(c -> CabinetState.syncPaused(c, cabinetId));
    }

    /** Pauses or resumes the cabinet's sync; empty for an unknown cabinet. */
    Optional<Admin.SyncPause> pause(long cabinetId, boolean paused, Instant now) {
        return db.inTransaction(c -> CabinetState.pauseSync(c, cabinetId, paused, now));
    }

    /** The users of a cabinet, in the order they joined. */
    List<Admin.Member> members(long cabinetId) {
        return db.withConnection(c -> Sql.query(
                c,
                """
                SELECT u.telegram_id, u.username, u.first_name, cu.role, cu.joined_at
                  FROM cabinet_users cu JOIN users u ON u.id = cu.user_id
                 WHERE cu.cabinet_id = ?
                 ORDER BY cu.joined_at, u.telegram_id
                """,
                rs -> new Admin.Member(
                        rs.getLong("telegram_id"),
                        rs.getString("username"),
                        rs.getString("first_name"),
                        rs.getString("role"),
                        Sql.instant(rs, "joined_at")),
                cabinetId));
    }

    /** A LIKE pattern for "contains", with the pattern's own wildcards escaped. */
    static String containsPattern(String q) {
        String escaped = q.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static Admin.CabinetRow map(ResultSet rs, Instant now) throws SQLException {
        boolean keyValid = rs.getObject("key_invalid_since") == null;
        String error = rs.getString("last_run_error");
        String lastError = error == null && !keyValid ? rs.getString("key_error") : error;
        return new Admin.CabinetRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getBoolean("active"),
                Sql.instant(rs, "created_at"),
                rs.getLong("user_count"),
                Sql.instant(rs, "last_sync_at"),
                rs.getString("last_sync_status"),
                lastError,
                keyValid,
                rs.getObject("sync_paused_at") != null,
                Sql.instant(rs, "sync_paused_at"),
                OrderFeedState.view(OrderFeedState.map(rs), now));
    }
}
