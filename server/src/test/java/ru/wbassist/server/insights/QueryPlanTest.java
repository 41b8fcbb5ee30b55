package ru.wbassist.server.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.insights.Period.Day;

/**
 * On PostgreSQL with 200,000 orders over 20 cabinets (and sales, stock, reviews to match), vacuumed and analysed, the
 * planner reads every cabinet query of the bot read API through an index on the cabinet and the timestamp range, never
 * by a sequential scan of the big tables; the per-day order figures never touch the table (index-only scan). The
 * queries are the production SQL constants with real parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest {

    private static final Instant NOW = InsightsFixture.NOW;
    private static final long USER = 1;

    private Database db;
    private long cabinet;

    @BeforeAll
    void load() {
        db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        cabinet = db.inTransaction(c -> LoadGenerator.generate(c, 20, 200_000, 1000, NOW)) + 7;
        db.withConnection(c -> {
            LoadGenerator.vacuum(c);
            return null;
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    Iterable<Arguments> queries() {
        List<Day> week = Day.lastDays(NOW, 7);
        Instant monthStart = Day.lastDays(NOW, 30).getFirst().start();
        Instant end = week.getLast().end();
        List<Object> weekRange = List.of(0L, week.getFirst().start(), end); // cabinet 0: set per test
        return List.of(
                Arguments.of(
                        "orders per day",
                        Activity.ORDERS_BY_HOUR,
                        weekRange,
                        "Index Only Scan using ix_wb_orders_cabinet_date_cover"),
                Arguments.of(
                        "cancellations per day",
                        Activity.CANCELLATIONS_BY_HOUR,
                        weekRange,
                        "ix_wb_orders_cabinet_cancel"),
                Arguments.of("sales per day", Activity.SALES_BY_HOUR, weekRange, "ix_wb_sales_cabinet"),
                Arguments.of(
                        "sales of a period",
                        Activity.SALES_IN_RANGE,
                        List.of(0L, monthStart, end),
                        "ix_wb_sales_cabinet"),
                Arguments.of(
                        "top products",
                        Activity.TOP_PRODUCTS,
                        List.of(0L, monthStart, end, 5, 0L),
                        "ix_wb_orders_cabinet_date_cover"),
                Arguments.of(
                        "recent orders",
                        RecentLists.ORDERS.formatted(""),
                        List.of(0L, 10, 0L),
                        "ix_wb_orders_cabinet_date_cover"),
                Arguments.of(
                        "recent orders by status",
                        RecentLists.ORDERS.formatted("AND o.status = ?"),
                        List.of(0L, "canceled", 10, 0L),
                        "ix_wb_orders_cabinet_status_date"),
                Arguments.of(
                        "recent sales", RecentLists.SALES.formatted(""), List.of(0L, 10), "ix_wb_sales_cabinet_date"),
                Arguments.of(
                        "critical stock", StockFigures.CRITICAL_PRODUCTS, List.of(USER, 0L, 5, 0L, 20), "pk_wb_stocks"),
                Arguments.of(
                        "demand of critical products",
                        StockFigures.ORDERS_SINCE.formatted("?, ?, ?"),
                        List.of(0L, 11L, 12L, 13L, NOW.minus(Duration.ofDays(7))),
                        "ix_wb_orders_cabinet_nm"),
                Arguments.of(
                        "review statistics",
                        ReviewFigures.STATS,
                        List.of(NOW.minus(Duration.ofDays(1)), 3, 0L),
                        "ix_wb_reviews_cabinet"),
                Arguments.of("latest reviews", ReviewFigures.LATEST, List.of(0L, 5), "ix_wb_reviews_cabinet_date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void cabinetQueriesUseAnIndex(String name, String sql, List<Object> params, String index) throws SQLException {
        Object[] bound = params.stream().map(p -> p.equals(0L) ? cabinet : p).toArray();
        List<String> plan = db.withConnection(c -> explain(c, sql, bound));
        String text = String.join("\n", plan);
        assertThat(text).as(name + ":\n" + text).contains(index);
        assertThat(text)
                .as(name + ":\n" + text)
                .doesNotContain("Seq Scan on wb_orders")
                .doesNotContain("Seq Scan on wb_sales")
                .doesNotContain("Seq Scan on wb_stocks")
                .doesNotContain("Seq Scan on wb_reviews");
    }

    private static List<String> explain(Connection c, String sql, Object[] params) throws SQLException {
        return Sql.query(c, "EXPLAIN " + sql, rs -> rs.getString(1), params);
    }
}
