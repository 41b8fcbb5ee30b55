package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * Pending updates with getUpdates semantics: an update is confirmed (dropped) once a call's offset passes its id, a
 * positive timeout long-polls, and a newer getUpdates terminates one still waiting with 409 Conflict, as Telegram does
 * when two bot instances poll with one token.
 */
final class UpdateQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<ObjectNode> pending = new ArrayList<>();
    private long nextUpdateId = 1;
    private long pollGeneration;
    private int waitingPolls;

    /** Adds an update built from its new id and returns it. */
    ObjectNode add(LongFunction<ObjectNode> build) {
        lock.lock();
        try {
            ObjectNode update = build.apply(nextUpdateId++);
            pending.add(update);
            changed.signalAll();
            return update;
        } finally {
            lock.unlock();
        }
    }

    List<ObjectNode> poll(long offset, int limit, int timeoutSeconds) throws InterruptedException {
        if (limit < 1 || limit > 100) {
            limit = 100;
        }
        lock.lock();
        try {
            long generation = ++pollGeneration;
            if (waitingPolls > 0) {
                changed.signalAll();
            }
            if (offset > 0) {
                pending.removeIf(update -> update.get("update_id").asLong() < offset);
            } else if (offset < 0) {
                int keep = (int) Math.min(pending.size(), -offset);
                pending.subList(0, pending.size() - keep).clear();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
            waitingPolls++;
            try {
                while (pending.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    changed.awaitNanos(left);
                    if (pollGeneration != generation) {
                        throw BotApiException.conflict(
                                "terminated by other getUpdates request; make sure that only one bot instance is running");
                    }
                }
            } finally {
                waitingPolls--;
            }
            return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
        } finally {
            lock.unlock();
        }
    }

    /** How many getUpdates calls are waiting for an update right now. */
    int waitingPolls() {
        lock.lock();
        try {
            return waitingPolls;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting poll, which then answers what it has; used when the emulator stops. */
    void wakeAll() {
        lock.lock();
        try {
            pollGeneration++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
