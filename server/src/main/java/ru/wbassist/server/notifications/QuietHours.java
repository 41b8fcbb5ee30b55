package ru.wbassist.server.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import ru.wbassist.server.time.Moscow;

/**
 * A user's quiet hours in Moscow time, {@code [start, end)}; the window may wrap midnight (22:00–08:00). Equal start
 * and end mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    /** The window from stored {@code HH:MM} texts; empty when either is missing. */
    public static Optional<QuietHours> of(String start, String end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        return Optional.of(new QuietHours(parse(start), parse(end)));
    }

    /** Parses {@code HH:MM} (00:00..23:59). */
    public static LocalTime parse(String hhmm) {
        if (hhmm == null || !hhmm.matches("\\d{2}:\\d{2}")) {
            throw new DateTimeParseException("expected HH:MM", String.valueOf(hhmm), 0);
        }
        return LocalTime.parse(hhmm, HH_MM);
    }

    public static String format(LocalTime time) {
        return time.format(HH_MM);
    }

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When something that arrives at {@code now} may be delivered: now, or the end of the quiet hours it falls in. */
    public Instant releaseAt(Instant now) {
        ZonedDateTime msk = now.atZone(Moscow.ZONE);
        if (!contains(msk.toLocalTime())) {
            return now;
        }
        LocalDate day = msk.toLocalDate();
        ZonedDateTime end = day.atTime(this.end).atZone(Moscow.ZONE);
        if (!end.isAfter(msk)) {
            end = day.plusDays(1).atTime(this.end).atZone(Moscow.ZONE);
        }
        return end.toInstant();
    }
}
