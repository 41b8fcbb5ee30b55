package ru.wbassist.server.wb;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(RateLimiter.published(600, Duration.ofSeconds(5)).limit(MethodGroup.CARDS).interval())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(capped.limit(MethodGroup.ORDERS).interval()).isEqualTo(Duration.ofSeconds(66));
        assertThatThrownBy(() -> RateLimiter.published(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBurstGoesAtOnceThenOneRequestPerInterval() throws InterruptedException {
        RateLimiter limiter = RateLimiter.uniform(new RateLimiter.Limit(Duration.ofMillis(150), 2));
        long started = System.nanoTime();
        limiter.acquire("cabinet:1", MethodGroup.CARDS);
        limiter.acquire("cabinet:1", MethodGroup.CARDS);
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        limiter.acquire("cabinet:1", MethodGroup.CARDS);
        limiter.acquire("cabinet:1", MethodGroup.CARDS);
        long allMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(burstMillis).isLessThan(100);
        assertThat(allMillis).isGreaterThanOrEqualTo(300);
        // another cabinet, or another group, has its own bucket
        long other = System.nanoTime();
        limiter.acquire("cabinet:2", MethodGroup.CARDS);
        limiter.acquire("cabinet:1", MethodGroup.ORDERS);
        assertThat((System.nanoTime() - other) / 1_000_000).isLessThan(100);
    }

    @Test
    void aPauseHoldsTheGroupBackUntilWbSaysSo() throws InterruptedException {
        RateLimiter limiter = RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 10));
        limiter.pause("cabinet:1", MethodGroup.SALES, Duration.ofMillis(300));
        long started = System.nanoTime();
        limiter.acquire("cabinet:1", MethodGroup.SALES);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(290);
    }
}
