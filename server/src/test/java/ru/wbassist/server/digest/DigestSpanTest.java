package ru.wbassist.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DigestSpanTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

    @Test
    void aMorningDigestReportsThePreviousMoscowDayWhole() {
        DigestSpan span = DigestSpan.of(FRIDAY, LocalTime.of(9, 0));
        assertThat(span.date()).isEqualTo(FRIDAY.minusDays(1));
        assertThat(span.upTo()).isNull();
        assertThat(span.from()).isEqualTo(Instant.parse("2026-11-25T21:00:00Z"));
        assertThat(span.to()).isEqualTo(Instant.parse("2026-11-26T21:00:00Z"));
        assertThat(span.weekAgoFrom()).isEqualTo(Instant.parse("2026-11-18T21:00:00Z"));
        assertThat(span.weekAgoTo()).isEqualTo(Instant.parse("2026-11-19T21:00:00Z"));
    }

    @Test
    void aDigestFromNoonOnReportsItsOwnDayUpToTheTimeAndTheSameHoursAWeekEarlier() {
        DigestSpan span = DigestSpan.of(FRIDAY, LocalTime.of(21, 0));
        assertThat(span.date()).isEqualTo(FRIDAY);
        assertThat(span.from()).isEqualTo(Instant.parse("2026-11-26T21:00:00Z"));
        assertThat(span.to()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(span.weekAgoFrom()).isEqualTo(Instant.parse("2026-11-19T21:00:00Z"));
        assertThat(span.weekAgoTo()).isEqualTo(Instant.parse("2026-11-20T18:00:00Z"));
        assertThat(DigestSpan.of(FRIDAY, LocalTime.of(11, 59)).date()).isEqualTo(FRIDAY.minusDays(1));
        assertThat(DigestSpan.of(FRIDAY, LocalTime.NOON).date()).isEqualTo(FRIDAY);
    }
}
