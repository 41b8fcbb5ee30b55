package ru.wbassist.server.notifications;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes long-polls in this process when new notifications are committed. A poller reads {@link #version()} before
 * looking at the queue and waits for a change of it, so a signal between its look and its wait is never lost.
 * (A lock and condition rather than {@code synchronized}, so waiting virtual threads do not pin their carriers.)
 */
public final class QueueSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long version;
    private int waiting;

    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    public void signal() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many threads are waiting now. */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the version differs from {@code seen} or {@code max} elapses.
     *
     * @return true when signalled
     */
    public boolean await(long seen, Duration max) throws InterruptedException {
        long nanos = max.toNanos();
        lock.lock();
        waiting++;
        try {
            while (version == seen) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            waiting--;
            lock.unlock();
        }
    }
}
