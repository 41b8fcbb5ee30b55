package ru.wbassist.server.wb;

import java.time.Duration;
import java.util.Locale;

/**
 * The WB method groups this client calls, each with WB's published limit for Personal/Service tokens
 * (docs/wb-api.md, Rate limits): the interval between requests once the burst is spent, and the burst (bucket size).
 * WB counts limits per seller and group, so the client keeps one bucket per (cabinet, group).
 */
public enum MethodGroup {
    ORDERS(Host.STATISTICS, Duration.ofMinutes(1), 10, RetryBudget.DEFAULT),
    SALES(Host.STATISTICS, Duration.ofMinutes(1), 1, RetryBudget.SALES),
    STOCKS_REPORT(Host.ANALYTICS, Duration.ofSeconds(20), 1, RetryBudget.DEFAULT),
    PRICES(Host.PRICES, Duration.ofMillis(600), 5, RetryBudget.DEFAULT),
    FEEDBACKS(Host.FEEDBACKS, Duration.ofMillis(333), 6, RetryBudget.DEFAULT),
    CARDS(Host.CONTENT, Duration.ofMillis(600), 5, RetryBudget.DEFAULT),
    PING(Host.STATISTICS, Duration.ofSeconds(10), 3, RetryBudget.DEFAULT),
    SELLER_INFO(Host.COMMON, Duration.ofMinutes(1), 10, RetryBudget.DEFAULT),
    ORDER_FEED(Host.ANALYTICS, Duration.ofMinutes(1), 1, RetryBudget.FEED),
    /** The order feed with a plain Base token: WB allows it one request per 3 hours. */
    ORDER_FEED_BASE(Host.ANALYTICS, Duration.ofHours(3), 1, RetryBudget.FEED);

    private final Host host;
    private final Duration interval;
    private final int burst;
    private final RetryBudget retry;

    MethodGroup(Host host, Duration interval, int burst, RetryBudget retry) {
        this.host = host;
        this.interval = interval;
        this.burst = burst;
        this.retry = retry;
    }

    public Host host() {
        return host;
    }

    /** WB's published spacing between requests of this group. */
    public Duration interval() {
        return interval;
    }

    /** WB's published burst (bucket size) of this group. */
    public int burst() {
        return burst;
    }

    public RetryBudget retry() {
        return retry;
    }

    /** The group's name in metrics and logs: {@code orders}, {@code stocks_report}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The WB hosts, one base URL each (configurable so the client can talk to the sandbox). */
    public enum Host {
        STATISTICS,
        FEEDBACKS,
        CONTENT,
        ANALYTICS,
        COMMON,
        PRICES
    }

    /**
     * How long a call may keep retrying: attempts in all, and the total of the waits between them. Sales allow one
     * request a minute with a burst of 1, so a 429 there can cost a minute per attempt: it may wait up to 5 minutes.
     * The order feed polls every minute on a scheduler thread: it never sits out a 429 (the limiter holds the
     * group back as WB asks, and the next poll is scheduled for when WB allows one) and retries 5xx briefly.
     */
    public record RetryBudget(int maxAttempts, Duration maxTotalWait) {
        static final RetryBudget DEFAULT = new RetryBudget(3, Duration.ofSeconds(150));
        static final RetryBudget SALES = new RetryBudget(6, Duration.ofMinutes(5));
        static final RetryBudget FEED = new RetryBudget(3, Duration.ofSeconds(30));
    }
}
