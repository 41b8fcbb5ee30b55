package ru.wbassist.server.digest;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventLog;
import ru.wbassist.server.events.EventType;
import ru.wbassist.server.events.Notifier;
import ru.wbassist.server.events.RecordedEvent;
import ru.wbassist.server.notifications.QuietHours;
import ru.wbassist.server.time.Moscow;

/**
 * Sends each user's daily digest of each of their cabinets once per Moscow day, at or after the user's
 * {@code digest_time}. The digest is an event keyed {@code <user id>@<Moscow date>} under the events' unique key, and
 * it is recorded and fanned out in one transaction that holds the user's row lock: a restart, a server killed
 * mid-way (the transaction rolls back) or a second server on the same database (it waits for the lock, then finds the
 * event) cannot send it twice. A server that was down at the time sends it when it runs again that day; the next day
 * has another key, so a missed day is not sent late.
 */
public final class DailyDigests implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DailyDigests.class.getName());

    private static final String DUE = """
            SELECT s.user_id, s.digest_time, s.digest_time_set_at, s.runway_days, cu.cabinet_id, w.name
              FROM notification_settings s
              JOIN cabinet_users cu ON cu.user_id = s.user_id
              JOIN wb_cabinets w ON w.id = cu.cabinet_id
             WHERE s.digest_time IS NOT NULL AND s.digest_time <= ?
               AND w.active = TRUE AND w.baseline_completed_at IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM events e WHERE e.cabinet_id = cu.cabinet_id AND e.event_type = ?
                                  AND e.external_id = CONCAT(CAST(s.user_id AS VARCHAR(20)), ?))
             ORDER BY s.user_id, cu.cabinet_id""";

    private final Database db;
    private final Notifier notifier;
    private final Clock clock;
    private final EventLog log = new EventLog();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("daily-digests").daemon().factory());

    public DailyDigests(Database db, Notifier notifier, Clock clock) {
        this.db = db;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** A user's digest of one cabinet that is due today. */
    record Due(long userId, LocalTime time, Instant timeSetAt, int runwayDays, long cabinetId, String cabinetName) {}

    /**
     * Sends every digest due now and not yet sent today.
     *
     * @return how many this call sent
     */
    public int sendDue() {
        Instant now = clock.instant();
        LocalDate today = Moscow.day(now);
        String clockNow = QuietHours.format(Moscow.toMsk(now).toLocalTime());
        List<Due> due = db.withConnection(c -> Sql.query(
                c,
                DUE,
                rs -> new Due(
                        rs.getLong(1),
                        QuietHours.parse(rs.getString(2)),
                        Sql.instant(rs, "digest_time_set_at"),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getString(6)),
                clockNow,
                EventType.DAILY_DIGEST.code(),
                "@" + today));
        int sent = 0;
        for (Due d : due) {
            Instant scheduled = today.atTime(d.time()).atZone(Moscow.ZONE).toInstant();
            if (d.timeSetAt() != null && d.timeSetAt().isAfter(scheduled)) {
                continue; // chosen after it had passed today: the first digest is tomorrow's
            }
            try {
                if (db.inTransaction(c -> send(c, d, today, now))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "digest of user " + d.userId() + ", cabinet " + d.cabinetId() + " failed", e);
            }
        }
        return sent;
    }

    /** Records and fans out one digest unless it is already recorded; under the user's row lock. */
    private boolean send(Connection c, Due d, LocalDate today, Instant now) throws SQLException {
        Sql.query(c, "SELECT id FROM users WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), d.userId());
        DigestSpan span = DigestSpan.of(today, d.time());
        EventLog.Candidate candidate = new EventLog.Candidate(
                d.userId() + "@" + today, DigestReport.build(c, d.cabinetId(), span, d.runwayDays(), now), now);
        List<RecordedEvent> recorded =
                log.record(c, d.cabinetId(), d.cabinetName(), EventType.DAILY_DIGEST, List.of(candidate), now);
        if (recorded.isEmpty()) {
            return false;
        }
        notifier.notify(c, recorded, List.of(d.userId()));
        return true;
    }

    /** Looks for due digests every {@code every} on a daemon thread, until {@link #close}. */
    public void start(Duration every) {
        ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        sendDue();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "digest round failed", e);
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
