package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.wbassist.api.Syncs;
import ru.wbassist.db.Sql;

/**
 * {@code order_feed_state}: one row per cabinet with the live poll's cursor (the newest status time stored) and how
 * the live source is doing, as the sync status and the console show it.
 *
 * @param mode       {@code on}, {@code off} (the key lacks Analytics or WB rejected it) or {@code slowed} (a Base
 *                   token: one request per 3 hours)
 * @param lastStatus {@code success}, {@code partial} or {@code failed}; null before the first poll
 * @param lastDueAt when the last run was due (the {@code nextPollAt} it was scheduled for); null for a first run
 * @param lastStartedAt when the last run started
 */
public record OrderFeedState(
        String mode,
        String reason,
        Instant cursor,
        String lastStatus,
        String lastError,
        Instant lastPollAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        Instant lastDueAt,
        Instant lastStartedAt) {

    /** The columns {@link #map} reads, from {@code order_feed_state} as {@code f}. */
    public static final String COLUMNS = "f.mode, f.reason, f.cursor_at, f.last_status, f.last_error, f.last_poll_at,"
            + " f.last_success_at, f.next_poll_at, f.last_due_at, f.last_started_at";

    static Optional<OrderFeedState> read(Connection c, long cabinetId) throws SQLException {
        return Sql.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM order_feed_state f WHERE f.cabinet_id = ?",
                rs -> map(rs).orElseThrow(),
                cabinetId);
    }

    /** The state from a row with {@link #COLUMNS}; empty when the row has none. */
    public static Optional<OrderFeedState> map(ResultSet rs) throws SQLException {
        return rs.getString("mode") == null
                ? Optional.empty()
                : Optional.of(new OrderFeedState(
                        rs.getString("mode"),
                        rs.getString("reason"),
                        Sql.instant(rs, "cursor_at"),
                        rs.getString("last_status"),
                        rs.getString("last_error"),
                        Sql.instant(rs, "last_poll_at"),
                        Sql.instant(rs, "last_success_at"),
                        Sql.instant(rs, "next_poll_at"),
                        Sql.instant(rs, "last_due_at"),
                        Sql.instant(rs, "last_started_at")));
    }

    /** Writes the whole row (inserting it the first time). */
    void write(Connection c, long cabinetId) throws SQLException {
        String error = lastError == null || lastError.length() <= RunLog.MAX_ERROR
                ? lastError
                : lastError.substring(0, RunLog.MAX_ERROR) + "…";
        int updated = Sql.update(
                c,
                "UPDATE order_feed_state SET mode = ?, reason = ?, cursor_at = ?, last_status = ?,"
                        + " last_error = ?, last_poll_at = ?, last_success_at = ?, next_poll_at = ?, last_due_at = ?,"
                        + " last_started_at = ? WHERE cabinet_id = ?",
                mode,
                reason,
                cursor,
                lastStatus,
                error,
                lastPollAt,
                lastSuccessAt,
                nextPollAt,
                lastDueAt,
                lastStartedAt,
                cabinetId);
        if (updated == 0) {
            Sql.update(
                    c,
                    "INSERT INTO order_feed_state (cabinet_id, mode, reason, cursor_at, last_status, last_error,"
                            + " last_poll_at, last_success_at, next_poll_at, last_due_at, last_started_at)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    cabinetId,
                    mode,
                    reason,
                    cursor,
                    lastStatus,
                    error,
                    lastPollAt,
                    lastSuccessAt,
                    nextPollAt,
                    lastDueAt,
                    lastStartedAt);
        }
    }

    /** The sync status's (and the console's) view of this state at {@code now}; {@code pending} before the first poll. */
    public static Syncs.LiveOrders view(Optional<OrderFeedState> state, Instant now) {
        if (state.isEmpty()) {
            return new Syncs.LiveOrders("pending", null, null, null, null, null, null);
        }
        OrderFeedState s = state.get();
        return new Syncs.LiveOrders(
                s.mode(),
                s.reason(),
                s.lastPollAt(),
                s.lastStatus(),
                s.lastError(),
                s.nextPollAt(),
                s.lastSuccessAt() == null
                        ? null
                        : Math.max(0, Duration.between(s.lastSuccessAt(), now).toSeconds()));
    }

    /** Nothing polled yet. */
    static OrderFeedState initial() {
        return new OrderFeedState("on", null, null, null, null, null, null, null, null, null);
    }

    /** A run starting at {@code now}, due when this state said the next poll would be. */
    OrderFeedState started(Instant now) {
        return new OrderFeedState(
                mode, reason, cursor, lastStatus, lastError, lastPollAt, lastSuccessAt, nextPollAt, nextPollAt, now);
    }

    /** How late this run started after it was due; empty for a first run or one started before it was due. */
    Optional<Duration> lateness() {
        return lastDueAt == null || lastStartedAt == null || lastStartedAt.isBefore(lastDueAt)
                ? Optional.empty()
                : Optional.of(Duration.between(lastDueAt, lastStartedAt));
    }

    OrderFeedState mode(String newMode, String newReason, Instant next) {
        return new OrderFeedState(
                newMode,
                newReason,
                cursor,
                lastStatus,
                lastError,
                lastPollAt,
                lastSuccessAt,
                next,
                lastDueAt,
                lastStartedAt);
    }

    OrderFeedState polled(Instant newCursor, String status, String error, Instant at, Instant next) {
        return new OrderFeedState(
                mode,
                reason,
                newCursor,
                status,
                error,
                at,
                "failed".equals(status) ? lastSuccessAt : at,
                next,
                lastDueAt,
                lastStartedAt);
    }
}
