package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.wbassist.db.Sql;
import ru.wbassist.server.insights.Period.Day;
import ru.wbassist.server.time.Moscow;

/**
 * A cabinet's orders, buyouts, returns and cancellations per Moscow day. The definitions (docs/api.md):
 * <ul>
 *   <li>orders: order lines by {@code order_date}, cancelled ones included (WB counts an order when it is placed);</li>
 *   <li>cancellations: order lines with {@code is_cancel} by {@code cancel_date};</li>
 *   <li>buyouts and returns: {@code wb_sales} rows by {@code sale_date} and {@code sale_type};</li>
 *   <li>every sum is of {@code price_with_disc} (the price after the seller's discount, which is what the seller set
 *       and what WB's {@code forPay} is computed from), as an absolute value because WB may sign return amounts.</li>
 * </ul>
 * Each day is a [start, end) range of instants joined against the indexed timestamp column, so no function is ever
 * applied to a column and the Moscow calendar stays in {@link Moscow}.
 */
final class Activity {

    /** The figures of one Moscow day. */
    record DayFigures(LocalDate date, Tally orders, Tally buyouts, Tally returns, Tally cancellations) {
    }

    /** The figures of a whole period. */
    record Totals(Tally orders, Tally buyouts, Tally returns, Tally cancellations) {

        static Totals of(List<DayFigures> days) {
            Tally orders = Tally.ZERO;
            Tally buyouts = Tally.ZERO;
            Tally returns = Tally.ZERO;
            Tally cancellations = Tally.ZERO;
            for (DayFigures day : days) {
                orders = orders.plus(day.orders());
                buyouts = buyouts.plus(day.buyouts());
                returns = returns.plus(day.returns());
                cancellations = cancellations.plus(day.cancellations());
            }
            return new Totals(orders, buyouts, returns, cancellations);
        }

        Settlement settlement() {
            return new Settlement(buyouts, returns);
        }
    }

    /** Buyouts and returns of a period. */
    record Settlement(Tally buyouts, Tally returns) {

        /** Buyouts / (buyouts + returns) by count, four decimals; null when there were neither. */
        BigDecimal buyoutRate() {
            long settled = buyouts.count() + returns.count();
            return settled == 0 ? null
                    : BigDecimal.valueOf(buyouts.count()).divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP);
        }

