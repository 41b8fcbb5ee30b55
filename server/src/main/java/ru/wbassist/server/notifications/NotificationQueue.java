package ru.wbassist.server.notifications;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Semaphore;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.metrics.ServerMeters;

/**
 * The durable delivery queue over {@code notification_history}. An item is {@code pending} until acknowledged;
 * handing it out sets a lease, and an item whose lease expired is handed out again. {@code FOR UPDATE SKIP LOCKED}
 * keeps concurrent pollers (threads, bots, server instances) from taking the same item.
 */
public final class NotificationQueue {

    private static final int LAST_CHECK_LIMIT = 1000;
    private static final int ERROR_MAX = 1000;

    /** Deliverable now: pending, released, not leased, and not a member of a group (the leader carries it). */
    private static final String DELIVERABLE = "n.status = 'pending' AND n.deliver_after <= ?"
            + " AND (n.lease_until IS NULL OR n.lease_until <= ?) AND (n.group_id IS NULL OR n.group_id = n.id)";

    private static final String ITEM = """
            SELECT n.id, u.telegram_id, u.language, n.cabinet_id, n.event_type, COALESCE(n.group_text, n.text) AS text,
                   CASE WHEN n.group_size > 1 THEN NULL ELSE n.image_url END AS image_url, n.created_at, n.attempts,
                   n.group_size, n.chart, CASE WHEN n.group_size > 1 THEN NULL ELSE n.nm_id END AS nm_id, u.language,
                   CASE WHEN n.event_type IN ('negative_review', 'new_question') AND n.group_size <= 1
                         AND EXISTS (SELECT 1 FROM cabinet_users cu JOIN wb_cabinets w ON w.id = cu.cabinet_id
                                      WHERE cu.cabinet_id = n.cabinet_id AND cu.user_id = n.user_id
                                        AND w.key_allows_answers AND (cu.role = 'owner' OR w.members_can_answer))
                        THEN n.external_id END AS reply_to
              FROM notification_history n JOIN users u ON u.id = n.user_id""";

    private final Database db;
    private final QueueSignal signal;
    private final NotificationsConfig config;
    private final Clock clock;
    private final ServerMeters meters;
    private final Semaphore waitingPolls;

    public NotificationQueue(
            Database db, QueueSignal signal, NotificationsConfig config, Clock clock, ServerMeters meters) {
        this.db = db;
        this.signal = signal;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.waitingPolls = new Semaphore(config.maxWaitingPolls());
    }

    /** A long-poll found nothing and may not wait: {@code max} polls are waiting already. */
    public static final class TooManyWaiting extends RuntimeException {
        public TooManyWaiting(int max) {
            super(
                    "too many long-polls are waiting (at most " + max + "); retry in a second, or poll without wait",
                    null,
                    false,
                    false);
        }
    }

