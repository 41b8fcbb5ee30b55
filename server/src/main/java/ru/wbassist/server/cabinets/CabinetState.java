package ru.wbassist.server.cabinets;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import ru.wbassist.api.Admin;
import ru.wbassist.db.Sql;

/**
 * What the sync learns about a cabinet, written inside the caller's transaction: whether WB accepts its key and
 * whether its baseline is stored; and whether an operator paused its sync. With {@link CabinetRepository} the only
 * code that writes {@code wb_cabinets}.
 */
public final class CabinetState {

    private CabinetState() {}

    /**
     * Records that WB rejected the key.
     *
     * @return true when the key was valid until now (a new invalidation, to be announced once)
     */
    public static boolean markKeyInvalid(Connection c, long cabinetId, String reason, Instant now) throws SQLException {
        boolean wasValid = Sql.queryOne(
                        c,
                        "SELECT key_invalid_since FROM wb_cabinets WHERE id = ? FOR UPDATE",
                        rs -> rs.getObject(1) == null,
                        cabinetId)
                .orElse(false);
        if (wasValid) {
            Sql.update(
                    c,
                    "UPDATE wb_cabinets SET key_invalid_since = ?, key_error = ? WHERE id = ?",
                    now,
                    reason,
                    cabinetId);
        } else {
            Sql.update(c, "UPDATE wb_cabinets SET key_error = ? WHERE id = ?", reason, cabinetId);
        }
        return wasValid;
    }

    /** When the current invalidation began; starts one now if none is recorded. */
    public static Instant keyInvalidSince(Connection c, long cabinetId, Instant now) throws SQLException {
        Sql.update(
                c,
                "UPDATE wb_cabinets SET key_invalid_since = COALESCE(key_invalid_since, ?) WHERE id = ?",
                now,
                cabinetId);
        return Sql.queryOne(
                        c,
                        "SELECT key_invalid_since FROM wb_cabinets WHERE id = ?",
                        rs -> Sql.instant(rs, "key_invalid_since"),
                        cabinetId)
                .orElse(now);
    }

    /** WB accepted the key again: clears a recorded invalidation. */
    public static void markKeyValid(Connection c, long cabinetId) throws SQLException {
        Sql.update(
                c,
                "UPDATE wb_cabinets SET key_invalid_since = NULL, key_error = NULL WHERE id = ?"
                        + " AND key_invalid_since IS NOT NULL",
                cabinetId);
    }

    /**
     * Holds the cabinet's row until the transaction ends: the sync's data sets and the order-feed poll take it before
     * writing orders and events, so the two never race on one order's rows or event keys.
     */
    public static void lock(Connection c, long cabinetId) throws SQLException {
        Sql.queryOne(c, "SELECT id FROM wb_cabinets WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), cabinetId);
    }

    /** The first sync stored the history: events are detected from now on. */
    public static void markBaselineDone(Connection c, long cabinetId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE wb_cabinets SET baseline_completed_at = ? WHERE id = ?", now, cabinetId);
    }

    /** Whether an operator paused the cabinet's sync (docs/sync.md "Pausing"): its runs are skipped until resumed. */
    public static boolean syncPaused(Connection c, long cabinetId) throws SQLException {
        return Sql.queryLong(
                        c, "SELECT COUNT(*) FROM wb_cabinets WHERE id = ? AND sync_paused_at IS NOT NULL", cabinetId)
                > 0;
    }

    /**
     * Pauses (or resumes) the cabinet's scheduled sync; pausing a paused cabinet keeps when it was paused.
     *
     * @return the state after the change, empty for an unknown cabinet
     */
    public static Optional<Admin.SyncPause> pauseSync(Connection c, long cabinetId, boolean paused, Instant now)
            throws SQLException {
        Sql.update(
                c,
                "UPDATE wb_cabinets SET sync_paused_at = CASE WHEN ? THEN COALESCE(sync_paused_at, ?) END"
                        + " WHERE id = ?",
                paused,
                now,
                cabinetId);
        return Sql.queryOne(
                c,
                "SELECT sync_paused_at FROM wb_cabinets WHERE id = ?",
                rs -> {
                    Instant pausedAt = Sql.instant(rs, "sync_paused_at");
                    return new Admin.SyncPause(cabinetId, pausedAt != null, pausedAt);
                },
                cabinetId);
    }
}
