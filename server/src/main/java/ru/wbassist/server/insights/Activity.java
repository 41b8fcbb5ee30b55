package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.wbassist.api.Insights.DayFigures;
import ru.wbassist.api.Insights.Tally;
import ru.wbassist.api.Insights.TopProduct;
import ru.wbassist.api.Insights.Totals;
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
 * Each query reads one [start, end) range of the indexed timestamp column (Moscow midnights from {@link Moscow}) and
 * sums it per UTC hour; Java adds the hours up into Moscow days ({@link Day#dateOfHour}), so the calendar stays in
 * {@link Moscow} and the cost is one index range scan whatever the number of days.
 */
public final class Activity {

    /** The figures of one Moscow day. */
    /** The figures of a whole period. */
    /** The period's totals: the sums of its days. */
    static Totals totals(List<DayFigures> days) {
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

    /** Buyouts and returns of a period. */
    public record Settlement(Tally buyouts, Tally returns) {

        /** Buyouts / (buyouts + returns) by count, four decimals; null when there were neither. */
        public BigDecimal buyoutRate() {
            long settled = buyouts.count() + returns.count();
            return settled == 0
                    ? null
                    : BigDecimal.valueOf(buyouts.count()).divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP);
        }

        /** Buyout sum / buyout count; null without buyouts. */
        BigDecimal averageCheck() {
            return buyouts.count() == 0
                    ? null
                    : buyouts.sum().divide(BigDecimal.valueOf(buyouts.count()), 2, RoundingMode.HALF_UP);
        }
    }

    /** A product ranked by its order lines in a period. */
    static final String ORDERS_BY_HOUR = """
            SELECT x.h, NULL AS sale_type, COUNT(*) AS n, SUM(x.amount) AS total
              FROM (SELECT %s AS h, o.price_with_disc AS amount
                      FROM wb_orders o
                     WHERE o.cabinet_id = ? AND o.order_date >= ? AND o.order_date < ?) x
             GROUP BY x.h
            """.formatted(Day.hourOf("o.order_date"));

    static final String CANCELLATIONS_BY_HOUR = """
            SELECT x.h, NULL AS sale_type, COUNT(*) AS n, SUM(x.amount) AS total
              FROM (SELECT %s AS h, o.price_with_disc AS amount
                      FROM wb_orders o
                     WHERE o.cabinet_id = ? AND o.cancel_date >= ? AND o.cancel_date < ? AND o.is_cancel = TRUE) x
             GROUP BY x.h
            """.formatted(Day.hourOf("o.cancel_date"));

    static final String SALES_BY_HOUR = """
            SELECT x.h, x.sale_type, COUNT(*) AS n, SUM(x.amount) AS total
              FROM (SELECT %s AS h, s.sale_type, ABS(s.price_with_disc) AS amount
                      FROM wb_sales s
                     WHERE s.cabinet_id = ? AND s.sale_date >= ? AND s.sale_date < ?) x
             GROUP BY x.h, x.sale_type
            """.formatted(Day.hourOf("s.sale_date"));

    static final String SALES_IN_RANGE = """
            SELECT sale_type, COUNT(*) AS n, SUM(ABS(price_with_disc)) AS total
              FROM wb_sales
             WHERE cabinet_id = ? AND sale_date >= ? AND sale_date < ?
             GROUP BY sale_type
            """;

    /** Ranks first, then looks up the titles of the few products ranked (not of every order line). */
    static final String TOP_PRODUCTS = """
            SELECT t.nm_id, COALESCE(p.title, t.subject) AS title, t.n, t.total
              FROM (SELECT o.nm_id, MAX(o.subject) AS subject, COUNT(*) AS n, SUM(o.price_with_disc) AS total
                      FROM wb_orders o
                     WHERE o.cabinet_id = ? AND o.order_date >= ? AND o.order_date < ?
                     GROUP BY o.nm_id
                     ORDER BY n DESC, total DESC, o.nm_id
                     LIMIT ?) t
              LEFT JOIN wb_products p ON p.cabinet_id = ? AND p.nm_id = t.nm_id
             ORDER BY t.n DESC, t.total DESC, t.nm_id
            """;

    private Activity() {}

    /** The figures of each of {@code days} (consecutive, oldest first), days without activity included as zeros. */
    public static List<DayFigures> daily(Connection c, long cabinetId, List<Day> days) throws SQLException {
        Object[] range = {cabinetId, days.getFirst().start(), days.getLast().end()};
        Map<LocalDate, Tally> orders = new HashMap<>();
        Map<LocalDate, Tally> cancellations = new HashMap<>();
        Map<LocalDate, Tally> buyouts = new HashMap<>();
        Map<LocalDate, Tally> returns = new HashMap<>();
        addUp(Sql.query(c, ORDERS_BY_HOUR, HourRow::read, range), row -> orders);
        addUp(Sql.query(c, CANCELLATIONS_BY_HOUR, HourRow::read, range), row -> cancellations);
        addUp(
                Sql.query(c, SALES_BY_HOUR, HourRow::read, range),
                row -> "buyout".equals(row.saleType()) ? buyouts : returns);
        List<DayFigures> figures = new ArrayList<>(days.size());
        for (Day day : days) {
            LocalDate date = day.date();
            figures.add(new DayFigures(
                    date,
                    orders.getOrDefault(date, Tally.ZERO),
                    buyouts.getOrDefault(date, Tally.ZERO),
                    returns.getOrDefault(date, Tally.ZERO),
                    cancellations.getOrDefault(date, Tally.ZERO)));
        }
        return figures;
    }

    /** The buyouts and returns of [from, to). */
    static Settlement settlement(Connection c, long cabinetId, Instant from, Instant to) throws SQLException {
        Map<String, Tally> byType = new HashMap<>();
        Sql.query(
                        c,
                        SALES_IN_RANGE,
                        rs -> Map.entry(
                                rs.getString("sale_type"), new Tally(rs.getLong("n"), rs.getBigDecimal("total"))),
                        cabinetId,
                        from,
                        to)
                .forEach(e -> byType.put(e.getKey(), e.getValue()));
        return new Settlement(byType.getOrDefault("buyout", Tally.ZERO), byType.getOrDefault("return", Tally.ZERO));
    }

    /** The products with the most order lines in [from, to), most first. */
    public static List<TopProduct> topProducts(Connection c, long cabinetId, Instant from, Instant to, int limit)
            throws SQLException {
        return Sql.query(
                c,
                TOP_PRODUCTS,
                rs -> new TopProduct(
                        rs.getLong("nm_id"),
                        rs.getString("title"),
                        rs.getLong("n"),
                        Tally.roubles(rs.getBigDecimal("total"))),
                cabinetId,
                from,
                to,
                limit,
                cabinetId);
    }

    /** Adds each hour's tally to its Moscow day in the map {@code target} picks for the row. */
    private static void addUp(List<HourRow> rows, Function<HourRow, Map<LocalDate, Tally>> target) {
        for (HourRow row : rows) {
            target.apply(row).merge(Day.dateOfHour(row.hour()), row.tally(), Tally::plus);
        }
    }

    /** One UTC hour's rows (of one sale type, for sales). */
    private record HourRow(long hour, String saleType, Tally tally) {

        static HourRow read(ResultSet rs) throws SQLException {
            return new HourRow(
                    rs.getLong("h"), rs.getString("sale_type"), new Tally(rs.getLong("n"), rs.getBigDecimal("total")));
        }
    }
}
