package ru.wbassist.console.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import ru.wbassist.api.ApiJson;

/** The console shows every time in Moscow time, like the server's answers and the bot. */
public final class MoscowTime {

    public static final ZoneId ZONE = ApiJson.MOSCOW;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private MoscowTime() {}

    public static String format(Instant time) {
        return time == null ? "" : time.atZone(ZONE).format(DATE_TIME);
    }

    /** The time of day only, where the date goes without saying. */
    public static String formatTime(Instant time) {
        return time == null ? "" : time.atZone(ZONE).format(TIME);
    }

    public static String formatDay(LocalDate date) {
        return date.format(DAY);
    }

    public static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
