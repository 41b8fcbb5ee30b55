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
 * It also remembers which notification ids it holds until their ack is through, so an item the server hands out
 * again (its lease ran out while it waited here) is not sent twice.
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
    private final long globalSpacingNanos;
    private final long perChatIntervalNanos;
    private long nextGlobalAt;
    private int queued;

    FairScheduler(double ratePerSecond, long perChatIntervalNanos) {
        this.globalSpacingNanos = (long) (1e9 / ratePerSecond);
        this.perChatIntervalNanos = perChatIntervalNanos;
        this.nextGlobalAt = System.nanoTime();
    }

    /** Queues a notification unless it is already held; returns whether it was queued. */
    boolean offer(Dto.Notification item) {
        lock.lock();
        try {
            if (!held.add(item.id())) {
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

    /** The server has the ack for these ids: they may be handed out again only if something went wrong there. */
    void forget(List<Long> ids) {
        lock.lock();
        try {
            ids.forEach(held::remove);
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
