package ru.wbassist.server.notifications;

import java.time.Clock;
import java.time.Instant;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Conflict;
import ru.wbassist.api.NotFound;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * An operator's retry of a failed notification: a new pending row with the message the failed one was to deliver,
 * pointing at it through {@code retry_of}; the failed row stays as it was, so the history shows both. A group's
 * leader is retried with the grouped text (its members come along in it); a member alone cannot be retried.
 */
public final class NotificationRetry {

    private record Failed(
            long userId,
            Long cabinetId,
            String type,
            String externalId,
            String text,
            String imageUrl,
            String status,
            Long groupId,
            Long retriedBy,
            boolean botBlocked) {}

    private final Database db;
    private final QueueSignal signal;
    private final Clock clock;

    public NotificationRetry(Database db, QueueSignal signal, Clock clock) {
        this.db = db;
        this.signal = signal;
        this.clock = clock;
    }

    /**
     * @throws NotFound for an unknown notification; {@link Conflict} when it is not failed, is a group member, was retried
     *                      already, or its user blocked the bot
     */
    public Admin.Retried retry(long id) {
        Instant now = clock.instant();
        Admin.Retried retry = db.inTransaction(c -> {
            // The lock on the failed row serialises two operators retrying it at once: the second sees retried_by.
            Failed failed = Sql.queryOne(
                            c,
                            """
                            SELECT n.user_id, n.cabinet_id, n.event_type, n.external_id,
                                   COALESCE(n.group_text, n.text) AS text,
                                   CASE WHEN n.group_size > 1 THEN NULL ELSE n.image_url END AS image_url,
                                   n.status, n.group_id, n.retried_by, u.bot_blocked_at
                              FROM notification_history n JOIN users u ON u.id = n.user_id
                             WHERE n.id = ? FOR UPDATE""",
                            rs -> new Failed(
                                    rs.getLong("user_id"),
                                    Sql.longValue(rs, "cabinet_id"),
                                    rs.getString("event_type"),
                                    rs.getString("external_id"),
                                    rs.getString("text"),
                                    rs.getString("image_url"),
                                    rs.getString("status"),
                                    Sql.longValue(rs, "group_id"),
                                    Sql.longValue(rs, "retried_by"),
                                    rs.getObject("bot_blocked_at") != null),
                            id)
                    .orElseThrow(() -> new NotFound("unknown notification " + id));
            if (!failed.status().equals("failed")) {
                throw new Conflict("notification " + id + " is " + failed.status()
                        + "; only a failed notification can be retried");
            }
            if (failed.groupId() != null && failed.groupId() != id) {
                throw new Conflict("notification " + id + " was part of the grouped message of notification "
                        + failed.groupId() + "; retry that one");
            }
            if (failed.retriedBy() != null) {
                throw new Conflict("notification " + id + " was retried already as notification " + failed.retriedBy());
            }
            if (failed.botBlocked()) {
                throw new Conflict("the user blocked the bot: Telegram would refuse the message until they"
                        + " write to the bot again");
            }
            long retryId = Sql.insert(
                    c,
                    "INSERT INTO notification_history (user_id, cabinet_id, event_type, external_id,"
                            + " text, image_url, created_at, status, deliver_after, retry_of) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    failed.userId(),
                    failed.cabinetId(),
                    failed.type(),
                    failed.externalId(),
                    failed.text(),
                    failed.imageUrl(),
                    now,
                    "pending",
                    now,
                    id);
            Sql.update(c, "UPDATE notification_history SET retried_by = ? WHERE id = ?", retryId, id);
            return new Admin.Retried(retryId, id, "pending");
        });
        signal.signal();
        return retry;
    }
}
