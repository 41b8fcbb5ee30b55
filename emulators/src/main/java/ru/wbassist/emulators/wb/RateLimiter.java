package ru.wbassist.emulators.wb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * WB's token buckets: one per (seller, token type, method group), holding {@code burst} requests and regaining one
 * per interval. Relaxed mode multiplies both the rate and the burst by 100 for demos and benchmarks.
 */
final class RateLimiter {

    static final int RELAXED_FACTOR = 100;

    /** The outcome of one request; on refusal the seconds are those WB puts in the 429 headers. */
    record Decision(boolean allowed, long remaining, long retrySeconds, long limit, long resetSeconds) {}

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private volatile int factor;

    /** @param nanoClock monotonic nanoseconds ({@code System::nanoTime} outside tests) */
    RateLimiter(boolean relaxed, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        setRelaxed(relaxed);
    }

    void setRelaxed(boolean relaxed) {
        factor = relaxed ? RELAXED_FACTOR : 1;
        buckets.clear();
    }

    boolean relaxed() {
        return factor != 1;
    }

    Decision acquire(String sid, int tokenType, LimitGroup group) {
        return bucket(sid, tokenType, group).acquire(nanoClock.getAsLong());
    }

    /** The bucket's state without taking from it (for injected 429s, which must look like real ones). */
    Decision peekRefusal(String sid, int tokenType, LimitGroup group) {
        return bucket(sid, tokenType, group).refusal(nanoClock.getAsLong());
    }

    private Bucket bucket(String sid, int tokenType, LimitGroup group) {
        int f = factor;
        return buckets.computeIfAbsent(
                sid + "/" + tokenType + "/" + group + "/" + f,
                k -> new Bucket(group.burst(tokenType) * f, group.intervalNanos(tokenType) / f, nanoClock.getAsLong()));
    }

    private static final class Bucket {
        private final int capacity;
        private final long intervalNanos;
        private double tokens;
        private long updatedNanos;

        Bucket(int capacity, long intervalNanos, long now) {
            this.capacity = capacity;
            this.intervalNanos = Math.max(1, intervalNanos);
            this.tokens = capacity;
            this.updatedNanos = now;
        }

        synchronized Decision acquire(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) Math.floor(tokens), 0, capacity, 0);
            }
            return refusal(now);
        }

        synchronized Decision refusal(long now) {
            refill(now);
            double missingForOne = Math.max(0, 1 - tokens);
            double missingForFull = capacity - tokens;
            return new Decision(
                    false,
                    0,
                    Math.max(1, ceilSeconds(missingForOne * intervalNanos)),
                    capacity,
                    Math.max(1, ceilSeconds(missingForFull * intervalNanos)));
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - updatedNanos) / intervalNanos);
            updatedNanos = now;
        }

        private static long ceilSeconds(double nanos) {
            return (long) Math.ceil(nanos / 1_000_000_000.0);
        }
    }
}
