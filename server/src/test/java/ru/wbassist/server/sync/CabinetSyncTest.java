package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.Scope;
import ru.wbassist.observability.LogFormat;
import ru.wbassist.server.cabinets.WbToken;

/** The real sync of one cabinet against the WB sandbox, on H2 and on PostgreSQL. */
class CabinetSyncTest {

    private static final String ORDERS =
            "SELECT srid, g_number, nm_id, status, is_cancel, cancel_date, last_change_date,"
                    + " finished_price, warehouse_name FROM wb_orders WHERE cabinet_id = ? ORDER BY srid";
    private static final String SALES = "SELECT sale_id, srid, sale_type, for_pay, sale_date FROM wb_sales"
            + " WHERE cabinet_id = ? ORDER BY sale_id";
    private static final String REVIEWS = "SELECT review_id, nm_id, rating, is_answered, created_date FROM wb_reviews"
            + " WHERE cabinet_id = ? ORDER BY review_id";
    private static final String PRODUCTS =
            "SELECT nm_id, title, image_url, vendor_code FROM wb_products" + " WHERE cabinet_id = ? ORDER BY nm_id";
    private static final String STOCKS = "SELECT nm_id, chrt_id, warehouse_name, quantity FROM wb_stocks"
            + " WHERE cabinet_id = ? ORDER BY nm_id, chrt_id, warehouse_name";

    private SyncFixture f;

    @AfterEach
    void stop() {
        f.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void theBaselineIsQuietThenANewOrderReachesTheSinkOnce(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 2);
        long cabinet = f.connect(f.seller.token());

        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);

        assertThat(f.count("SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ?", cabinet))
                .isPositive();
        assertThat(f.count("SELECT COUNT(*) FROM wb_products WHERE cabinet_id = ?", cabinet))
                .isEqualTo(f.seller.shop().products().size());
        assertThat(f.count("SELECT COUNT(*) FROM wb_stocks WHERE cabinet_id = ?", cabinet))
                .isPositive();
        assertThat(f.events.calls).isEmpty();
        assertThat(f.count(
                        "SELECT COUNT(*) FROM wb_cabinets WHERE id = ? AND baseline_completed_at IS NOT NULL", cabinet))
                .isEqualTo(1);
        assertThat(f.rows(
                        "SELECT data_set, status, baseline FROM wb_sync_logs WHERE cabinet_id = ? ORDER BY id",
                        cabinet))
                .containsExactly(
                        List.of("products", "success", "true"),
                        List.of("stocks", "success", "true"),
                        List.of("orders", "success", "true"),
                        List.of("sales", "success", "true"),
                        List.of("reviews", "success", "true"),
                        List.of("questions", "success", "true"));

        String srid = placeOrder();
        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        assertThat(f.events.ids("orders")).containsExactly(srid);
        assertThat(f.rows("SELECT status, g_number IS NOT NULL FROM wb_orders WHERE srid = ?", srid))
                .containsExactly(List.of("active", "true"));
        assertThat(f.rows(
                                "SELECT baseline FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'orders' ORDER BY id",
                                cabinet)
                        .getLast())
                .containsExactly("false");

