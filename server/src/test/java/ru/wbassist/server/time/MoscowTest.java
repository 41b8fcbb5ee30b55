package ru.wbassist.server.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MoscowTest {

    @Test
    void wbStatisticsTimesAreNaiveMoscowTime() {
        // the same order: marketplace createdAt 07:19:17Z = statistics date 10:19:17 (docs/wb-api.md, Moscow time)
        assertThat(Moscow.parseWb("2026-05-20T10:19:17")).isEqualTo(Instant.parse("2026-05-20T07:19:17Z"));
        assertThat(Moscow.parseWb("2019-06-20T00:00:00.12345")).isEqualTo(Instant.parse("2019-06-19T21:00:00.12345Z"));
        assertThat(Moscow.parseWb("2019-06-20")).isEqualTo(Instant.parse("2019-06-19T21:00:00Z"));
        assertThat(Moscow.parseWb("2024-09-26T10:20:48+03:00")).isEqualTo(Instant.parse("2024-09-26T07:20:48Z"));
        assertThat(Moscow.parseWb("2026-05-18T09:48:43Z")).isEqualTo(Instant.parse("2026-05-18T09:48:43Z"));
    }

    @Test
    void wbsNotCancelledMarkerAndBlanksAreNull() {
        assertThat(Moscow.parseWb("0001-01-01T00:00:00")).isNull();
        assertThat(Moscow.parseWb("")).isNull();
        assertThat(Moscow.parseWb(null)).isNull();
        assertThatThrownBy(() -> Moscow.parseWb("yesterday")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void formatsDateFromAsNaiveMoscowSeconds() {
        assertThat(Moscow.formatWb(Instant.parse("2026-11-26T21:30:00.999Z"))).isEqualTo("2026-11-27T00:30:00");
    }

    @Test
    void moscowDaysStartAtMidnightMsk() {
        Instant lateEvening = Instant.parse("2026-11-26T20:30:00Z"); // 23:30 MSK
        Instant afterMidnight = Instant.parse("2026-11-26T21:30:00Z"); // 00:30 MSK next day
        assertThat(Moscow.day(lateEvening)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(Moscow.day(afterMidnight)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(Moscow.startOf(LocalDate.of(2026, 11, 27))).isEqualTo(Instant.parse("2026-11-26T21:00:00Z"));
        assertThat(Moscow.toMsk(afterMidnight).toString()).isEqualTo("2026-11-27T00:30+03:00");
    }
}
