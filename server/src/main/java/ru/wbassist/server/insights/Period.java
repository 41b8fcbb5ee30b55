package ru.wbassist.server.insights;

import com.fasterxml.jackson.annotation.JsonValue;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.time.Moscow;

/** A reporting period of whole Moscow days ending with today (today counts as a day, even while it runs). */
public enum Period {
    DAY("1d", 1),
    WEEK("7d", 7),
    MONTH("30d", 30),
    QUARTER("90d", 90);

    private static final Set<String> CODES =
            Arrays.stream(values()).map(Period::code).collect(Collectors.toSet());

    private final String code;
    private final int days;

    Period(String code, int days) {
        this.code = code;
        this.days = days;
    }

    /** The {@code period} parameter, or {@code defaultPeriod} when absent; 400 naming it when unknown. */
    public static Period param(ServerRequest req, Period defaultPeriod) {
        String code = Params.oneOf(req, "period", CODES, defaultPeriod.code);
        return Arrays.stream(values())
                .filter(p -> p.code.equals(code))
                .findFirst()
                .orElseThrow();
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The Moscow days of this period as of {@code now}, oldest first. */
    public List<Day> days(Instant now) {
        return Day.lastDays(now, days);
    }

    /** One Moscow calendar day as the half-open instant range [start, end) that SQL compares indexed columns with. */
    public record Day(LocalDate date, Instant start, Instant end) {

        public static Day of(LocalDate date) {
            return new Day(date, Moscow.startOf(date), Moscow.startOf(date.plusDays(1)));
        }

        /** The {@code count} Moscow days ending with the day of {@code now}, oldest first. */
        public static List<Day> lastDays(Instant now, int count) {
            LocalDate today = Moscow.day(now);
            List<Day> days = new ArrayList<>(count);
            for (int back = count - 1; back >= 0; back--) {
                days.add(of(today.minusDays(back)));
            }
            return days;
        }

        /**
         * SQL for the hour (hours since the epoch, UTC) of a timestamp column. Queries group by it — a range predicate
         * stays on the bare column — and {@link #dateOfHour} maps each hour to its Moscow day.
         */
        public static String hourOf(String column) {
            return "FLOOR(EXTRACT(EPOCH FROM " + column + ") / 3600)";
        }

        /** The Moscow date of an hour from {@link #hourOf}; Moscow's offset is whole hours: no hour spans two days. */
        public static LocalDate dateOfHour(long hour) {
            return Moscow.day(Instant.ofEpochSecond(hour * 3600));
        }
    }
}