    /**
     * Leases up to {@code limit} deliverable items, oldest first, of the given users (empty: of all users). With
     * a {@code wait}, holds until something is deliverable or the wait is over; it looks at the queue again only when
     * the shared {@link QueueSignal} says something changed.
     *
     * @throws TooManyWaiting when it would wait and {@code max-waiting-polls} polls are waiting already
     */
    public List<Notifications.Item> lease(Optional<List<Long>> userIds, int limit, Duration lease, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long seen = signal.version();
        List<Notifications.Item> items = leaseNow(userIds, limit, lease);
        if (!items.isEmpty() || wait.isZero()) {
            return items;
        }
        if (!waitingPolls.tryAcquire()) {
            throw new TooManyWaiting(config.maxWaitingPolls());
        }
        try (ServerMeters.Waiting waiting = meters.longPollWaiting()) {
            while (true) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    return items;
                }
                signal.await(seen, left);
                seen = signal.version();
                items = leaseNow(userIds, limit, lease);
                if (!items.isEmpty()) {
                    return items;
                }
            }
        } finally {
            waitingPolls.release();
        }
    }

    /** Pending items (leased ones included): the queue's depth. */
    public long pendingCount() {
        return db.withConnection(
                c -> Sql.queryLong(c, "SELECT COUNT(*) FROM notification_history" + " WHERE status = 'pending'"));
    }

    /** Pending items a poller holds a live lease on (on their way to Telegram). */
    public long leasedCount() {
        return db.withConnection(c -> Sql.queryLong(
                c,
                "SELECT COUNT(*) FROM notification_history" + " WHERE status = 'pending' AND lease_until > ?",
                clock.instant()));
    }

    /** How long the oldest deliverable item has been waiting since it became due; zero when none is. */
    public Duration oldestDeliverableAge() {
        Instant now = clock.instant();
        Instant oldest = db.withConnection(c -> Sql.query(
                        c,
                        "SELECT MIN(n.deliver_after) AS oldest" + " FROM notification_history n WHERE " + DELIVERABLE,
                        rs -> Sql.instant(rs, "oldest"),
                        now,
                        now))
                .getFirst();
        return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
    }

    private List<Notifications.Item> leaseNow(Optional<List<Long>> userIds, int limit, Duration lease) {
        if (userIds.isPresent() && userIds.get().isEmpty()) {
            return List.of();
        }
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            List<Object> params = new ArrayList<>(List.of(now, now));
            String users = "";
            if (userIds.isPresent()) {
                UserFilter filter = UserFilter.of(userIds.get());
                users = " AND " + filter.sql();
                params.addAll(filter.params());
            }
            params.add(limit);
            List<Long> ids = Sql.query(
                    c,
                    "SELECT n.id FROM notification_history n WHERE " + DELIVERABLE + users
                            + " ORDER BY n.id LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> rs.getLong(1),
                    params.toArray());
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Object> update = new ArrayList<>();
            update.add(now.plus(lease));
            update.addAll(ids);
            Sql.update(
                    c,
                    "UPDATE notification_history SET lease_until = ? WHERE id IN (" + Sql.placeholders(ids.size())
                            + ")",
                    update.toArray());
            return items(c, ids);
        });
    }

    /**
     * The read-only poll (the API's first delivery route, kept for simple clients): items of these users that became
     * deliverable after {@code lastCheck} (pending or already sent; never suppressed ones), oldest first, at most 1,000.
     * One branch per status: H2 range-scans {@code (status, deliver_after)} only for a single status, and with
     * {@code status IN ('pending', 'sent')} it would read every item ever sent. The ids come first and the items
     * after, so a window holding many rows is read narrow.
     */
    public List<Notifications.Item> since(List<Long> userIds, Instant lastCheck) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        UserFilter users = UserFilter.of(userIds);
        Instant now = clock.instant();
        String branch = " AND " + users.sql() + " AND (n.group_id IS NULL OR n.group_id = n.id)"
                + " AND n.deliver_after > ? AND n.deliver_after <= ?";
        List<Object> params = new ArrayList<>();
        for (int status = 0; status < 2; status++) {
            params.addAll(users.params());
            params.add(lastCheck);
            params.add(now);
        }
        params.add(LAST_CHECK_LIMIT);
        return db.withConnection(c -> {
            List<Long> ids = Sql.query(
                    c,
                    "SELECT i.id FROM (SELECT n.id FROM notification_history n"
                            + " WHERE n.status = 'pending'" + branch
                            + " UNION ALL SELECT n.id FROM notification_history n"
                            + " WHERE n.status = 'sent'" + branch + ") i ORDER BY i.id LIMIT ?",
                    rs -> rs.getLong(1),
                    params.toArray());
            return ids.isEmpty() ? List.of() : items(c, ids);
        });
    }

    /**
     * Internal user ids by Telegram id, for the ids that are registered: one query for a whole batch, the ids
     * passed as one array that both H2 and PostgreSQL join on the unique {@code telegram_id} index.
     */
    public Map<Long, Long> userIds(List<Long> telegramIds) {
        if (telegramIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> ids = new LinkedHashMap<>();
        db.withConnection(c -> {
            Array array = c.createArrayOf("BIGINT", telegramIds.toArray());
            for (long[] row : Sql.query(
                    c,
                    "SELECT u.telegram_id, u.id FROM UNNEST(?) AS k(telegram_id)"
                            + " JOIN users u ON u.telegram_id = k.telegram_id",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                    array)) {
                ids.put(row[0], row[1]);
            }
            return null;
        });
        return ids;
    }

    /**
     * The {@code n.user_id} condition of a poll. Several users: {@code + 0} keeps the databases off the user index (whose
     * sent rows grow without end) so the recent {@code (status, deliver_after)} range drives; the ids are literals
     * because both databases hash a literal list but not a parameter list (docs/benchmarks.md, "Poll API"). They are
     * Java longs, so nothing from the request reaches the SQL text.
     */
    private record UserFilter(String sql, List<Object> params) {

        static UserFilter of(List<Long> userIds) {
            return userIds.size() == 1
                    ? new UserFilter("n.user_id = ?", List.of(userIds.getFirst()))
                    : new UserFilter("n.user_id + 0 IN (" + literals(userIds) + ")", List.of());
        }
    }

    /**
     * Records deliveries ({@code sent}, with the members of a group) and failures. Acknowledging an item that is no
     * longer pending changes nothing, so a repeated ack is harmless.
     */
    public Notifications.AckResult ack(List<Notifications.Delivered> delivered, List<Notifications.Failed> failed) {
        return meters.afterCommit(() -> db.inTransaction(c -> {
            Instant now = clock.instant();
            int sent = 0;
            for (Notifications.Delivered d : delivered) {
                Optional<Finished> finished =
                        finish(c, d.id(), "status = 'sent', sent_at = ?", d.sentAt() == null ? now : d.sentAt());
                if (finished.isPresent()) {
                    meters.notificationsDelivered(
                            finished.get().eventType(), finished.get().rows());
                    sent++;
                }
            }
            int failures = 0;
            for (Notifications.Failed f : failed) {
                if (fail(c, f, now)) {
                    failures++;
                }
            }
            return new Notifications.AckResult(sent, failures);
        }));
    }

    private boolean fail(Connection c, Notifications.Failed f, Instant now) throws SQLException {
        Optional<Attempted> attempted = Sql.queryOne(
                c,
                "SELECT attempts, event_type FROM notification_history"
                        + " WHERE id = ? AND status = 'pending' FOR UPDATE",
                rs -> new Attempted(rs.getInt(1), rs.getString(2)),
                f.id());
        if (attempted.isEmpty()) {
            return false;
        }
        int tried = attempted.get().attempts() + 1;
        String error = f.error() == null
                ? null
                : f.error().length() > ERROR_MAX ? f.error().substring(0, ERROR_MAX) : f.error();
        boolean givenUp = f.permanent() || tried >= config.maxAttempts();
        meters.notificationFailed(attempted.get().eventType(), givenUp);
        if (givenUp) {
            finish(c, f.id(), "status = 'failed', last_error = ?", error);
            Sql.update(c, "UPDATE notification_history SET attempts = ? WHERE id = ?", tried, f.id());
        } else {
            Sql.update(
                    c,
                    "UPDATE notification_history SET attempts = ?, last_error = ?, lease_until = NULL,"
                            + " deliver_after = ? WHERE id = ?",
                    tried,
                    error,
                    now.plus(config.backoff(tried)),
                    f.id());
        }
        return true;
    }

    /**
     * Ends a pending item and, when it leads a group, its members: pending rows of the same user pointing at it
     * (two statements rather than {@code id = ? OR group_id = ?}, which H2 answers with a table scan; the user
     * narrows the second to that user's pending rows in the (user_id, status, id) index).
     *
     * @return what was ended; empty when the item was not pending
     */
    private static Optional<Finished> finish(Connection c, long id, String assignments, Object value)
            throws SQLException {
        Optional<Pending> item = Sql.queryOne(
                c,
                "SELECT user_id, group_size, event_type FROM notification_history"
                        + " WHERE id = ? AND status = 'pending'",
                rs -> new Pending(rs.getLong(1), rs.getInt(2), rs.getString(3)),
                id);
        String update =
                "UPDATE notification_history SET " + assignments + ", lease_until = NULL WHERE status = 'pending'";
        if (item.isEmpty() || Sql.update(c, update + " AND id = ?", value, id) == 0) {
            return Optional.empty();
        }
        int rows = 1;
        if (item.get().groupSize() > 1) {
            rows += Sql.update(
                    c,
                    update + " AND user_id = ? AND group_id = ?",
                    value,
                    item.get().userId(),
                    id);
        }
        return Optional.of(new Finished(item.get().eventType(), rows));
    }

    private record Pending(long userId, int groupSize, String eventType) {}

    private record Finished(String eventType, int rows) {}

    private record Attempted(int attempts, String eventType) {}

    /** The items of these ids (read from the database just before: literals, see {@link UserFilter}). */
    private static List<Notifications.Item> items(Connection c, List<Long> ids) throws SQLException {
        return Sql.query(c, ITEM + " WHERE n.id IN (" + literals(ids) + ") ORDER BY n.id", NotificationQueue::item);
    }

    private static String literals(List<Long> ids) {
        StringJoiner literals = new StringJoiner(",");
        ids.stream().distinct().forEach(id -> literals.add(Long.toString(id)));
        return literals.toString();
    }

    private static Notifications.Item item(ResultSet rs) throws SQLException {
        return new Notifications.Item(
                rs.getLong("id"),
                rs.getLong("telegram_id"),
                Sql.longValue(rs, "cabinet_id"),
                rs.getString("event_type"),
                rs.getString("text"),
                rs.getString("image_url"),
                Sql.instant(rs, "created_at"),
                rs.getInt("attempts"),
                rs.getInt("group_size"),
                Renderer.StoredChart.fromJson(rs.getString("chart")),
                Sql.longValue(rs, "nm_id"),
                rs.getString("reply_to"),
                rs.getString("language"));
    }
}
