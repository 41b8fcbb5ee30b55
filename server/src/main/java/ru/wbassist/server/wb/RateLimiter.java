package ru.wbassist.server.wb;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per (cabinet, method group), so a steady state never meets WB's 429. Each bucket holds
 * {@code burst} requests and refills one per {@code interval} (the generic cell rate algorithm: a request
 * reserves its slot under the lock and then sleeps outside it, so callers queue fairly).
 */
public final class RateLimiter {

    /** One group's limit: the spacing once the burst is spent, and the burst. */
    public record Limit(Duration interval, int burst) {
        public Limit {
            if (interval.isNegative() || burst < 1) {
                throw new IllegalArgumentException("a limit needs interval >= 0 and burst >= 1");
            }
        }
    }

    /**
     * How much slower than WB's published rate the buckets refill: WB's bucket starts counting at the arrival of our
     * first request, and network jitter can bring two of ours closer together than we sent them.
     */
    static final double SAFETY_FACTOR = 1.1;

    /** How the limiter waits for a slot ({@code Thread::sleep}; tests pass one that moves a fake clock). */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Above this many buckets, idle ones are dropped (keys being checked on connect each get their own). */
    static final int SWEEP_ABOVE = 1000;

    private final Map<MethodGroup, Limit> limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    private RateLimiter(Map<MethodGroup, Limit> limits, LongSupplier nanoClock, Sleeper sleeper) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    private RateLimiter(Map<MethodGroup, Limit> limits) {
        this(limits, System::nanoTime, Thread::sleep);
    }

    /** The same limits, timed by this monotonic clock and waiting through this sleeper (tests). */
    RateLimiter on(LongSupplier nanoClock, Sleeper sleeper) {
        return new RateLimiter(limits, nanoClock, sleeper);
    }

    /**
     * WB's published limits (with the {@link #SAFETY_FACTOR} margin), made stricter by the operator's caps: at most {@code maxPerMinute} requests per minute
     * (WB_API_RATE_LIMIT) and at least {@code minInterval} between requests (WB_API_INTERVAL) of one group.
     */
    public static RateLimiter published(int maxPerMinute, Duration minInterval) {
        if (maxPerMinute < 1) {
            throw new IllegalArgumentException("WB_API_RATE_LIMIT must be at least 1 request per minute");
        }
        Duration fromRate = Duration.ofMillis(60_000L / maxPerMinute);
        Map<MethodGroup, Limit> limits = new EnumMap<>(MethodGroup.class);
        for (MethodGroup group : MethodGroup.values()) {
            Duration published = Duration.ofNanos((long) (group.interval().toNanos() * SAFETY_FACTOR));
            Duration interval = max(published, max(fromRate, minInterval));
            limits.put(group, new Limit(interval, group.burst()));
        }
        return new RateLimiter(limits);
    }

    /** The same limit for every group (tests against a sandbox with relaxed limits). */
    public static RateLimiter uniform(Limit limit) {
        Map<MethodGroup, Limit> limits = new EnumMap<>(MethodGroup.class);
        for (MethodGroup group : MethodGroup.values()) {
            limits.put(group, limit);
        }
        return new RateLimiter(limits);
    }

    /** How many buckets are held now. */
    int size() {
        return buckets.size();
    }

    public Limit limit(MethodGroup group) {
        return limits.get(group);
    }

    /** Blocks until a request of this group may be sent for this cabinet. */
    public void acquire(String limitKey, MethodGroup group) throws InterruptedException {
        long waitNanos = bucket(limitKey, group).reserve(nanoClock.getAsLong());
        if (waitNanos > 0) {
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }

    /** How long a request of this group would wait now, without reserving anything. */
    public Duration waitFor(String limitKey, MethodGroup group) {
        long now = System.nanoTime();
        return Duration.ofNanos(Math.max(0, bucket(limitKey, group).allowedAt(now) - now));
    }

    /** WB said "retry after": no request of this group goes out for the cabinet before then. */
    public void pause(String limitKey, MethodGroup group, Duration retryAfter) {
        bucket(limitKey, group).pauseUntil(nanoClock.getAsLong() + retryAfter.toNanos());
    }

    private Bucket bucket(String limitKey, MethodGroup group) {
        if (buckets.size() > SWEEP_ABOVE) {
            long now = nanoClock.getAsLong();
            buckets.values().removeIf(bucket -> bucket.idle(now));
        }
        return buckets.computeIfAbsent(limitKey + "/" + group.name(), k -> new Bucket(limits.get(group)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** GCRA state: {@code tat} is the theoretical arrival time of the next request when the bucket is empty. */
    private static final class Bucket {
        private final long intervalNanos;
        private final long toleranceNanos;
        private long tat = Long.MIN_VALUE;
        private long pausedUntil = Long.MIN_VALUE;

        Bucket(Limit limit) {
            this.intervalNanos = limit.interval().toNanos();
            this.toleranceNanos = intervalNanos * (limit.burst() - 1);
        }

        /** When the next request could go: after the burst's spacing and after any pause WB asked for. */
        synchronized long allowedAt(long now) {
            long allowedAt = Math.max(base(now) - toleranceNanos, now);
            return Math.max(allowedAt, pausedUntil);
        }

        /** Reserves the next slot and returns how long to wait for it. */
        synchronized long reserve(long now) {
            long allowedAt = allowedAt(now);
            tat = Math.max(base(now), pausedUntil) + intervalNanos;
            return allowedAt - now;
        }

        /** A bucket whose slots are all free again and that is not paused: a new one would act the same. */
        synchronized boolean idle(long now) {
            return (tat == Long.MIN_VALUE || tat <= now) && (pausedUntil == Long.MIN_VALUE || pausedUntil <= now);
        }

        private long base(long now) {
            return tat == Long.MIN_VALUE ? now : Math.max(tat, now);
        }

        synchronized void pauseUntil(long instant) {
            if (pausedUntil == Long.MIN_VALUE || instant > pausedUntil) {
                pausedUntil = instant;
            }
        }
    }
}
