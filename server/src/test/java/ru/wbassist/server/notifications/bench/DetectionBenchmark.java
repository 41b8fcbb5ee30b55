package ru.wbassist.server.notifications.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.events.EventDetector;
import ru.wbassist.server.events.MutableClock;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.notifications.FanOut;
import ru.wbassist.server.notifications.QueueSignal;
import ru.wbassist.server.notifications.QueueWakeups;

/**
 * Detection + fan-out throughput (docs/benchmarks.md "Detection and fan-out"): stores {@code benchmark.orders}
 * orders the way the sync does — in transactions of {@code benchmark.batch} orders per cabinet, each reporting its
 * new srids to the EventSink — over {@code benchmark.cabinets} cabinets with {@code benchmark.users} users each,
 * once without the sink (storing only) and once with it, on an H2 file database and on PostgreSQL, each shop
 * already holding as many orders of earlier days (analyzed). The difference
 * is what detection and fan-out cost ({@code benchmark.vendors} picks the stores). Not part of the test run; see docs/benchmarks.md for the command.
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {}

    public static void main(String[] args) throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 100_000);
        int cabinets = Integer.getInteger("benchmark.cabinets", 10);
        int users = Integer.getInteger("benchmark.users", 3);
        int batch = Integer.getInteger("benchmark.batch", 1000);
        System.out.printf(
                "%,d orders over %d cabinets × %d users, %,d orders per sync transaction; Java %s, %d cores%n",
                orders,
                cabinets,
                users,
                batch,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "%-12s %8s %-12s %10s %12s %14s%n", "store", "threads", "run", "seconds", "orders/s", "notifications");
        for (String name :
                System.getProperty("benchmark.vendors", "H2,POSTGRESQL").split(",")) {
            DatabaseConfig.Vendor vendor = DatabaseConfig.Vendor.valueOf(name.trim());
            for (String threads : System.getProperty("benchmark.threads", "1,4").split(",")) {
                for (boolean detect : new boolean[] {false, true}) {
                    Run run = run(vendor, orders, cabinets, users, batch, Integer.parseInt(threads.trim()), detect);
                    System.out.printf(
                            "%-12s %8s %-12s %10.1f %,12.0f %,14d%n",
                            vendor,
                            threads.trim(),
                            detect ? "store+detect" : "store only",
                            run.took().toMillis() / 1000.0,
                            orders / (run.took().toNanos() / 1e9),
                            run.notifications());
                }
            }
        }
    }

    private record Run(Duration took, long notifications) {}

    private static Run run(
            DatabaseConfig.Vendor vendor, int orders, int cabinets, int users, int batch, int threads, boolean detect)
            throws Exception {
        try (Database db = Database.open(config(vendor))) {
            MutableClock clock = new MutableClock(Instant.now());
            QueueSignal signal = new QueueSignal();
            try (QueueWakeups watcher = new QueueWakeups(db, signal, clock, Duration.ofSeconds(1))) {
                watcher.start();
                EventDetector sink = new EventDetector(
                        new FanOut(watcher, clock, TestMeters.detached()), clock, TestMeters.detached());
                List<Long> cabinetIds = seed(db, cabinets, users);
                history(db, cabinetIds, orders / cabinets);
                Instant day = Instant.now().minus(Duration.ofHours(2));
                int perCabinet = orders / cabinets;
                long started = System.nanoTime();
                // Like SyncScheduler: up to `threads` cabinets sync at once, each its own transactions in order.
                try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                    List<Future<?>> syncs = new ArrayList<>();
                    for (long cabinet : cabinetIds) {
                        syncs.add(pool.submit(() -> {
                            for (int from = 0; from < perCabinet; from += batch) {
                                int first = from;
                                int count = Math.min(batch, perCabinet - from);
                                db.inTransaction(c -> {
                                    List<String> srids = insertOrders(c, cabinet, first, count, day);
                                    if (detect) {
                                        sink.ordersStored(c, cabinet, srids, List.of());
                                    }
                                    return null;
                                });
                            }
                            return null;
                        }));
                    }
                    for (Future<?> sync : syncs) {
                        sync.get();
                    }
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                long notifications =
                        db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM notification_history"));
                return new Run(took, notifications);
            }
        }
    }

    /** An H2 file database (the embedded default) in a temporary directory, or a new database on PostgreSQL 17. */
    private static DatabaseConfig config(DatabaseConfig.Vendor vendor) throws Exception {
        if (vendor == DatabaseConfig.Vendor.POSTGRESQL) {
            DatabaseConfig pg = TestDatabases.freshConfig(vendor);
            String params = System.getProperty("benchmark.pg-params", "");
            return params.isEmpty()
                    ? pg
                    : new DatabaseConfig(
                            pg.url() + (pg.url().contains("?") ? "&" : "?") + params,
                            pg.username(),
                            pg.password(),
                            pg.maxPoolSize());
        }
        Path dir = Files.createTempDirectory("wbassist-bench");
        return new DatabaseConfig(
                "jdbc:h2:file:" + dir.resolve("bench")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                8);
    }

    private static List<Long> seed(Database db, int cabinets, int users) {
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            for (int k = 0; k < cabinets; k++) {
                long cabinet = Sql.insert(
                        c,
                        "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)",
                        "Shop " + k,
                        "x",
                        UUID.randomUUID().toString());
                for (int u = 0; u < users; u++) {
                    long user = Sql.insert(c, "INSERT INTO users (telegram_id) VALUES (?)", 1_000_000L + k * 100L + u);
                    Sql.update(
                            c,
                            "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,?)",
                            cabinet,
                            user,
                            u == 0 ? "owner" : "member");
                }
                for (int p = 1; p <= 200; p++) {
                    Sql.update(
                            c,
                            "INSERT INTO wb_products (cabinet_id, nm_id, vendor_code, title, image_url) VALUES (?,?,?,?,?)",
                            cabinet,
                            (long) p,
                            "ART-" + p,
                            "Товар " + p,
                            "https://img.example/" + p + ".webp");
                }
                ids.add(cabinet);
            }
            return ids;
        });
    }

    /**
     * Earlier days of the same shops, as the baseline left them, with planner statistics: detection runs against
     * cabinets with history, and PostgreSQL picks its plans from the statistics autovacuum keeps.
     */
    private static void history(Database db, List<Long> cabinetIds, int perCabinet) {
        Instant earlier = Instant.now().minus(Duration.ofDays(3));
        for (long cabinet : cabinetIds) {
            db.inTransaction(c -> insertOrders(c, cabinet, -perCabinet, perCabinet, earlier));
        }
        db.withConnection(c -> {
            Sql.execute(c, "ANALYZE");
            return null;
        });
    }

    private static List<String> insertOrders(Connection c, long cabinet, int first, int count, Instant day)
            throws SQLException {
        List<String> srids = new ArrayList<>(count);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO wb_orders (cabinet_id, srid, nm_id, supplier_article,"
                        + " tech_size, warehouse_name, region_name, total_price, price_with_disc, finished_price, order_date,"
                        + " last_change_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = first; i < first + count; i++) {
                String srid = cabinet + "." + i + ".0";
                long nm = 1 + i % 200;
                Instant at = day.plusMillis(i * 50L);
                Sql.bind(
                        ps,
                        cabinet,
                        srid,
                        nm,
                        "ART-" + nm,
                        "M",
                        "Коледино",
                        "Московская",
                        java.math.BigDecimal.valueOf(2000),
                        java.math.BigDecimal.valueOf(1500),
                        java.math.BigDecimal.valueOf(1350),
                        at,
                        at);
                ps.addBatch();
                srids.add(srid);
            }
            ps.executeBatch();
        }
        return srids;
    }
}