        f.sync.sync(cabinet); // the overlap re-reads the order: it is not new any more
        assertThat(f.events.ids("orders")).containsExactly(srid);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void anInternalErrorIsLoggedOnceWithTheErrorIdTheSyncLogShows(DatabaseConfig.Vendor vendor) throws Exception {
        f = new SyncFixture(vendor, 1);
        long cabinet = f.connect(f.seller.token());
        f.sync.sync(cabinet);
        String srid = placeOrder();
        f.events.failOrders = new IllegalStateException("detection bug");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(LogFormat.JSON.formatter().format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(CabinetSync.class.getName());
        logger.addHandler(capture);
        try {
            assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.FAILED);
        } finally {
            logger.removeHandler(capture);
        }

        String error = f.rows(
                        "SELECT error_message FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'orders'"
                                + " ORDER BY id",
                        cabinet)
                .getLast()
                .getFirst()
                .toString();
        // users see a plain reason and the id; the exception is only in the log line carrying that id
        assertThat(error)
                .matches("internal error in the server \\(error id [0-9a-z]+\\); the next sync tries again")
                .doesNotContain("IllegalStateException", "detection bug");
        String errorId = error.replaceAll(".*error id ([0-9a-z]+).*", "$1");
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.path("error_id").asText()).isEqualTo(errorId);
        assertThat(line.path("cabinet_id").asText()).isEqualTo(Long.toString(cabinet));
        assertThat(line.path("data_set").asText()).isEqualTo("orders");
        assertThat(line.path("run_id").asText()).isNotBlank();
        assertThat(line.path("stack").asText()).contains("detection bug").contains("CabinetSyncTest.java");
        assertThat(f.count("SELECT COUNT(*) FROM wb_orders WHERE srid = ?", srid))
                .isZero(); // rolled back
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aPausedCabinetIsSkippedButStaysScheduledUntilResumed(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        long cabinet = f.connect(f.seller.token());
        f.db.withConnection(c -> ru.wbassist.db.Sql.update(
                c, "UPDATE wb_cabinets SET sync_paused_at = ? WHERE id = ?", Instant.now(), cabinet));

        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.PAUSED);
        assertThat(f.sync.run(cabinet)).as("kept in the schedule").isTrue();
        assertThat(f.count("SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ?", cabinet))
                .isZero();
        assertThat(f.count("SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ?", cabinet))
                .isZero();

