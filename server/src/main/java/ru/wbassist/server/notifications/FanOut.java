package ru.wbassist.server.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.CabinetMember;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventLog;
import ru.wbassist.server.events.EventType;
import ru.wbassist.server.events.Notifier;
import ru.wbassist.server.events.RecordedEvent;
import ru.wbassist.server.metrics.ServerMeters;

/**
 * One {@code notification_history} row per event and user, in the detecting transaction: rendered in the user's
 * language, suppressed with a reason when the user should not get it, held by quiet hours, joined to a group when
 * the user groups. The queue's pollers are woken once the transaction has committed ({@link QueueWakeups}).
 */
public final class FanOut implements Notifier {

    private static final String INSERT = "INSERT INTO notification_history (user_id, cabinet_id, event_id, event_type,"
            + " external_id, text, image_url, created_at, status, suppressed_reason, deliver_after, group_id, group_size,"
            + " chart, nm_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /** The user's newest open group of a type and cabinet (both look-ups go through (user_id, status, id)). */
    static final String OPEN_GROUP = """
            SELECT id FROM notification_history
             WHERE user_id = ? AND status = 'pending' AND event_type = ? AND cabinet_id = ? AND group_id = id
               AND lease_until IS NULL AND deliver_after > ?
             ORDER BY id DESC LIMIT 1 FOR UPDATE""";

    static final String MEMBER_FACTS = "SELECT e.event_type, e.payload FROM notification_history n"
            + " JOIN events e ON e.id = n.event_id WHERE n.user_id = ? AND n.status = 'pending' AND n.group_id = ?"
            + " ORDER BY n.id";

    /** JDBC batch and IN-list size. */
    private static final int BATCH = Sql.MAX_LIST;

    private final QueueWakeups wakeups;
    private final Clock clock;
    private final ServerMeters meters;

