package ru.wbassist.server.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import ru.wbassist.api.ApiJson;

/**
 * The one place that converts between stored UTC instants and Moscow time (MSK, UTC+3 without DST since 2014).
 * WB statistics send naive Moscow date-times; users see Moscow time; "today" is a Moscow day.
 */
public final class Moscow {

    public static final ZoneId ZONE = ApiJson.MOSCOW;

    /** WB's marker for "not cancelled" in {@code cancelDate}. */
    private static final String WB_NO_DATE = "0001-01-01T00:00:00";

    private static final DateTimeFormatter WB_NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Moscow() {}

    /**
     * Parses a WB statistics time: a naive Moscow date-time (with optional fraction), a plain date, or a time with offset.
     *
     * @return the instant, or null for null, blank or WB's {@code 0001-01-01T00:00:00}
     * @throws DateTimeParseException when the text is none of those
     */
    public static Instant parseWb(String text) {
        if (text == null || text.isBlank() || text.startsWith(WB_NO_DATE)) {
            return null;
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZONE).toInstant();
        }
        if (hasOffset(text)) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text).atZone(ZONE).toInstant();
    }

    /** Formats an instant the way WB statistics expect {@code dateFrom}: naive Moscow time, whole seconds. */
    public static String formatWb(Instant instant) {
        return instant.atZone(ZONE).truncatedTo(ChronoUnit.SECONDS).format(WB_NAIVE);
    }

    /**
     * Formats an instant as WB's statistics paging wants the last row's {@code lastChangeDate} back: naive Moscow time
     * with the full fraction WB sent (none when it sent whole seconds).
     */
    public static String formatWbPrecise(Instant instant) {
        return instant.atZone(ZONE).toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** The instant as Moscow wall time with its offset, for API responses and texts. */
    public static OffsetDateTime toMsk(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    /** The Moscow calendar day the instant falls on. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The first instant of a Moscow calendar day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** Parses an API input time: with an offset as given, without one as Moscow time, a date as its Moscow midnight. */
    public static Instant parseInput(String text) {
        return parseWb(text);
    }

    private static boolean hasOffset(String text) {
        if (text.endsWith("Z") || text.endsWith("z")) {
            return true;
        }
        int t = text.indexOf('T');
        return t > 0 && (text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0);
    }
}
