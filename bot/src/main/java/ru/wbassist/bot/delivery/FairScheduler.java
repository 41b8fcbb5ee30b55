package ru.wbassist.bot.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import ru.wbassist.api.Notifications;

/**
 * Orders sends like Telegram wants them: one queue per chat served round-robin, one start per chat per
 * {@code perChatInterval} (never while its previous send is on the wire), and a global grid of {@code ratePerSecond}
 * starts, with short stalls caught up and no one-second window above {@code floor(rate) + 1}. Limits count from send
 * starts, as Telegram does; docs/bot.md ("Delivery engine") has the rules and why. It also refuses ids it holds or
 * recently delivered, so an item handed out again after its lease ran out is not sent twice.
 */
final class FairScheduler {

    private static final class ChatQueue {
        final Deque<Notifications.Item> items = new ArrayDeque<>();
        /** A send to this chat is on the wire. */
        boolean busy;
        /** The earliest instant its next send may start (nanoTime may be negative: a new chat is ready at once). */
        long readyAt = Long.MIN_VALUE;
    }

    private static final int SWEEP_ABOVE = 10_000;
    /** How far behind the grid may fall and still catch up: a few slots, about 100 ms at 29/s. */
    private static final int CATCH_UP_SLOTS = 3;

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, ChatQueue> chats = new HashMap<>();
    /** Chats with queued items and nothing on the wire, in round-robin order. */
    private final Deque<Long> ring = new ArrayDeque<>();

    private final Set<Long> held = new HashSet<>();
    private final Map<Long, Long> deliveredUntil = new HashMap<>();
    private final LongSupplier nanoClock;
    private final long slotNanos;
    private final int maxStartsPerWindow;
    /** Starts within the last {@link #WINDOW_NANOS}, oldest first. */
    private final Deque<Long> recentStarts = new ArrayDeque<>();

    private final long perChatIntervalNanos;
    private final long retainDeliveredNanos;
    private final int perChatLimit;
    /** The next slot of the global grid: no send starts before it. */
    private long nextSlotAt;
    /** When {@link #next} found nothing to send: the instant something may become sendable without a change. */
    private long wakeAt = Long.MAX_VALUE;

    private int queued;

    /**
     * @param retainDeliveredNanos how long a delivered id is still refused after its ack: longer than a claim can be
     *                             on the wire, because a claim that leased the item just before the ack landed may
     *                             answer just after it
     * @param perChatLimit         most items queued for one chat: what it can be sent within a lease. More would only
     *                             wait here past their lease; refused, they come back from the server later, and the
     *                             local queue never fills with one user's backlog while others' items wait unclaimed
     * @param nanoClock            monotonic nanoseconds ({@code System::nanoTime} outside tests)
     */
    FairScheduler(
            double ratePerSecond,
            long perChatIntervalNanos,
            long retainDeliveredNanos,
            int perChatLimit,
            LongSupplier nanoClock) {
        // rounded up, so the grid never runs faster than the configured rate
        this.slotNanos = (long) Math.ceil(1e9 / ratePerSecond);
        this.maxStartsPerWindow = (int) Math.floor(ratePerSecond) + 1;
        this.perChatIntervalNanos = perChatIntervalNanos;
        this.retainDeliveredNanos = retainDeliveredNanos;
        this.perChatLimit = perChatLimit;
        this.nanoClock = nanoClock;
        this.nextSlotAt = nanoClock.getAsLong();
    }