        /** Buyout sum / buyout count; null without buyouts. */
        BigDecimal averageCheck() {
            return buyouts.count() == 0 ? null
                    : buyouts.sum().divide(BigDecimal.valueOf(buyouts.count()), 2, RoundingMode.HALF_UP);
        }
    }

    /** A product ranked by its order lines in a period. */
    record TopProduct(long nmId, String title, long count, BigDecimal sum) {
    }

    static final String ORDERS_BY_DAY = """
            SELECT d.day_start, COUNT(o.id) AS n, SUM(o.price_with_disc) AS total
              FROM %s
              JOIN wb_orders o ON o.order_date >= d.day_start AND o.order_date < d.day_end
             WHERE o.cabinet_id = ? AND o.order_date >= ? AND o.order_date < ?
             GROUP BY d.day_start
            """;

    static final String CANCELLATIONS_BY_DAY = """
            SELECT d.day_start, COUNT(o.id) AS n, SUM(o.price_with_disc) AS total
              FROM %s
              JOIN wb_orders o ON o.cancel_date >= d.day_start AND o.cancel_date < d.day_end
             WHERE o.cabinet_id = ? AND o.cancel_date >= ? AND o.cancel_date < ? AND o.is_cancel = TRUE
             GROUP BY d.day_start
            """;

    static final String SALES_BY_DAY = """
            SELECT d.day_start, s.sale_type, COUNT(s.id) AS n, SUM(ABS(s.price_with_disc)) AS total
              FROM %s
              JOIN wb_sales s ON s.sale_date >= d.day_start AND s.sale_date < d.day_end
             WHERE s.cabinet_id = ? AND s.sale_date >= ? AND s.sale_date < ?
             GROUP BY d.day_start, s.sale_type
            """;

    static final String SALES_IN_RANGE = """
            SELECT sale_type, COUNT(*) AS n, SUM(ABS(price_with_disc)) AS total
              FROM wb_sales
             WHERE cabinet_id = ? AND sale_date >= ? AND sale_date < ?
             GROUP BY sale_type
            """;

    static final String TOP_PRODUCTS = """
            SELECT o.nm_id, MAX(COALESCE(p.title, o.subject)) AS title, COUNT(*) AS n, SUM(o.price_with_disc) AS total
              FROM wb_orders o
              LEFT JOIN wb_products p ON p.cabinet_id = o.cabinet_id AND p.nm_id = o.nm_id
             WHERE o.cabinet_id = ? AND o.order_date >= ? AND o.order_date < ?
             GROUP BY o.nm_id
             ORDER BY n DESC, total DESC, o.nm_id
             LIMIT ?
            """;

    private Activity() {
    }

    /** The figures of each of {@code days} (consecutive, oldest first), days without activity included as zeros. */
    static List<DayFigures> daily(Connection c, long cabinetId, List<Day> days) throws SQLException {
        Object[] params = dayParams(days, cabinetId);
        Map<Instant, Tally> orders = byDay(c, ORDERS_BY_DAY.formatted(Day.sqlTable(days.size())), params);
        Map<Instant, Tally> cancellations = byDay(c, CANCELLATIONS_BY_DAY.formatted(Day.sqlTable(days.size())), params);
        Map<String, Map<Instant, Tally>> sales = Map.of("buyout", new LinkedHashMap<>(), "return", new LinkedHashMap<>());
        for (DayRow row : Sql.query(c, SALES_BY_DAY.formatted(Day.sqlTable(days.size())),
                rs -> new DayRow(Sql.instant(rs, "day_start"), rs.getString("sale_type"),
                        new Tally(rs.getLong("n"), rs.getBigDecimal("total"))), params)) {
            sales.get(row.saleType()).put(row.dayStart(), row.tally());
        }
        List<DayFigures> figures = new ArrayList<>(days.size());
        for (Day day : days) {
            figures.add(new DayFigures(day.date(), orders.getOrDefault(day.start(), Tally.ZERO),
                    sales.get("buyout").getOrDefault(day.start(), Tally.ZERO),
                    sales.get("return").getOrDefault(day.start(), Tally.ZERO),
                    cancellations.getOrDefault(day.start(), Tally.ZERO)));
        }
        return figures;
    }

    /** The buyouts and returns of [from, to). */
    static Settlement settlement(Connection c, long cabinetId, Instant from, Instant to) throws SQLException {
        Map<String, Tally> byType = new HashMap<>();
        for (DayRow row : Sql.query(c, SALES_IN_RANGE, rs -> new DayRow(null, rs.getString("sale_type"),
                new Tally(rs.getLong("n"), rs.getBigDecimal("total"))), cabinetId, from, to)) {
            byType.put(row.saleType(), row.tally());
        }
        return new Settlement(byType.getOrDefault("buyout", Tally.ZERO), byType.getOrDefault("return", Tally.ZERO));
    }

    /** The products with the most order lines in [from, to), most first. */
    static List<TopProduct> topProducts(Connection c, long cabinetId, Instant from, Instant to, int limit)
            throws SQLException {
        return Sql.query(c, TOP_PRODUCTS, rs -> new TopProduct(rs.getLong("nm_id"), rs.getString("title"),
                rs.getLong("n"), Tally.roubles(rs.getBigDecimal("total"))), cabinetId, from, to, limit);
    }

    /**
     * The parameters of the per-day queries: the day table's bounds, the cabinet, then the whole range again, so the
     * planner reads one index range on (cabinet, timestamp) instead of every row of the cabinet.
     */
    static Object[] dayParams(List<Day> days, long cabinetId) {
        List<Object> params = Day.bounds(days);
        params.add(cabinetId);
        params.add(days.getFirst().start());
        params.add(days.getLast().end());
        return params.toArray();
    }

    private static Map<Instant, Tally> byDay(Connection c, String sql, Object[] params) throws SQLException {
        Map<Instant, Tally> byDay = new LinkedHashMap<>();
        for (DayRow row : Sql.query(c, sql, rs -> new DayRow(Sql.instant(rs, "day_start"), null,
                new Tally(rs.getLong("n"), rs.getBigDecimal("total"))), params)) {
            byDay.put(row.dayStart(), row.tally());
        }
        return byDay;
    }

    /** A grouped row: its day (null when not grouped by day), its sale type (null for orders), its tally. */
    private record DayRow(Instant dayStart, String saleType, Tally tally) {
    }
}
