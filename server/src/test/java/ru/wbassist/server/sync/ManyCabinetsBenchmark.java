package ru.wbassist.server.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/**
 * Can one server instance keep 1,000 cabinets synced at SYNC_INTERVAL=180 and poll each one's live order feed every
 * FEED_INTERVAL? Connects N sandbox cabinets through the API (live key check, first sync and first feed poll
 * included), lets the scheduler run for a few intervals, then reads wb_sync_logs: how late each sync run started after
 * it was due (end of the previous run + interval). The feed polls are sampled from order_feed_state while the server
 * runs (each run's due and start time), and the sandbox counts the feed requests and the 429s it answered. Not part
 * of the test run; docs/benchmarks.md "Many cabinets" gives the command.
 */
public final class ManyCabinetsBenchmark {

    private ManyCabinetsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int cabinets = Integer.getInteger("benchmark.cabinets", 1000);
        int interval = Integer.getInteger("benchmark.interval", 180);
        int seconds = Integer.getInteger("benchmark.seconds", 600);
        int feedInterval = Integer.getInteger("benchmark.feedInterval", 60);
        // the cabinets' first syncs and feed polls (due at connect) settle before the feed is observed
        int warmup = Integer.getInteger("benchmark.warmup", 60);
        DatabaseConfig.Vendor vendor =
                DatabaseConfig.Vendor.valueOf(System.getProperty("benchmark.vendor", "POSTGRESQL"));
        try (WbSandbox sandbox = WbSandbox.start(
                        WbSandbox.Options.defaults().seed(7).historyDays(2).acceleration(0));
                TestServer server = TestServer.start(
                        vendor,
                        Map.of(
                                "SYNC_ENABLED",
                                "true",
                                "WB_KEY_CHECKS_PER_MINUTE",
                                "100000",
                                "SYNC_INTERVAL",
                                String.valueOf(interval),
                                "FEED_INTERVAL",
                                String.valueOf(feedInterval),
                                "WB_API_BASE_URL",
                                sandbox.baseUrl()))) {
            Instant started = Instant.now();
            for (int i = 1; i <= cabinets; i++) {
                long telegramId = 900_000 + i;
                server.post("/users/", Map.of("telegram_id", telegramId));
                var connected = server.post(
                        "/wb/cabinets/",
                        Map.of(
                                "user_id",
                                telegramId,
                                "api_key",
                                sandbox.createSeller("Shop " + i).token()));
                if (connected.status() != 201) {
                    throw new IllegalStateException(
                            "cabinet " + i + ": " + connected.status() + " " + connected.body());
                }
            }
            System.out.printf(
                    "connected %d cabinets in %d s; observing for %d s (the feed after %d s) at SYNC_INTERVAL=%d s,"
                            + " FEED_INTERVAL=%d s (%s)%n",
                    cabinets,
                    Duration.between(started, Instant.now()).toSeconds(),
                    seconds,
                    warmup,
                    interval,
                    feedInterval,
                    vendor);
            Thread.sleep(warmup * 1000L);
            FeedRuns feed = FeedRuns.observe(server, sandbox, Duration.ofSeconds(seconds - warmup));
            report(server, cabinets, interval);
            feed.report(cabinets);
        }
    }

    /**
     * The live polls that started while the server was observed: each run's lateness (start − due) by (cabinet,
     * start), read from {@code order_feed_state} every {@link #SAMPLE} (a cabinet's row changes once a poll, about a
     * minute apart, so no run is missed), and the sandbox's count of feed requests and 429s over the same time.
     */
    private record FeedRuns(Map<String, Long> lateness, long requests, long tooMany, Duration observed) {

        private static final String FEED_PATH = "/api/analytics/v1/order-feed";
        private static final Duration SAMPLE = Duration.ofSeconds(2);

        static FeedRuns observe(TestServer server, WbSandbox sandbox, Duration window) throws InterruptedException {
            Instant from = Instant.now();
            long requests = sandbox.requestCount(FEED_PATH);
            long tooMany = sandbox.tooManyRequestsCount(FEED_PATH);
            Map<String, Long> lateness = new HashMap<>();
            while (Instant.now().isBefore(from.plus(window))) {
                Thread.sleep(SAMPLE.toMillis());
                server.db()
                        .withConnection(c -> Sql.query(
                                c,
                                "SELECT cabinet_id, last_due_at, last_started_at FROM order_feed_state"
                                        + " WHERE last_due_at IS NOT NULL AND last_started_at >= ?",
                                rs -> {
                                    Instant startedAt = Sql.instant(rs, "last_started_at");
                                    lateness.put(
                                            rs.getLong(1) + "@" + startedAt,
                                            Math.max(
                                                    0,
                                                    Duration.between(Sql.instant(rs, "last_due_at"), startedAt)
                                                            .toMillis()));
                                    return null;
                                },
                                from));
            }
            return new FeedRuns(
                    lateness,
                    sandbox.requestCount(FEED_PATH) - requests,
                    sandbox.tooManyRequestsCount(FEED_PATH) - tooMany,
                    Duration.between(from, Instant.now()));
        }

        void report(int cabinets) {
            List<Long> late = new ArrayList<>(lateness.values());
            late.sort(Long::compare);
            double minutes = observed.toMillis() / 60_000.0;
            System.out.printf(
                    "feed: %d polls started in %.1f min (%.0f runs/min for %d cabinets), %d feed requests"
                            + " (%.0f/min), %d answered 429%n",
                    late.size(), minutes, late.size() / minutes, cabinets, requests, requests / minutes, tooMany);
            System.out.printf(
                    "feed poll lateness (start after due) ms: p50 %d, p95 %d, p99 %d, max %d%n",
                    pct(late, 50), pct(late, 95), pct(late, 99), late.isEmpty() ? 0 : late.getLast());
        }
    }

    /** Per cabinet, its runs in order: (started, completed) of the first data set (products) to the last (reviews). */
    private static void report(TestServer server, int cabinets, int interval) {
        record Run(Instant start, Instant end) {}
        Map<Long, List<Run>> runs = new HashMap<>();
        server.db()
                .withConnection(c -> Sql.query(c, """
                SELECT p.cabinet_id, p.started_at,
                       (SELECT MIN(r.completed_at) FROM wb_sync_logs r WHERE r.cabinet_id = p.cabinet_id
                           AND r.data_set = 'reviews' AND r.started_at >= p.started_at) AS ended
                  FROM wb_sync_logs p WHERE p.data_set = 'products' ORDER BY p.cabinet_id, p.started_at""", rs -> {
                    Instant end = Sql.instant(rs, "ended");
                    runs.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Run(Sql.instant(rs, "started_at"), end));
                    return null;
                }));
        List<Long> lateness = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        int completedRuns = 0;
        for (List<Run> list : runs.values()) {
            for (int i = 0; i < list.size(); i++) {
                Run run = list.get(i);
                if (run.end() != null) {
                    completedRuns++;
                    durations.add(Duration.between(run.start(), run.end()).toMillis());
                    if (i + 1 < list.size()) {
                        Instant due = run.end().plusSeconds(interval);
                        lateness.add(Math.max(
                                0,
                                Duration.between(due, list.get(i + 1).start()).toMillis()));
                    }
                }
            }
        }
        lateness.sort(Long::compare);
        durations.sort(Long::compare);
        System.out.printf("cabinets synced: %d of %d; completed runs: %d%n", runs.size(), cabinets, completedRuns);
        System.out.printf(
                "run duration ms: p50 %d, p99 %d, max %d%n",
                pct(durations, 50), pct(durations, 99), durations.isEmpty() ? 0 : durations.getLast());
        System.out.printf(
                "start after due (lateness) ms over %d repeat runs: p50 %d, p99 %d, max %d%n",
                lateness.size(), pct(lateness, 50), pct(lateness, 99), lateness.isEmpty() ? 0 : lateness.getLast());
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
