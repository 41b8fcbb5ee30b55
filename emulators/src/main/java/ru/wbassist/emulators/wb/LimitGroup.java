package ru.wbassist.emulators.wb;

import java.time.Duration;

/**
 * WB's rate-limit groups for the emulated methods with the Personal-token limits of docs/wb-api.md, and the category
 * each needs ({@code null}: any valid token, as for {@code /ping} and seller-info). A group may carry WB's separate
 * limit for Base tokens; the others apply the Personal limit to every token type.
 */
enum LimitGroup {
    ORDERS(Scope.STATISTICS, 1, Duration.ofMinutes(1), 10),
    SALES(Scope.STATISTICS, 1, Duration.ofMinutes(1), 1),
    FEEDBACKS(Scope.FEEDBACKS, 3, Duration.ofSeconds(1), 6),
    CARDS(Scope.CONTENT, 100, Duration.ofMinutes(1), 5),
    STOCKS_REPORT(Scope.ANALYTICS, 3, Duration.ofMinutes(1), 1),
    PRICES(Scope.PRICES, 10, Duration.ofSeconds(6), 5),
    PING(null, 3, Duration.ofSeconds(30), 3),
    SELLER_INFO(null, 1, Duration.ofMinutes(1), 10),
    /** The order feed: 1 a minute; a plain Base token gets 1 request per 3 hours. */
    ORDER_FEED(Scope.ANALYTICS, 1, Duration.ofMinutes(1), 1, Duration.ofHours(3));

    private final Scope scope;
    private final int limit;
    private final Duration period;
    private final int burst;
    /** The spacing for Base tokens (burst 1), or null when they share the Personal limit. */
    private final Duration baseInterval;

    LimitGroup(Scope scope, int limit, Duration period, int burst) {
        this(scope, limit, period, burst, null);
    }

    LimitGroup(Scope scope, int limit, Duration period, int burst, Duration baseInterval) {
        this.scope = scope;
        this.limit = limit;
        this.period = period;
        this.burst = burst;
        this.baseInterval = baseInterval;
    }

    Scope scope() {
        return scope;
    }

    int burst(int tokenType) {
        return base(tokenType) ? 1 : burst;
    }

    /** WB's "interval": the spacing at which the bucket of this token type regains one request. */
    long intervalNanos(int tokenType) {
        return base(tokenType) ? baseInterval.toNanos() : period.toNanos() / limit;
    }

    private boolean base(int tokenType) {
        return tokenType == Tokens.BASE && baseInterval != null;
    }
}
