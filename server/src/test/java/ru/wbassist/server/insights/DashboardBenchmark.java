package ru.wbassist.server.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.insights.Period.Day;

/**
 * Measures the bot read API's latency over real HTTP on PostgreSQL with a million orders stored (docs/benchmarks.md
 * "Dashboard"). Not part of the test run; start it with
 * {@code ./mvnw -B -q -pl server -am test-compile -Pdashboard-benchmark} (see the profile in server/pom.xml).
 *
 * <p>System properties: {@code benchmark.orders} (1,000,000), {@code benchmark.cabinets} (10),
 * {@code benchmark.requests} (1000 per route), {@code benchmark.warmup} (200 per route).
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 1_000_000);
        int cabinets = Integer.getInteger("benchmark.cabinets", 10);
        int requests = Integer.getInteger("benchmark.requests", 1000);
        int warmup = Integer.getInteger("benchmark.warmup", 200);
        Instant now = Instant.now();

        try (TestServer server = TestServer.start(DatabaseConfig.Vendor.POSTGRESQL, Map.of(), Clock.systemUTC())) {
            long started = System.nanoTime();
            long first = server.db().inTransaction(c -> LoadGenerator.generate(c, cabinets, orders, 2000, now));
            server.db().withConnection(c -> {
                LoadGenerator.vacuum(c);
                return null;
            });
            Duration loading = Duration.ofNanos(System.nanoTime() - started);
            long[] counts = server.db().withConnection(c -> new long[] {
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_orders"), Sql.queryLong(c, "SELECT COUNT(*) FROM wb_sales"),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_stocks"), Sql.queryLong(c, "SELECT COUNT(*) FROM wb_reviews"),
                Sql.queryLong(
                                c,
                                "SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ? AND order_date >= ?",
                                first,
                                Day.lastDays(now, 1).getFirst().start())
            });
            String version = server.db()
                    .withConnection(c -> Sql.queryOne(c, "SELECT version()", rs -> rs.getString(1)))
                    .orElseThrow();
            System.out.printf(
                    "%s%nloaded in %d s: %,d orders, %,d sales, %,d stock rows, %,d reviews over %d cabinets"
                            + " (%,d orders per cabinet today)%nJava %s, %d cores%n%n",
                    version,
                    loading.toSeconds(),
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    cabinets,
                    counts[4],
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors());

            String owner = "telegram_id=";
            LongFunction<String> anyOwner = i -> owner + (LoadGenerator.FIRST_OWNER + 1 + i % cabinets);
            List<Route> routes = List.of(
                    new Route("dashboard, one cabinet", i -> "/api/v1/bot/dashboard?" + anyOwner.apply(i)),
                    new Route(
                            "dashboard, " + cabinets + " cabinets",
                            i -> "/api/v1/bot/dashboard?telegram_id=" + LoadGenerator.ALL_CABINETS_USER),
                    new Route("orders/recent", i -> "/api/v1/bot/orders/recent?" + anyOwner.apply(i)),
                    new Route("stocks/critical", i -> "/api/v1/bot/stocks/critical?" + anyOwner.apply(i)),
                    new Route("reviews/summary", i -> "/api/v1/bot/reviews/summary?" + anyOwner.apply(i)),
                    new Route("analytics/sales 7d", i -> "/api/v1/bot/analytics/sales?" + anyOwner.apply(i)),
                    new Route(
                            "analytics/sales 90d", i -> "/api/v1/bot/analytics/sales?period=90d&" + anyOwner.apply(i)),
                    new Route(
                            "sales/statistics 30d",
                            i -> "/api/v1/bot/sales/statistics?user_id="
                                    + (LoadGenerator.FIRST_OWNER + 1 + i % cabinets)));
            System.out.printf(
                    "%-24s %8s %8s %8s %8s %8s%n",
                    "route (sequential)", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (Route route : routes) {
                for (int i = 0; i < warmup; i++) {
                    call(server, route.path().apply(i));
                }
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    String path = route.path().apply(i);
                    long t0 = System.nanoTime();
                    call(server, path);
                    nanos[i] = System.nanoTime() - t0;
                }
                Arrays.sort(nanos);
                System.out.printf(
                        "%-24s %8d %8.2f %8.2f %8.2f %8.2f%n",
                        route.name(),
                        requests,
                        ms(nanos, 0.50),
                        ms(nanos, 0.95),
                        ms(nanos, 0.99),
                        nanos[nanos.length - 1] / 1e6);
            }

            List<Day> today = Day.lastDays(now, 2);
            System.out.println(
                    "\nEXPLAIN ANALYZE of the dashboard's orders per day (yesterday and today), one cabinet:");
            server.db()
                    .withConnection(c -> Sql.query(
                            c,
                            "EXPLAIN (ANALYZE, BUFFERS) " + Activity.ORDERS_BY_HOUR,
                            rs -> rs.getString(1),
                            first,
                            today.getFirst().start(),
                            today.getLast().end()))
                    .forEach(System.out::println);
        }
    }

    private record Route(String name, LongFunction<String> path) {}

    private static void call(TestServer server, String path) {
        TestServer.Response response = server.get(path);
        if (response.status() != 200) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