    /**
     * Queues a notification unless it is already held, was just delivered, or its chat already has a lease's worth
     * queued; returns whether it was queued.
     */
    boolean offer(Notifications.Item item) {
        lock.lock();
        try {
            Long refusedUntil = deliveredUntil.get(item.id());
            ChatQueue existing = chats.get(item.telegramId());
            if ((refusedUntil != null && refusedUntil > nanoClock.getAsLong())
                    || (existing != null && existing.items.size() >= perChatLimit)
                    || !held.add(item.id())) {
                return false;
            }
            ChatQueue chat = chats.computeIfAbsent(item.telegramId(), id -> new ChatQueue());
            if (chat.items.isEmpty() && !chat.busy) {
                ring.addLast(item.telegramId());
            }
            chat.items.addLast(item);
            queued++;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next notification that may start now, and marks its chat busy until {@link #sent} or
     * {@link #retryLater}.
     */
    Notifications.Item take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = nanoClock.getAsLong();
                Notifications.Item item = next(now);
                if (item != null) {
                    return item;
                }
                if (wakeAt == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(wakeAt - now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@link #take} without waiting: the notification that may start now, or null. */
    Notifications.Item poll() {
        lock.lock();
        try {
            return next(nanoClock.getAsLong());
        } finally {
            lock.unlock();
        }
    }

    /** The send to this chat finished (either way); its next message may start once its interval is over. */
    void sent(long chatId) {
        finished(chatId, null, 0);
    }

    /** Telegram said to wait: the item goes back to the head of its chat's queue for {@code delayNanos}. */
    void retryLater(Notifications.Item item, long delayNanos) {
        finished(item.telegramId(), item, Math.max(delayNanos, perChatIntervalNanos));
    }

    /** Removes and returns what is still queued for a chat (the user blocked the bot). */
    List<Notifications.Item> drain(long chatId) {
        lock.lock();
        try {
            ChatQueue chat = chats.get(chatId);
            if (chat == null) {
                return List.of();
            }
            List<Notifications.Item> drained = new ArrayList<>(chat.items);
            queued -= drained.size();
            chat.items.clear();
            ring.remove(chatId);
            return drained;
        } finally {
            lock.unlock();
        }
    }

    /** A failed item is released: the server may hand it out again, which is its retry. */
    void release(long id) {
        lock.lock();
        try {
            held.remove(id);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The server has the delivery acks for these ids. They are still refused for a while: a claim answered after the
     * ack may carry an item it leased just before (its lease had run out while it waited here).
     */
    void delivered(List<Long> ids) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            deliveredUntil.values().removeIf(until -> until <= now);
            for (long id : ids) {
                held.remove(id);
                deliveredUntil.put(id, now + retainDeliveredNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Notifications waiting to be sent (not counting those on the wire). */
    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets idle chats whose pause is over; an empty chat is kept while its pause runs so it stays paced. */
    private void sweep(long now) {
        chats.values().removeIf(chat -> chat.items.isEmpty() && !chat.busy && chat.readyAt <= now);
    }

    /**
     * Picks the first ready chat in ring order if the global limits allow a start at {@code now}; otherwise sets
     * {@link #wakeAt}. Caller holds the lock.
     */
    private Notifications.Item next(long now) {
        wakeAt = Long.MAX_VALUE;
        if (ring.isEmpty()) {
            return null;
        }
        long allowedAt = globalStartAllowedAt(now);
        if (now < allowedAt) {
            wakeAt = allowedAt;
            return null;
        }
        long earliest = Long.MAX_VALUE;
        for (Iterator<Long> it = ring.iterator(); it.hasNext(); ) {
            long chatId = it.next();
            ChatQueue chat = chats.get(chatId);
            if (chat.readyAt <= now) {
                it.remove();
                chat.busy = true;
                chat.readyAt = now + perChatIntervalNanos;
                queued--;
                started(now);
                return chat.items.pollFirst();
            }
            earliest = Math.min(earliest, chat.readyAt);
        }
        wakeAt = earliest;
        return null;
    }

    /** The earliest instant the grid and the one-second window allow the next start. */
    private long globalStartAllowedAt(long now) {
        while (!recentStarts.isEmpty() && recentStarts.peekFirst() <= now - WINDOW_NANOS) {
            recentStarts.pollFirst();
        }
        long windowOpensAt =
                recentStarts.size() < maxStartsPerWindow ? Long.MIN_VALUE : recentStarts.peekFirst() + WINDOW_NANOS;
        return Math.max(nextSlotAt, windowOpensAt);
    }

    private void started(long now) {
        long slot = now - nextSlotAt < CATCH_UP_SLOTS * slotNanos ? nextSlotAt : now;
        nextSlotAt = slot + slotNanos;
        recentStarts.addLast(now);
    }

    /**
     * The chat's send is over: it may be taken again once its interval from that send's start is over, or
     * {@code pauseNanos} from now when Telegram asked to wait (then {@code putBack} goes first again).
     */
    private void finished(long chatId, Notifications.Item putBack, long pauseNanos) {
        lock.lock();
        try {
            long now = nanoClock.getAsLong();
            ChatQueue chat = chats.get(chatId);
            chat.busy = false;
            if (putBack != null) {
                chat.readyAt = now + pauseNanos;
                chat.items.addFirst(putBack);
                queued++;
            }
            if (!chat.items.isEmpty()) {
                ring.addLast(chatId);
            }
            if (chats.size() > SWEEP_ABOVE) {
                sweep(now);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
