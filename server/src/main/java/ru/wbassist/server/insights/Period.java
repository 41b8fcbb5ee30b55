package ru.wbassist.server.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;
import io.helidon.webserver.http.ServerRequest;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.time.Moscow;

/** A reporting period of whole Moscow days ending with today (today counts as a day, even while it runs). */
public enum Period {
    DAY("1d", 1), WEEK("7d", 7), MONTH("30d", 30), QUARTER("90d", 90);

    private static final Set<String> CODES = Arrays.stream(values()).map(Period::code).collect(Collectors.toSet());

    private final String code;
    private final int days;

    Period(String code, int days) {
        this.code = code;
        this.days = days;
    }

    /** The {@code period} parameter, or {@code defaultPeriod} when absent; 400 naming it when unknown. */
    public static Period param(ServerRequest req, Period defaultPeriod) {
        String code = Params.oneOf(req, "period", CODES, defaultPeriod.code);
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst().orElseThrow();
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
         * A derived table {@code d(day_start, day_end)} with one row per day, to join against an indexed timestamp
         * column with {@code col >= d.day_start AND col < d.day_end}; bind its parameters with {@link #bounds}.
         */
        public static String sqlTable(int count) {
            String row = "(CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))";
            return "(VALUES " + String.join(", ", Collections.nCopies(count, row)) + ") AS d(day_start, day_end)";
        }

        /** The parameters of {@link #sqlTable}: each day's start and end. */
        public static List<Object> bounds(List<Day> days) {
            List<Object> bounds = new ArrayList<>(days.size() * 2);
            days.forEach(day -> {
                bounds.add(day.start());
                bounds.add(day.end());
            });
            return bounds;
        }
    }
}
