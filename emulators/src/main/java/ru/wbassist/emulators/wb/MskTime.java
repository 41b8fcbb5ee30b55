package ru.wbassist.emulators.wb;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Moscow time as the WB statistics API speaks it: naive {@code yyyy-MM-dd'T'HH:mm:ss} strings that mean MSK
 * (docs/wb-api.md). Everything inside the sandbox is an {@link Instant}; only the wire format is naive.
 */
final class MskTime {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** WB's value of {@code cancelDate} for an order that was not cancelled. */
    static final String NOT_CANCELLED = "0001-01-01T00:00:00";

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private MskTime() {}

    static String naive(Instant instant) {
        return NAIVE.format(instant.atZone(MOSCOW));
    }

    static LocalDate mskDate(Instant instant) {
        return instant.atZone(MOSCOW).toLocalDate();
    }

    static int mskHour(Instant instant) {
        return instant.atZone(MOSCOW).getHour();
    }

    /**
     * Parses a statistics {@code dateFrom}: a date, a naive date-time (MSK, optional fraction) or, as some clients
     * send it, a date-time with an offset. Empty when the value is not one of these.
     */
    static Optional<Instant> parseDateFrom(String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text).atStartOfDay(MOSCOW).toInstant());
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).atZone(MOSCOW).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
