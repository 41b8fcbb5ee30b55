package ru.wbassist.bot.command;

import ru.wbassist.api.ApiJson;
import ru.wbassist.bot.server.Dto;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and times as sellers read them: roubles with thin grouping, Moscow time. */
final class Format {

    private static final ZoneId MOSCOW = ApiJson.MOSCOW;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private Format() {
    }

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "0 ₽";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        return format.format(amount.setScale(0, RoundingMode.HALF_UP)) + " ₽";
    }

    static String countSum(Dto.CountSum value) {
        return value == null ? "0 · 0 ₽" : value.count() + " · " + money(value.sum());
    }

    static String time(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(MOSCOW).format(DATE_TIME);
    }

    static String rating(Double rating) {
        return rating == null ? "—" : String.format(Locale.ROOT, "%.2f", rating);
    }

    /** A share given as a fraction (the server's buyout_rate is 0..1). */
    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
