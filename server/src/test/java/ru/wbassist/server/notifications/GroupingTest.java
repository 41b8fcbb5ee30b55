package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void withoutGroupingEverythingStandsAloneAtItsRelease() {
        Instant release = NOW.plusSeconds(60);
        assertThat(Grouping.decide(false, 5, 300, Optional.empty(), NOW, release))
                .isEqualTo(new Grouping.Alone(release));
        assertThat(Grouping.decide(true, 1, 300, Optional.empty(), NOW, NOW)).isEqualTo(new Grouping.Alone(NOW));
        assertThat(Grouping.decide(true, 5, 0, Optional.empty(), NOW, NOW)).isEqualTo(new Grouping.Alone(NOW));
    }

    @Test
    void firstOfABurstLeadsAndIsHeldForTheTimeout() {
        assertThat(Grouping.decide(true, 5, 300, Optional.empty(), NOW, NOW))
                .isEqualTo(new Grouping.Lead(NOW.plusSeconds(300)));
        Instant quietEnd = NOW.plusSeconds(3600);
        assertThat(Grouping.decide(true, 5, 300, Optional.empty(), NOW, quietEnd))
                .isEqualTo(new Grouping.Lead(quietEnd));
    }

    @Test
    void laterOnesJoinAndTheFullGroupIsReleasedAtOnce() {
        var open = new Grouping.OpenGroup(7, 3, NOW.plusSeconds(200));
        assertThat(Grouping.decide(true, 5, 300, Optional.of(open), NOW, NOW))
                .isEqualTo(new Grouping.Join(7, 4, NOW.plusSeconds(200)));
        var almostFull = new Grouping.OpenGroup(7, 4, NOW.plusSeconds(200));
        assertThat(Grouping.decide(true, 5, 300, Optional.of(almostFull), NOW, NOW))
                .isEqualTo(new Grouping.Join(7, 5, NOW));
        var full = new Grouping.OpenGroup(7, 5, NOW.plusSeconds(200));
        assertThat(Grouping.decide(true, 5, 300, Optional.of(full), NOW, NOW))
                .isEqualTo(new Grouping.Lead(NOW.plusSeconds(300)));
    }
}
