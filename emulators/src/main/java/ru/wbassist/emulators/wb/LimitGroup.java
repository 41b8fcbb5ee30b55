package ru.wbassist.emulators.wb;

import java.time.Duration;

/**
 * WB's rate-limit groups for the emulated methods with the Personal-token limits of docs/wb-api.md, and the category
 * each needs ({@code null}: any valid token, as for {@code /ping} and seller-info).
 */
enum LimitGroup {
    ORDERS(Scope.STATISTICS, 1, Duration.ofMinutes(1), 10),
    SALES(Scope.STATISTICS, 1, Duration.ofMinutes(1), 1),
    FEEDBACKS(Scope.FEEDBACKS, 3, Duration.ofSeconds(1), 6),
    CARDS(Scope.CONTENT, 100, Duration.ofMinutes(1), 5),
    STOCKS_REPORT(Scope.ANALYTICS, 3, Duration.ofMinutes(1), 1),
    PRICES(Scope.PRICES, 10, Duration.ofSeconds(6), 5),
    PING(null, 3, Duration.ofSeconds(30), 3),
    SELLER_INFO(null, 1, Duration.ofMinutes(1), 10);

    private final Scope scope;
    private final int limit;
    private final Duration period;
    private final int burst;

    LimitGroup(Scope scope, int limit, Duration period, int burst) {
        this.scope = scope;
        this.limit = limit;
        this.period = period;
        this.burst = burst;
    }

    Scope scope() {
        return scope;
    }

    int burst() {
        return burst;
    }

    /** WB's "interval": the spacing at which the bucket regains one request. */
    long intervalNanos() {
        return period.toNanos() / limit;
    }
}
