package ru.wbassist.server.notifications;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * Signals long-polls once a fan-out has committed. Fan-out runs inside the sync's transaction and JDBC has no
 * commit hook, so it registers the id of an event it just recorded; this watcher (one virtual thread) looks for
 * those ids from another connection every few milliseconds and signals when they become visible, i.e. committed.
 * Ids of a rolled-back transaction never appear and are dropped after {@link #GIVE_UP}. Other server instances do
 * not see this signal: their long-polls re-check the queue every {@code recheck-interval} instead.
 */
public final class CommitWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommitWatcher.class.getName());
    private static final Duration GIVE_UP = Duration.ofMinutes(15);

    private final Database db;
    private final QueueSignal signal;
    private final Duration interval;
    private final Set<Long> awaited = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Long, Instant> since = new ConcurrentHashMap<>();
    private volatile Thread thread;
    private volatile boolean running;

    public CommitWatcher(Database db, QueueSignal signal, Duration interval) {
        this.db = db;
        this.signal = signal;
        this.interval = interval;
    }

    public QueueSignal signal() {
        return signal;
    }

    /** Signals pollers when the event with this id is committed. */
    public void watch(long eventId) {
        awaited.add(eventId);
        since.putIfAbsent(eventId, Instant.now());
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofVirtual().name("notification-commit-watcher").start(this::loop);
        }
    }

    private void loop() {
        while (running) {
            if (awaited.isEmpty()) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                continue;
            }
            LockSupport.parkNanos(interval.toNanos());
            try {
                check();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "commit watcher check failed; long-polls fall back to re-checking", e);
                }
            }
        }
    }

    private void check() {
        List<Long> snapshot = new ArrayList<>(awaited);
        List<Long> ids = snapshot.subList(0, Math.min(snapshot.size(), Sql.MAX_LIST));
        if (ids.isEmpty()) {
            return;
        }
        List<Long> visible = db.withConnection(c -> Sql.query(c, "SELECT id FROM events WHERE id IN ("
                + Sql.placeholders(ids.size()) + ")", rs -> rs.getLong(1), ids.toArray()));
        Instant stale = Instant.now().minus(GIVE_UP);
        boolean any = !visible.isEmpty();
        visible.forEach(this::forget);
        for (Long id : ids) {
            Instant registered = since.get(id);
            if (registered != null && registered.isBefore(stale)) {
                forget(id);
            }
        }
        if (any) {
            signal.signal();
        }
    }

    private void forget(Long id) {
        awaited.remove(id);
        since.remove(id);
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
