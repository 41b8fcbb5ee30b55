package ru.wbassist.server.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import ru.wbassist.server.time.Moscow;

/**
 * What a digest at a chosen Moscow time reports: a morning digest (before noon) the whole previous day, which has
 * barely begun otherwise; a later one its own day up to the digest time. Either way beside the same span a week
 * earlier, so a partial day is compared with the same hours.
 *
 * @param date  the Moscow day reported
 * @param upTo  the digest time when the day is reported up to it; null for the whole day
 */
public record DigestSpan(LocalDate date, LocalTime upTo) {

    /** The span of the digest due at {@code time} on the Moscow day {@code day}. */
    public static DigestSpan of(LocalDate day, LocalTime time) {
        return time.isBefore(LocalTime.NOON) ? new DigestSpan(day.minusDays(1), null) : new DigestSpan(day, time);
    }

    public Instant from() {
        return Moscow.startOf(date);
    }

    public Instant to() {
        return upTo == null
                ? Moscow.startOf(date.plusDays(1))
                : date.atTime(upTo).atZone(Moscow.ZONE).toInstant();
    }

    public Instant weekAgoFrom() {
        return Moscow.startOf(date.minusDays(7));
    }

    public Instant weekAgoTo() {
        return to().minus(Duration.ofDays(7));
    }
}
