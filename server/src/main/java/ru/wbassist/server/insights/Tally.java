package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A count of rows and the sum of their amounts in roubles (always two decimals, so JSON shows {@code 1547.00}). */
public record Tally(long count, BigDecimal sum) {

    public static final Tally ZERO = new Tally(0, BigDecimal.ZERO);

    public Tally {
        sum = roubles(sum);
    }

    public Tally plus(Tally other) {
        return new Tally(count + other.count, sum.add(other.sum));
    }

    /** Money with two decimals; null (SQL SUM over no rows) is zero. */
    public static BigDecimal roubles(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