    public FanOut(QueueWakeups wakeups, Clock clock, ServerMeters meters) {
        this.wakeups = wakeups;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public List<CabinetMember> members(Connection c, long cabinetId) throws SQLException {
        return Sql.query(
                c,
                """
                        SELECT cu.user_id, COALESCE(s.negative_review_threshold, ?) AS review_threshold,
                               COALESCE(s.critical_stock_threshold, ?) AS stock_threshold,
                               COALESCE(s.runway_days, ?) AS runway_days
                          FROM cabinet_users cu LEFT JOIN notification_settings s ON s.user_id = cu.user_id
                         WHERE cu.cabinet_id = ? ORDER BY cu.user_id""",
                rs -> new CabinetMember(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                NotificationSettings.DEFAULT_REVIEW_THRESHOLD,
                NotificationSettings.DEFAULT_STOCK_THRESHOLD,
                NotificationSettings.DEFAULT_RUNWAY_DAYS,
                cabinetId);
    }

    @Override
    public void notify(Connection c, List<RecordedEvent> events, Collection<Long> userIds) throws SQLException {
        if (events.isEmpty() || userIds.isEmpty()) {
            return;
        }
        List<Recipient> recipients = recipients(c, userIds);
        Instant now = clock.instant();
        Map<String, Renderer.Rendered> rendered = new HashMap<>();
        try (PreparedStatement batch = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (RecordedEvent event : events) {
                Set<Long> muted = mutedUsers(c, event);
                for (Recipient r : recipients) {
                    Renderer.Rendered card = rendered.computeIfAbsent(
                            event.id() + ":" + r.settings().language(),
                            k -> Renderer.forLanguage(r.settings().language())
                                    .render(event.type(), event.facts(), event.cabinetName()));
                    Optional<String> suppressed = DeliveryRules.suppression(
                            event.type(), event.facts(), r.settings(), r.botBlocked(), muted.contains(r.userId()));
                    Instant release = DeliveryRules.release(event.type(), r.settings(), now);
                    if (suppressed.isPresent()) {
                        meters.notificationSkipped(event.type().code(), suppressed.get());
                    } else {
                        meters.notificationQueued(event.type().code());
                    }
                    boolean groupable = suppressed.isEmpty()
                            && r.settings().groupingEnabled()
                            && !event.type().urgent();
                    if (groupable) {
                        group(c, event, r, card, now, release);
                        continue;
                    }
                    Sql.bind(
                            batch,
                            row(
                                    event,
                                    r,
                                    card,
                                    now,
                                    suppressed.isPresent() ? "skipped" : "pending",
                                    suppressed.orElse(null),
                                    release,
                                    null));
                    batch.addBatch();
                    if (++pending % BATCH == 0) {
                        batch.executeBatch();
                    }
                }
            }
            if (pending % BATCH != 0) {
                batch.executeBatch();
            }
        }
        wakeups.queuedIn(c);
    }

    /** The parameters of {@link #INSERT}: one user's notification of one event. */
    private static Object[] row(
            RecordedEvent event,
            Recipient r,
            Renderer.Rendered card,
            Instant now,
            String status,
            String suppressedReason,
            Instant deliverAfter,
            Long groupId) {
        return new Object[] {
            r.userId(),
            event.cabinetId(),
            event.id(),
            event.type().code(),
            event.externalId(),
            card.text(),
            card.imageUrl(),
            now,
            status,
            suppressedReason,
            deliverAfter,
            groupId,
            1,
            Renderer.StoredChart.toJson(card.chart()),
            stockProduct(event.facts())
        };
    }

    /** Joins the user's open group of this type and cabinet, or starts one, or (grouping off in effect) stands alone. */
    private void group(
            Connection c, RecordedEvent event, Recipient r, Renderer.Rendered card, Instant now, Instant release)
            throws SQLException {
        Notifications.Settings s = r.settings();
        Optional<Grouping.OpenGroup> open = openGroup(c, r.userId(), event, now);
        Grouping.Decision decision = Grouping.decide(true, s.maxGroupSize(), s.groupTimeout(), open, now, release);
        switch (decision) {
            case Grouping.Alone alone ->
                Sql.update(c, INSERT, row(event, r, card, now, "pending", null, alone.deliverAfter(), null));
            case Grouping.Lead lead -> {
                long id = Sql.insert(c, INSERT, row(event, r, card, now, "pending", null, lead.deliverAfter(), null));
                Sql.update(c, "UPDATE notification_history SET group_id = id WHERE id = ?", id);
            }
            case Grouping.Join join -> {
                Sql.update(
                        c,
                        INSERT,
                        row(event, r, card, now, "pending", null, join.leaderDeliverAfter(), join.leaderId()));
                String text = Renderer.forLanguage(s.language())
                        .renderGroup(event.type(), memberFacts(c, r.userId(), join.leaderId()), event.cabinetName());
                Sql.update(
                        c,
                        "UPDATE notification_history SET group_size = ?, group_text = ?, deliver_after = ? WHERE id = ?",
                        join.size(),
                        text,
                        join.leaderDeliverAfter(),
                        join.leaderId());
            }
        }
    }

    /**
     * The open group, locked: a poller that leases the leader first makes it not open any more (it re-reads after
     * the lock), so a member never joins a group that is already on its way to Telegram.
     */
    private static Optional<Grouping.OpenGroup> openGroup(Connection c, long userId, RecordedEvent event, Instant now)
            throws SQLException {
        Optional<Long> candidate = Sql.queryOne(
                c, OPEN_GROUP, rs -> rs.getLong(1), userId, event.type().code(), event.cabinetId(), now);
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        return Sql.queryOne(
                c,
                "SELECT id, group_size, deliver_after FROM notification_history WHERE id = ?"
                        + " AND status = 'pending' AND lease_until IS NULL AND deliver_after > ?",
                rs -> new Grouping.OpenGroup(rs.getLong(1), rs.getInt(2), Sql.instant(rs, "deliver_after")),
                candidate.get(),
                now);
    }

    /** The facts of an open group's rows, leader first: pending rows of the user (an open group is not leased). */
    private static List<EventFacts> memberFacts(Connection c, long userId, long leaderId) throws SQLException {
        return Sql.query(
                c,
                MEMBER_FACTS,
                rs -> EventLog.facts(EventType.ofCode(rs.getString(1)).orElseThrow(), rs.getString(2)),
                userId,
                leaderId);
    }

    /** The product of a stock alert (the one its mute button names); null for other facts. */
    private static Long stockProduct(EventFacts facts) {
        return switch (facts) {
            case EventFacts.Stock s -> s.nmId();
            case EventFacts.Runway r -> r.nmId();
            default -> null;
        };
    }

    /** Users who muted the product of a stock alert. */
    private static Set<Long> mutedUsers(Connection c, RecordedEvent event) throws SQLException {
        Long nmId = stockProduct(event.facts());
        if (nmId == null) {
            return Set.of();
        }
        return new HashSet<>(Sql.query(
                c,
                "SELECT user_id FROM product_mutes WHERE cabinet_id = ? AND nm_id = ?",
                rs -> rs.getLong(1),
                event.cabinetId(),
                nmId));
    }

    private static List<Recipient> recipients(Connection c, Collection<Long> userIds) throws SQLException {
        List<Long> ids = new ArrayList<>(userIds);
        List<Recipient> recipients = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            recipients.addAll(Sql.query(
                    c,
                    "SELECT u.id, u.bot_blocked_at, " + NotificationSettings.COLUMNS
                            + " FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id IN ("
                            + Sql.placeholders(chunk.size()) + ") ORDER BY u.id",
                    FanOut::recipient,
                    chunk.toArray()));
        }
        return recipients;
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(rs.getLong("id"), rs.getObject("bot_blocked_at") != null, NotificationSettings.map(rs));
    }

    private record Recipient(long userId, boolean botBlocked, Notifications.Settings settings) {}
}
