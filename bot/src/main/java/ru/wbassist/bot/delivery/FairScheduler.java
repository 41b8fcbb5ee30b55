package ru.wbassist.bot.delivery;

import ru.wbassist.bot.server.Dto;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Orders sends like Telegram wants them: one queue per chat, chats served round-robin (one user's burst waits its turn
 * behind everybody else's next message), at most one message in flight per chat and the next one only
 * {@code perChatInterval} after the previous send completed, and all chats together paced to {@code ratePerSecond}.
 * It also remembers which notification ids it holds, and for a while which it delivered, so an item the server hands
 * out again (its lease ran out while it waited here) is not sent twice.
 */
final class FairScheduler {

    private static final class ChatQueue {
        final Deque<Dto.Notification> items = new ArrayDeque<>();
        boolean busy;
        long readyAt;
    }

    private static final int SWEEP_ABOVE = 10_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, ChatQueue> chats = new HashMap<>();
    private final Deque<Long> ring = new ArrayDeque<>();
    private final Set<Long> held = new HashSet<>();
    private final Map<Long, Long> deliveredUntil = new HashMap<>();
    private final long globalSpacingNanos;
    private final long perChatIntervalNanos;
    private final long retainDeliveredNanos;
    private final int perChatLimit;
    private long nextGlobalAt;
    private int queued;

    /**
     * @param retainDeliveredNanos how long a delivered id is still refused after its ack: longer than a claim can be
     *                             on the wire, because a claim that leased the item just before the ack landed may
     *                             answer just after it
     * @param perChatLimit         most items queued for one chat: what it can be sent within a lease. More would only
     *                             wait here past their lease; refused, they come back from the server later, and the
     *                             local queue never fills with one user's backlog while others' items wait unclaimed
     */
    FairScheduler(double ratePerSecond, long perChatIntervalNanos, long retainDeliveredNanos, int perChatLimit) {
        this.globalSpacingNanos = (long) (1e9 / ratePerSecond);
        this.perChatIntervalNanos = perChatIntervalNanos;
        this.retainDeliveredNanos = retainDeliveredNanos;
        this.perChatLimit = perChatLimit;
        this.nextGlobalAt = System.nanoTime();
    }

    /**
     * Queues a notification unless it is already held, was just delivered, or its chat already has a lease's worth
     * queued; returns whether it was queued.
     */
    boolean offer(Dto.Notification item) {
        lock.lock();
        try {
            Long refusedUntil = deliveredUntil.get(item.id());
            ChatQueue existing = chats.get(item.telegramId());
            if ((refusedUntil != null && refusedUntil > System.nanoTime())
                    || (existing != null && existing.items.size() >= perChatLimit) || !held.add(item.id())) {
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

    /** Waits for the next notification that may be sent now, and marks its chat busy until {@link #sent}. */
    Dto.Notification take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (now < nextGlobalAt) {
                    changed.awaitNanos(nextGlobalAt - now);
                    continue;
                }
                long earliest = Long.MAX_VALUE;
                for (Iterator<Long> it = ring.iterator(); it.hasNext(); ) {
                    long chatId = it.next();
                    ChatQueue chat = chats.get(chatId);
                    if (chat.readyAt <= now) {
                        it.remove();
                        chat.busy = true;
                        queued--;
                        nextGlobalAt = Math.max(now, nextGlobalAt) + globalSpacingNanos;
                        return chat.items.pollFirst();
                    }
                    earliest = Math.min(earliest, chat.readyAt);
                }
                if (earliest == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(earliest - now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The send to this chat finished (either way); its next message may go after the per-chat interval. */
    void sent(long chatId) {
        release(chatId, System.nanoTime() + perChatIntervalNanos, null);
    }

    /** Telegram said to wait: the item goes back to the head of its chat's queue for {@code delayNanos}. */
    void retryLater(Dto.Notification item, long delayNanos) {
        release(item.telegramId(), System.nanoTime() + Math.max(delayNanos, perChatIntervalNanos), item);
    }

    /** Removes and returns what is still queued for a chat (the user blocked the bot). */
    List<Dto.Notification> drain(long chatId) {
        lock.lock();
        try {
            ChatQueue chat = chats.get(chatId);
            if (chat == null) {
                return List.of();
            }
            List<Dto.Notification> drained = new ArrayList<>(chat.items);
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
            long now = System.nanoTime();
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
    private void sweep() {
        long now = System.nanoTime();
        chats.values().removeIf(chat -> chat.items.isEmpty() && !chat.busy && chat.readyAt <= now);
    }

    private void release(long chatId, long readyAt, Dto.Notification putBack) {
        lock.lock();
        try {
            ChatQueue chat = chats.get(chatId);
            chat.busy = false;
            chat.readyAt = readyAt;
            if (putBack != null) {
                chat.items.addFirst(putBack);
                queued++;
            }
            if (!chat.items.isEmpty()) {
                ring.addLast(chatId);
            }
            if (chats.size() > SWEEP_ABOVE) {
                sweep();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
