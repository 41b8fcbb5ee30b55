package ru.wbassist.emulators.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Telegram's flood limits as token buckets: about one message per second in a chat with a short burst tolerated, and a
 * global messages-per-second budget for the bot. A send that finds either bucket empty is refused with 429 and the
 * seconds until it would have been accepted, and consumes nothing.
 */
final class FloodControl {

    private final LongSupplier nanoClock;
    private final Bucket global;
    private final double perChatRate;
    private final int perChatBurst;
    private final Map<Long, Bucket> chats = new HashMap<>();
    private final AtomicLong refusals = new AtomicLong();

    FloodControl(double globalRate, double perChatRate, int perChatBurst, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.global = new Bucket(globalRate, Math.max(1, (int) Math.round(globalRate)), nanoClock.getAsLong());
        this.perChatRate = perChatRate;
        this.perChatBurst = perChatBurst;
    }

    /** Takes {@code messages} tokens for a send to {@code chatId}, or throws 429. */
    synchronized void acquire(long chatId, int messages) {
        long now = nanoClock.getAsLong();
        Bucket chat = chats.computeIfAbsent(chatId, id -> new Bucket(perChatRate, perChatBurst, now));
        double wait = Math.max(chat.secondsUntil(messages, now), global.secondsUntil(messages, now));
        if (wait > 0) {
            refusals.incrementAndGet();
            throw BotApiException.tooManyRequests((int) Math.max(1, Math.ceil(wait)));
        }
        chat.take(messages);
        global.take(messages);
    }

    long refusals() {
        return refusals.get();
    }

    private static final class Bucket {
        private final double ratePerSecond;
        private final double capacity;
        private double tokens;
        private long updatedAt;

        Bucket(double ratePerSecond, int capacity, long now) {
            this.ratePerSecond = ratePerSecond;
            this.capacity = capacity;
            this.tokens = capacity;
            this.updatedAt = now;
        }

        double secondsUntil(int needed, long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) / 1e9 * ratePerSecond);
            updatedAt = now;
            double missing = Math.min(needed, capacity) - tokens;
            return missing <= 0 ? 0 : missing / ratePerSecond;
        }

        void take(int count) {
            tokens -= count;
        }
    }
}
