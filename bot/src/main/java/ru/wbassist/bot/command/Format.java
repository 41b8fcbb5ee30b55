package ru.wbassist.bot.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ru.wbassist.api.ApiJson;
import ru.wbassist.api.Insights;

/** Numbers and times as sellers read them: roubles with thin grouping, Moscow time. */
final class Format {

    private static final ZoneId MOSCOW = ApiJson.MOSCOW;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private Format() {}

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "0 ₽";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        return format.format(amount.setScale(0, RoundingMode.HALF_UP)) + " ₽";
    }

    static String countSum(Insights.Tally value) {
        return value == null ? "0 · 0 ₽" : value.count() + " · " + money(value.sum());
    }

    static String time(Instant time) {
        return time == null ? "—" : time.atZone(MOSCOW).format(DATE_TIME);
    }

    static String rating(BigDecimal rating) {
        return rating == null ? "—" : rating.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A share given as a fraction (the server's buyout_rate is 0..1). */
    static String percent(BigDecimal share) {
        return share == null
                ? "—"
                : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
