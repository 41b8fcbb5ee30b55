package ru.wbassist.server.metrics;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import ru.wbassist.observability.BuildInfo;

/**
 * The server's own meters, registered through Helidon's metrics API and served with the JVM and HTTP ones at
 * {@code /observe/metrics}. Every name starts with {@code wbassist_}; labels take only values from small fixed sets
 * (data set, WB method group, HTTP status, event type, reason), never a cabinet or user id. docs/operations.md lists
 * them with the alerts built on them; {@code ops/} holds the Prometheus rules and the Grafana dashboard.
 *
 * <p>Counts made inside a database transaction (events, notifications queued, acks) wait for its commit when the
 * transaction runs in {@link #afterCommit}: a rolled-back sync that is retried does not count its events twice.
 */
public final class ServerMeters implements AutoCloseable {

    private static final ThreadLocal<List<Runnable>> UNCOMMITTED = new ThreadLocal<>();

    private final MeterRegistry registry;
    private final AtomicInteger longPolls = new AtomicInteger();
    private final List<Meter> gauges = new ArrayList<>();

    public ServerMeters(MeterRegistry registry) {
        this.registry = registry;
        gauge(
                "wbassist_build_info",
                "1, labelled with the version of the running build",
                () -> 1,
                Tag.create("version", BuildInfo.version()));
        gauge("wbassist_long_polls_waiting", "notification polls holding for something to deliver", longPolls::get);
    }

    /** One data set's run of one cabinet: outcome success, partial, failed or key_rejected. */
    public void syncRun(String dataSet, String outcome, Duration took) {
        count(
                "wbassist_sync_runs",
                "sync runs by data set and outcome",
                1,
                Tag.create("data_set", dataSet),
                Tag.create("outcome", outcome));
        registry.getOrCreate(Timer.builder("wbassist_sync_duration")
                        .description("time one data set's sync run took")
                        .addTag(Tag.create("data_set", dataSet)))
                .record(took);
    }

    /** How late a cabinet's live order poll started after it was due (the scheduler falling behind shows here). */
    public void orderFeedLateness(Duration late) {
        registry.getOrCreate(Timer.builder("wbassist_order_feed_lateness")
                        .description("how late each live order poll started after it was due"))
                .record(late);
    }

    /** One answer from WB (or none: status {@code error} for a network failure or timeout). */
    public void wbRequest(String group, String status) {
        count(
                "wbassist_wb_requests",
                "requests to WB by method group and HTTP status",
                1,
                Tag.create("group", group),
                Tag.create("status", status));
    }

    /** A wait before retrying a WB request: reason rate_limited (429), server_error (5xx) or network. */
    public void wbRetryWait(String group, String reason, Duration wait) {
        registry.getOrCreate(Timer.builder("wbassist_wb_retry_wait")
                        .description("waits before retrying a WB request, by method group and reason")
                        .addTag(Tag.create("group", group))
                        .addTag(Tag.create("reason", reason)))
                .record(wait);
    }

    public void eventsDetected(String type, int events) {
        count("wbassist_events_detected", "events detected by type", events, Tag.create("type", type));
    }

    public void notificationQueued(String type) {
        count(
                "wbassist_notifications_queued",
                "notifications queued for delivery by event type",
                1,
                Tag.create("type", type));
    }

    public void notificationSkipped(String type, String reason) {
        count(
                "wbassist_notifications_skipped",
                "notifications not sent by the user's settings, by type and reason",
                1,
                Tag.create("type", type),
                Tag.create("reason", reason));
    }

    /** Notifications the bot delivered (a group's message delivers all its members). */
    public void notificationsDelivered(String type, int notifications) {
        count(
                "wbassist_notifications_delivered",
                "notifications Telegram accepted, by event type",
                notifications,
                Tag.create("type", type));
    }

    /** A failed delivery: {@code final} when it is given up (permanent, or out of attempts), else it is retried. */
    public void notificationFailed(String type, boolean givenUp) {
        count(
                "wbassist_notifications_failed",
                "failed deliveries by event type; final=true when given up",
                1,
                Tag.create("type", type),
                Tag.create("final", Boolean.toString(givenUp)));
    }

    /** Counts a long-poll as waiting until the returned handle closes. */
    public Waiting longPollWaiting() {
        longPolls.incrementAndGet();
        return longPolls::decrementAndGet;
    }

    /** Registers a gauge read at each scrape; it is removed when these meters close. */
    public void gauge(String name, String description, Supplier<? extends Number> value, Tag... tags) {
        Gauge.Builder<Double> builder = Gauge.builder(name, () -> {
                    try {
                        return value.get().doubleValue();
                    } catch (RuntimeException e) {
                        // a scrape while the database is away shows a gap rather than failing the whole page
                        return Double.NaN;
                    }
                })
                .description(description);
        for (Tag tag : tags) {
            builder.addTag(tag);
        }
        registry.meter(Gauge.class, name, List.of(tags)).ifPresent(registry::remove);
        gauges.add(registry.getOrCreate(builder));
    }

    /** Runs a transaction; counts it makes are applied once it has returned (committed), dropped if it throws. */
    public <T> T afterCommit(Supplier<T> transaction) {
        if (UNCOMMITTED.get() != null) {
            return transaction.get();
        }
        List<Runnable> counts = new ArrayList<>();
        UNCOMMITTED.set(counts);
        T result;
        try {
            result = transaction.get();
        } finally {
            UNCOMMITTED.remove();
        }
        counts.forEach(Runnable::run);
        return result;
    }

    private void count(String name, String description, long amount, Tag... tags) {
        if (amount <= 0) {
            return;
        }
        Counter.Builder builder = Counter.builder(name).description(description);
        for (Tag tag : tags) {
            builder.addTag(tag);
        }
        Counter counter = registry.getOrCreate(builder);
        List<Runnable> uncommitted = UNCOMMITTED.get();
        if (uncommitted == null) {
            counter.increment(amount);
        } else {
            uncommitted.add(() -> counter.increment(amount));
        }
    }

    /** Removes the gauges: they read this server's database, which closes with it. */
    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    /** A long-poll's wait; closing it ends the wait. */
    public interface Waiting extends AutoCloseable {
        @Override
        void close();
    }
}
