package ru.wbassist.emulators.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Telegram's limits as token buckets, on a clock the test moves. */
class FloodControlTest {

    private final AtomicLong now = new AtomicLong();
    private final FloodControl flood = new FloodControl(30, 1, 3, now::get);

    @Test
    void aChatGetsItsBurstThenOnePerSecond() {
        for (int i = 0; i < 3; i++) {
            flood.acquire(1, 1);
        }
        assertThatThrownBy(() -> flood.acquire(1, 1)).isInstanceOfSatisfying(BotApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(429);
            assertThat(e.retryAfter()).isEqualTo(1);
        });

        advance(999);
        assertThatThrownBy(() -> flood.acquire(1, 1)).isInstanceOf(BotApiException.class);
        advance(1);
        flood.acquire(1, 1);
        assertThat(flood.refusals()).isEqualTo(2);
    }

    @Test
    void theGlobalBudgetIsShared() {
        for (long chat = 1; chat <= 30; chat++) {
            flood.acquire(chat, 1);
        }
        assertThatThrownBy(() -> flood.acquire(31, 1)).isInstanceOf(BotApiException.class);
        advance(34);
        flood.acquire(31, 1);
    }

    @Test
    void anAlbumCostsOneTokenPerItemAndRetryAfterCountsTheDebt() {
        flood.acquire(1, 10);
        assertThatThrownBy(() -> flood.acquire(1, 1))
                .isInstanceOfSatisfying(
                        BotApiException.class, e -> assertThat(e.retryAfter()).isEqualTo(8));
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
