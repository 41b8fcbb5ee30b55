package ru.wbassist.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.bot.UserThrottle.Verdict.DROP;
import static ru.wbassist.bot.UserThrottle.Verdict.DROP_AND_SAY_SO;
import static ru.wbassist.bot.UserThrottle.Verdict.HANDLE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UserThrottleTest {

    /** The time the throttle reads; the test moves it. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));

    @Test
    void aBurstThenOnePerIntervalAndOneNoticePerRunOfDrops() {
        UserThrottle throttle = new UserThrottle(3, Duration.ofSeconds(2), 100, now::get);
        List<UserThrottle.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            verdicts.add(throttle.admit(1));
        }
        assertThat(verdicts).containsExactly(HANDLE, HANDLE, HANDLE, DROP_AND_SAY_SO, DROP, DROP);
        assertThat(throttle.admit(2)).as("another user is not affected").isEqualTo(HANDLE);

        now.set(now.get().plusSeconds(2));
        assertThat(throttle.admit(1)).isEqualTo(HANDLE);
        assertThat(throttle.admit(1)).as("a new run of drops is told again").isEqualTo(DROP_AND_SAY_SO);

        now.set(now.get().plusSeconds(6));
        assertThat(List.of(throttle.admit(1), throttle.admit(1), throttle.admit(1), throttle.admit(1)))
                .containsExactly(HANDLE, HANDLE, HANDLE, DROP_AND_SAY_SO);
    }

    @Test
    void theStateIsBoundedByForgettingTheLeastRecentlySeenUsers() {
        UserThrottle throttle = new UserThrottle(1, Duration.ofMinutes(1), 100, now::get);
        assertThat(throttle.admit(0)).isEqualTo(HANDLE);
        for (long user = 1; user <= 1000; user++) {
            throttle.admit(user);
        }
        assertThat(throttle.users()).isEqualTo(100);
        assertThat(throttle.admit(0)).as("forgotten: a full burst again").isEqualTo(HANDLE);
        assertThat(throttle.admit(1000)).as("still remembered").isEqualTo(DROP_AND_SAY_SO);
    }
}
