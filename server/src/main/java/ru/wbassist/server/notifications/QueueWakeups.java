package ru.wbassist.server.notifications;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * Wakes waiting long-polls through one shared {@link QueueSignal}, never by each poll querying on its own: after a
 * commit that queued notifications (in this process through {@link Database#afterCommit}, in every server on
 * PostgreSQL through {@code LISTEN/NOTIFY}), and when queued items become deliverable by time (quiet hours or back-off
 * over, a lease expired), which one query per {@code dueCheck} finds for all waiting polls together.
 */
public final class QueueWakeups implements AutoCloseable {

    /** The PostgreSQL channel every server listens on. */
    static final String CHANNEL = "wbassist_queue";

    private static final System.Logger LOG = System.getLogger(QueueWakeups.class.getName());

    private final Database db;
    private final QueueSignal signal;
    private final Clock clock;
    private final Duration dueCheck;
    private AutoCloseable listener;
    private Thread ticker;
    private volatile boolean running;

    public QueueWakeups(Database db, QueueSignal signal, Clock clock, Duration dueCheck) {
        this.db = db;
        this.signal = signal;
        this.clock = clock;
        this.dueCheck = dueCheck;
    }

    public QueueSignal signal() {
        return signal;
    }

    /** Call inside a transaction of {@link Database#inTransaction} that queued deliverable notifications. */
    public void queuedIn(Connection c) throws SQLException {
        db.afterCommit(c, signal::signal);
        db.notifyOnCommit(c, CHANNEL);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        listener = db.listen(CHANNEL, signal::signal);
        ticker = Thread.ofVirtual().name("notification-due-check").start(this::tick);
    }

    private void tick() {
        Instant last = clock.instant();
        while (running) {
            try {
                Thread.sleep(dueCheck);
            } catch (InterruptedException e) {
                return;
            }
            if (signal.waiting() == 0) {
                last = clock.instant();
                continue;
            }
            Instant now = clock.instant();
            try {
                if (becameDue(last, now)) {
                    signal.signal();
                }
                last = now;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "the due check failed; waking every long-poll to look for itself", e);
                    signal.signal();
                }
            }
        }
    }

    /** Whether a pending item became deliverable by time in {@code (from, to]}. */
    boolean becameDue(Instant from, Instant to) {
        return db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT 1 FROM notification_history WHERE status = 'pending'"
                                + " AND ((deliver_after > ? AND deliver_after <= ?) OR (lease_until > ? AND lease_until <= ?)) LIMIT 1",
                        rs -> rs.getInt(1),
                        from,
                        to,
                        from,
                        to)
                .isPresent());
    }

    @Override
    public synchronized void close() {
        running = false;
        if (ticker != null) {
            ticker.interrupt();
        }
        if (listener != null) {
            try {
                listener.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the queue listener failed", e);
            }
        }
    }
}
