package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours NIGHT = QuietHours.of("22:00", "08:00").orElseThrow();
    private static final QuietHours LUNCH = QuietHours.of("13:00", "14:00").orElseThrow();

    @Test
    void windowMayWrapMidnight() {
        assertThat(NIGHT.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(21, 59))).isFalse();
        assertThat(LUNCH.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(LUNCH.contains(LocalTime.of(14, 0))).isFalse();
        assertThat(QuietHours.of("10:00", "10:00").orElseThrow().contains(LocalTime.of(10, 0)))
                .isFalse();
    }

    @Test
    void releaseIsTheEndOfTheWindowInMoscowTime() {
        // 23:30 MSK = 20:30 UTC; the window ends 08:00 MSK next day = 05:00 UTC
        assertThat(NIGHT.releaseAt(Instant.parse("2026-11-27T20:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        // 02:00 MSK (23:00 UTC the day before): ends the same Moscow day at 08:00
        assertThat(NIGHT.releaseAt(Instant.parse("2026-11-26T23:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T05:00:00Z"));
        Instant noon = Instant.parse("2026-11-27T09:00:00Z");
        assertThat(NIGHT.releaseAt(noon)).isEqualTo(noon);
        assertThat(LUNCH.releaseAt(Instant.parse("2026-11-27T10:15:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
    }

    @Test
    void parsesOnlyHhMm() {
        assertThat(QuietHours.of(null, "08:00")).isEmpty();
        assertThatThrownBy(() -> QuietHours.parse("8:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> QuietHours.parse("24:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> QuietHours.parse("12:60")).isInstanceOf(DateTimeParseException.class);
        assertThat(QuietHours.parse("23:59")).isEqualTo(LocalTime.of(23, 59));
    }
}
