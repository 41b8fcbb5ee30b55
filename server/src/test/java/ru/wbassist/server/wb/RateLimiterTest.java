package ru.wbassist.server.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void publishedLimitsWithTheSafetyMarginAndTheOperatorsCaps() {
        RateLimiter wbOnly = RateLimiter.published(100_000, Duration.ZERO);
        assertThat(wbOnly.limit(MethodGroup.ORDERS)).isEqualTo(new RateLimiter.Limit(Duration.ofSeconds(66), 10));
        assertThat(wbOnly.limit(MethodGroup.SALES).burst()).isEqualTo(1);
        assertThat(wbOnly.limit(MethodGroup.FEEDBACKS).interval()).isEqualTo(Duration.ofNanos(366_300_000L));

        // WB_API_RATE_LIMIT=30 → at least 2 s apart; WB_API_INTERVAL=5000 → at least 5 s; WB's own minute stays
        RateLimiter capped = RateLimiter.published(30, Duration.ZERO);
        assertThat(capped.limit(MethodGroup.FEEDBACKS).interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(RateLimiter.published(600, Duration.ofSeconds(5))
                        .limit(MethodGroup.CARDS)
                        .interval())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(capped.limit(MethodGroup.ORDERS).interval()).isEqualTo(Duration.ofSeconds(66));
        assertThatThrownBy(() -> RateLimiter.published(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBurstGoesAtOnceThenOneRequestPerInterval() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = RateLimiter.uniform(new RateLimiter.Limit(Duration.ofMillis(150), 2))
                .on(time::now, time::sleep);

        for (int i = 0; i < 4; i++) {
            limiter.acquire("cabinet:1", MethodGroup.CARDS);
        }
        // another cabinet, or another group, has its own bucket
        limiter.acquire("cabinet:2", MethodGroup.CARDS);
        limiter.acquire("cabinet:1", MethodGroup.ORDERS);

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(150), Duration.ofMillis(150));
    }

    @Test
    void aPauseHoldsTheGroupBackUntilWbSaysSo() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter =
                RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 10)).on(time::now, time::sleep);
        limiter.pause("cabinet:1", MethodGroup.SALES, Duration.ofMillis(300));
        time.sleep(Duration.ofMillis(100));
        time.sleeps.clear();

        limiter.acquire("cabinet:1", MethodGroup.SALES);
        limiter.acquire("cabinet:1", MethodGroup.FEEDBACKS);

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(200));
    }

    /** A monotonic clock that only moves when the limiter sleeps; starts below zero, as System.nanoTime may. */
    private static final class FakeTime {
        private long nanos = -5_000_000_000L;
        private final List<Duration> sleeps = new ArrayList<>();

        long now() {
            return nanos;
        }

        void sleep(Duration duration) {
            sleeps.add(duration);
            nanos += duration.toNanos();
        }
    }

    @Test
    void idleBucketsAreDroppedSoForgedKeysCannotGrowTheState() throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        RateLimiter limiter = RateLimiter.uniform(new RateLimiter.Limit(Duration.ofSeconds(10), 1))
                .on(now::get, wait -> {});
        for (int key = 0; key < 5 * RateLimiter.SWEEP_ABOVE; key++) {
            limiter.acquire("key:" + key, MethodGroup.PING); // a fresh bucket never waits
        }
        assertThat(limiter.size()).as("busy buckets are kept").isEqualTo(5 * RateLimiter.SWEEP_ABOVE);
        limiter.pause("key:paused", MethodGroup.PING, Duration.ofMinutes(5));

        now.addAndGet(Duration.ofSeconds(11).toNanos());
        limiter.acquire("key:new", MethodGroup.PING);

        assertThat(limiter.size()).as("the still paused bucket and the new one").isEqualTo(2);
    }
}
