package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.wb.RateLimiter;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbHosts;
import ru.wbassist.server.wb.WbOrder;

/**
 * docs/benchmarks.md "Ingest": 100,000 orders from the WB sandbox into H2 and PostgreSQL through the sync's orders
 * step (look-up of existing srids, JDBC batch inserts, one transaction), beside a plain JDBC batch insert of the same
 * rows into the same table, measured in the same run, each into a fresh database. Not part of the test run:
 * {@code ./mvnw -B -q -pl server -am test-compile -Pingest-benchmark}.
 */
public final class IngestBenchmark {

    private static final int ORDERS = 100_000;
    private static final int ROUNDS = 3;
    /** The rows of a later sync into a cabinet that holds the rest. */
    private static final int LATER = 10_000;

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<WbOrder> rows;
        long fetchNanos;
        try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(42)
                .pageCap(80_000)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(0))) {
            SandboxSeller seller = sandbox.createSeller("ИП Бенчмарков");
            seller.shop().generateOrders(ORDERS, now.minus(Duration.ofDays(30)), now.minus(Duration.ofHours(1)));
            WbClient client = new WbClient(
                    WbHosts.allAt(sandbox.baseUrl()),
                    RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000)),
                    Duration.ofSeconds(120),
                    Duration.ofSeconds(1),
                    80_000,
                    WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                    TestMeters.detached());
            client.orders(WbCredentials.ofCabinet(1, seller.token()), now.minus(Duration.ofDays(1))); // warm-up
            long started = System.nanoTime();
            rows = client.orders(WbCredentials.ofCabinet(1, seller.token()), now.minus(Duration.ofDays(31)));
            fetchNanos = System.nanoTime() - started;
        }
        if (rows.size() != ORDERS) {
            throw new IllegalStateException("the sandbox sent " + rows.size() + " orders, expected " + ORDERS);
        }
        System.out.printf(
                Locale.ROOT,
                "fetch from the sandbox (2 pages, HTTP + JSON parsing): %,d rows in %.2f s = %,.0f rows/s%n",
                rows.size(),
                fetchNanos / 1e9,
                rows.size() / (fetchNanos / 1e9));
        OrdersStep step = new OrdersStep(null, Duration.ofHours(1), Duration.ofDays(90));
        System.out.println();
        System.out.println(
                "| database | sync ingest (rows/s) | raw JDBC batch insert (rows/s) | ratio | sandbox→database end to end (rows/s) |");
        System.out.println("|---|---|---|---|---|");
        for (DatabaseConfig.Vendor vendor : DatabaseConfig.Vendor.values()) {
            // one warm-up round of each (JIT, driver caches), then the best of ROUNDS, each into a fresh database
            measure(vendor, db -> ingest(db, step, rows.subList(0, 20_000), now));
            measure(vendor, db -> raw(db, rows.subList(0, 20_000), now));
            double syncBest = Double.MAX_VALUE;
            double rawBest = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                syncBest = Math.min(syncBest, measure(vendor, db -> ingest(db, step, rows, now)));
                rawBest = Math.min(rawBest, measure(vendor, db -> raw(db, rows, now)));
            }
            double syncRate = ORDERS / syncBest;
            double rawRate = ORDERS / rawBest;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f | %.2f | %,.0f |%n",
                    vendor,
                    syncRate,
                    rawRate,
                    syncRate / rawRate,
                    ORDERS / (syncBest + fetchNanos / 1e9));
        }
        // A later sync: the cabinet already holds most of its history and the new rows are a small part of it.
        List<WbOrder> history = rows.subList(0, ORDERS - LATER);
        List<WbOrder> later = rows.subList(ORDERS - LATER, ORDERS);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "| database | %,d new orders into a cabinet holding %,d: sync ingest (rows/s) |"
                        + " raw JDBC batch insert (rows/s) | ratio |%n",
                LATER,
                history.size());
        System.out.println("|---|---|---|---|");
        for (DatabaseConfig.Vendor vendor : DatabaseConfig.Vendor.values()) {
            double syncBest = Double.MAX_VALUE;
            double rawBest = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                syncBest = Math.min(
                        syncBest, measure(vendor, db -> raw(db, history, now), db -> ingest(db, step, later, now)));
                rawBest = Math.min(rawBest, measure(vendor, db -> raw(db, history, now), db -> raw(db, later, now)));
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f | %.2f |%n",
                    vendor,
                    LATER / syncBest,
                    LATER / rawBest,
                    rawBest / syncBest);
        }
        System.exit(0); // the embedded PostgreSQL is stopped by its shutdown hook
    }

    @FunctionalInterface
    private interface Work {
        void run(Database db) throws SQLException;
    }

    /** Seconds {@code work} took on a fresh database with one cabinet. */
    private static double measure(DatabaseConfig.Vendor vendor, Work work) throws SQLException {
        return measure(vendor, db -> {}, work);
    }

    /** Seconds {@code work} took on a fresh database with one cabinet after {@code setup} (not measured). */
    private static double measure(DatabaseConfig.Vendor vendor, Work setup, Work work) throws SQLException {
        try (Database db = TestDatabases.fresh(vendor)) {
            db.inTransaction(c -> Sql.update(
                    c,
                    "INSERT INTO wb_cabinets (id, name, api_key_encrypted, api_key_hash)"
                            + " VALUES (1, 'bench', 'x', 'x')"));
            setup.run(db);
            db.withConnection(c -> Sql.update(c, "ANALYZE"));
            long started = System.nanoTime();
            work.run(db);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** The sync's way: what exists is looked up, new rows are batch-inserted, all in one transaction. */
    private static void ingest(Database db, OrdersStep step, List<WbOrder> rows, Instant now) {
        DataSetStep.Stored stored = db.inTransaction(c -> step.store(c, 1, rows, Optional.empty(), now));
        if (stored.records() != rows.size()) {
            throw new IllegalStateException("stored " + stored.records());
        }
    }

    /** The floor: the same rows, the same columns, one prepared INSERT in batches of 1000, one transaction. */
    private static void raw(Database db, List<WbOrder> rows, Instant now) {
        db.inTransaction(c -> {
            insertAll(c, rows, now);
            return null;
        });
    }

    private static void insertAll(Connection c, List<WbOrder> rows, Instant now) throws SQLException {
        try (var ps = c.prepareStatement(OrdersStep.INSERT)) {
            int pending = 0;
            for (WbOrder o : rows) {
                Sql.bind(ps, OrdersStep.insertRow(1L, o, now));
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            ps.executeBatch();
        }
    }
}