        f.db.withConnection(c ->
                ru.wbassist.db.Sql.update(c, "UPDATE wb_cabinets SET sync_paused_at = NULL WHERE id = ?", cabinet));
        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        // every data set the key's categories allow runs once
        Set<WbToken.Scope> scopes = WbToken.parse(f.seller.token()).scopes();
        assertThat(f.count("SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ?", cabinet))
                .isEqualTo(Arrays.stream(DataSet.values())
                        .filter(set -> scopes.contains(set.scope()))
                        .count());
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aRunCutShortByAStoppedServerIsClosedByTheNextRun(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        long cabinet = f.connect(f.seller.token());
        f.db.withConnection(c -> ru.wbassist.db.Sql.update(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status,"
                        + " started_at) VALUES (?, 'orders', 'running', ?)",
                cabinet,
                Instant.now().minusSeconds(600)));

        f.sync.sync(cabinet);

        assertThat(f.count("SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ? AND status = 'running'", cabinet))
                .isZero();
        assertThat(f.rows("SELECT status, error_message FROM wb_sync_logs WHERE cabinet_id = ? ORDER BY id", cabinet)
                        .getFirst())
                .containsExactly(
                        "failed",
                        "the run was interrupted (its server stopped); the next run continued from the cursor");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void anInternalFailureLogsAPlainReasonAndAnErrorIdWhileTheDetailsStayInTheServerLog(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        long cabinet = f.connect(f.seller.token());
        f.db.withConnection(c -> ru.wbassist.db.Sql.update(c, "ALTER TABLE wb_products RENAME TO wb_products_gone"));
        List<String> serverLog = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                serverLog.add(ru.wbassist.observability.LogContext.fields() + " "
                        + new java.util.logging.SimpleFormatter().format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.FAILED);
        } finally {
            root.removeHandler(capture);
            f.db.withConnection(
                    c -> ru.wbassist.db.Sql.update(c, "ALTER TABLE wb_products_gone RENAME TO wb_products"));
        }

        List<Object> failed = f.rows(
                        "SELECT status, error_message FROM wb_sync_logs WHERE cabinet_id = ?"
                                + " AND data_set = 'products'",
                        cabinet)
                .getFirst();
        assertThat(failed.get(0)).isEqualTo("failed");
        String shown = (String) failed.get(1);
        assertThat(shown)
                .matches("internal error in the server \\(error id [0-9a-z]+\\); the next sync tries again")
                .doesNotContainIgnoringCase("wb_products")
                .doesNotContain("Exception", "SQL", "Table", "\tat ");
        String errorId = shown.replaceAll(".*error id ([0-9a-z]+).*", "$1");
        assertThat(f.rows(
                                "SELECT error_code, error_id FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'products'",
                                cabinet)
                        .getFirst())
                .containsExactly("internal", errorId);
        assertThat(serverLog)
                .as("the details, under the same id, in the server log")
                .anyMatch(line -> line.contains("error_id=" + errorId)
                        && line.toLowerCase().contains("wb_products"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void productsStoreEachCardsSizesByChrtIdAndAFullReReadReplacesThem(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 2);
        long cabinet = f.connect(f.seller.token());
        f.sync.sync(cabinet);
        List<List<Object>> expected = f.seller.shop().products().stream()
                .flatMap(p -> p.sizes().stream()
                        .map(s -> List.<Object>of(
                                String.valueOf(s.chrtId()), String.valueOf(p.nmId()), s.techSize(), s.wbSize())))
                .sorted(java.util.Comparator.comparing(row -> Long.parseLong((String) row.get(0))))
                .toList();
        String sizes = "SELECT chrt_id, nm_id, tech_size, COALESCE(wb_size, '') FROM wb_product_sizes"
                + " WHERE cabinet_id = ? ORDER BY chrt_id";
        assertThat(f.rows(sizes, cabinet)).isEqualTo(expected);

        // what migration V195 does to cabinets synced before it: the cards are listed again from the start
        f.db.inTransaction(c -> ru.wbassist.db.Sql.update(
                c, "DELETE FROM sync_cursors WHERE cabinet_id = ? AND data_set = 'products'", cabinet));
        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        assertThat(f.rows(sizes, cabinet)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void twoRunsLeaveTheSameRows(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 2);
        long cabinet = f.connect(f.seller.token());
        f.sync.sync(cabinet);
        List<List<List<Object>>> first = snapshot(cabinet);

        f.sync.sync(cabinet);

        assertThat(snapshot(cabinet)).isEqualTo(first);
        assertThat(f.events.ids("orders")).isEmpty();
        assertThat(f.events.ids("sales")).isEmpty();
        assertThat(f.events.ids("reviews")).isEmpty();
        // the second run re-read the overlap but had nothing to rewrite
        assertThat(f.rows(
                                "SELECT records_processed FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'orders'"
                                        + " ORDER BY id",
                                cabinet)
                        .getLast())
                .containsExactly("0");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aCancellationABuyoutAndAReturnUpdateTheStoredOrder(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        long cabinet = f.connect(f.seller.token());
        f.sync.sync(cabinet);
        String cancelled = placeOrder();
        String bought = placeOrder();
        f.sync.sync(cabinet);

        f.seller.shop().cancelOrder(cancelled);
        String saleId = f.seller.shop().buyout(bought);
        f.sync.sync(cabinet);

        assertThat(f.rows("SELECT status, is_cancel, cancel_date IS NOT NULL FROM wb_orders WHERE srid = ?", cancelled))
                .containsExactly(List.of("canceled", "true", "true"));
        assertThat(f.events.cancelled()).containsExactly(cancelled);
        assertThat(f.rows("SELECT status FROM wb_orders WHERE srid = ?", bought))
                .containsExactly(List.of("buyout"));
        assertThat(f.rows("SELECT sale_type, srid FROM wb_sales WHERE sale_id = ?", saleId))
                .containsExactly(List.of("buyout", bought));
        assertThat(f.events.ids("sales")).containsExactly(saleId);

        String returnId = f.seller.shop().returnOrder(bought);
        f.sync.sync(cabinet);
        assertThat(f.rows("SELECT status FROM wb_orders WHERE srid = ?", bought))
                .containsExactly(List.of("return"));
        assertThat(f.events.ids("sales")).containsExactly(saleId, returnId);
        assertThat(f.events.cancelled()).containsExactly(cancelled);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void newReviewsAndStockChangesReachTheSink(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        long cabinet = f.connect(f.seller.token());
        f.sync.sync(cabinet);
        Product product = f.seller.shop().products().getFirst();
        long chrtId = product.sizes().getFirst().chrtId();
        String warehouse = f.seller.shop().warehouses().getFirst().name();
        long storedBefore = f.count(
                "SELECT COALESCE(SUM(quantity), 0) FROM wb_stocks WHERE cabinet_id = ? AND nm_id = ?",
                cabinet,
                product.nmId());
        int atThatPlace = f.seller.shop().stockQuantity(product.nmId(), chrtId, warehouse);

        String review = f.seller.shop().addReview(product.nmId(), 1, "Разбилась при доставке");
        String question = f.seller.shop().addQuestion(product.nmId(), "Есть другие цвета?");
        f.seller.shop().setStock(product.nmId(), chrtId, warehouse, 0);
        f.sync.sync(cabinet);

        assertThat(f.events.ids("reviews")).containsExactly(review);
        assertThat(f.events.ids("questions")).containsExactly(question);
        assertThat(f.rows("SELECT nm_id, text, is_answered FROM wb_questions WHERE question_id = ?", question))
                .containsExactly(List.of(String.valueOf(product.nmId()), "Есть другие цвета?", "false"));
        assertThat(f.rows("SELECT rating, nm_id, is_answered FROM wb_reviews WHERE review_id = ?", review))
                .containsExactly(List.of("1", String.valueOf(product.nmId()), "false"));
        RecordingEventSink.Call stocks = f.events.of("stocks").getLast();
        assertThat(atThatPlace).isPositive();
        assertThat(stocks.before().getOrDefault(product.nmId(), 0)).isEqualTo((int) storedBefore);
        assertThat(stocks.after().getOrDefault(product.nmId(), 0)).isEqualTo((int) storedBefore - atThatPlace);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aRejectedKeyFailsTheRunMarksTheCabinetAndTellsTheSinkOnce(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        long cabinet = f.connect(f.seller.token());
        f.sync.sync(cabinet);
        f.sandbox.revoke(f.seller.token());

        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.KEY_REJECTED);
        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.KEY_REJECTED);

        assertThat(f.events.of("keyInvalid")).hasSize(1);
        assertThat(f.rows("SELECT key_invalid_since IS NOT NULL, key_error FROM wb_cabinets WHERE id = ?", cabinet))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo("true");
                    assertThat((String) row.get(1)).startsWith("WB answered 401");
                });
        List<Object> lastLog = f.rows(
                        "SELECT data_set, status, error_message FROM wb_sync_logs WHERE cabinet_id = ?"
                                + " ORDER BY id DESC",
                        cabinet)
                .getFirst();
        assertThat(lastLog.subList(0, 2)).containsExactly("products", "failed");
        assertThat((String) lastLog.get(2))
                .contains("WB rejected the API key (401)")
                .doesNotContain(f.seller.token());
        // the run stopped at the first rejection: no later data set was attempted
        assertThat(f.count("SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ? AND status = 'failed'", cabinet))
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aKeyCloseToExpiryIsReportedAndAKeyWithoutAnalyticsSkipsStocks(DatabaseConfig.Vendor vendor) {
        f = new SyncFixture(vendor, 0);
        Instant expires = Instant.now().plus(Duration.ofHours(40)).truncatedTo(ChronoUnit.SECONDS);
        String token =
                f.sandbox.mintToken(f.seller, Scope.mask(Scope.STATISTICS, Scope.CONTENT, Scope.FEEDBACKS), expires);
        long cabinet = f.connect(token);

        assertThat(f.sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);

        assertThat(f.events.of("keyExpiring"))
                .singleElement()
                .satisfies(call -> assertThat(call.ids()).containsExactly("3", expires.toString()));
        assertThat(f.count("SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'stocks'", cabinet))
                .isZero();
        assertThat(f.count(
                        "SELECT COUNT(*) FROM wb_cabinets WHERE id = ? AND baseline_completed_at IS NOT NULL", cabinet))
                .isEqualTo(1);
    }

    private String placeOrder() {
        Product product = f.seller.shop().products().getFirst();
        long chrtId = product.sizes().getFirst().chrtId();
        String warehouse = f.seller.shop().warehouses().getFirst().name();
        f.seller.shop().setStock(product.nmId(), chrtId, warehouse, 50);
        return f.seller.shop().placeOrder(product.nmId(), chrtId, warehouse);
    }

    private List<List<List<Object>>> snapshot(long cabinet) {
        return List.of(
                f.rows(ORDERS, cabinet),
                f.rows(SALES, cabinet),
                f.rows(REVIEWS, cabinet),
                f.rows(PRODUCTS, cabinet),
                f.rows(STOCKS, cabinet));
    }
}
