package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.wbassist.api.Insights.CriticalProduct;
import ru.wbassist.api.Insights.Warehouse;
import ru.wbassist.db.Sql;

/**
 * Critical stock: a product is critical when its total available quantity over all warehouses ({@code quantity}, not
 * what is in transit) is at or below the user's threshold for it — the per-product threshold when the user set one,
 * else {@code critical_stock_threshold} of their settings. Days left = total / (order lines of the last 7 × 24 h / 7).
 */
final class StockFigures {

    static final Duration DEMAND_WINDOW = Duration.ofDays(7);

    /** Products of the cabinet at or below their threshold: the first three parameters are user, cabinet, default. */
    static final String CRITICAL = """
            SELECT s.nm_id, SUM(s.quantity) AS total
              FROM wb_stocks s
              LEFT JOIN product_stock_thresholds t
                     ON t.user_id = ? AND t.cabinet_id = s.cabinet_id AND t.nm_id = s.nm_id
             WHERE s.cabinet_id = ?
             GROUP BY s.nm_id, t.threshold
            HAVING SUM(s.quantity) <= COALESCE(t.threshold, ?)
            """;

    static final String CRITICAL_PRODUCTS = """
            SELECT x.nm_id, x.total, p.title, p.vendor_code, p.image_url
              FROM (%s) x
              LEFT JOIN wb_products p ON p.cabinet_id = ? AND p.nm_id = x.nm_id
             ORDER BY x.total, x.nm_id
             LIMIT ?
            """.formatted(CRITICAL);

    static final String WAREHOUSES = """
            SELECT nm_id, warehouse_name, SUM(quantity) AS quantity, SUM(in_way_to_client) AS to_client,
                   SUM(in_way_from_client) AS from_client
              FROM wb_stocks
             WHERE cabinet_id = ? AND nm_id IN (%s)
             GROUP BY nm_id, warehouse_name
             ORDER BY nm_id, warehouse_name
            """;

    static final String ORDERS_SINCE = """
            SELECT nm_id, COUNT(*) AS n
              FROM wb_orders
             WHERE cabinet_id = ? AND nm_id IN (%s) AND order_date >= ?
             GROUP BY nm_id
            """;

    private StockFigures() {}

    static long countCritical(Connection c, Viewer viewer, long cabinetId) throws SQLException {
        return Sql.queryLong(
                c,
                "SELECT COUNT(*) FROM (" + CRITICAL + ") x",
                viewer.userId(),
                cabinetId,
                viewer.criticalStockThreshold());
    }

    /** The critical products, lowest stock first, each with its warehouses and recent demand. */
    static List<CriticalProduct> critical(Connection c, Viewer viewer, long cabinetId, int limit, Instant now)
            throws SQLException {
        List<CriticalProduct> bare = Sql.query(
                c,
                CRITICAL_PRODUCTS,
                rs -> new CriticalProduct(
                        rs.getLong("nm_id"),
                        rs.getString("title"),
                        rs.getString("vendor_code"),
                        rs.getString("image_url"),
                        rs.getLong("total"),
                        List.of(),
                        0,
                        null),
                viewer.userId(),
                cabinetId,
                viewer.criticalStockThreshold(),
                cabinetId,
                limit);
        if (bare.isEmpty()) {
            return bare;
        }
        String in = String.join(", ", Collections.nCopies(bare.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(cabinetId);
        bare.forEach(p -> params.add(p.nmId()));
        Map<Long, List<Warehouse>> warehouses = Sql.query(
                        c,
                        WAREHOUSES.formatted(in),
                        rs -> Map.entry(
                                rs.getLong("nm_id"),
                                new Warehouse(
                                        rs.getString("warehouse_name"),
                                        rs.getLong("quantity"),
                                        rs.getLong("to_client"),
                                        rs.getLong("from_client"))),
                        params.toArray())
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        params.add(now.minus(DEMAND_WINDOW));
        Map<Long, Long> demand = Sql.query(
                        c,
                        ORDERS_SINCE.formatted(in),
                        rs -> Map.entry(rs.getLong("nm_id"), rs.getLong("n")),
                        params.toArray())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return bare.stream()
                .map(p -> {
                    long orders = demand.getOrDefault(p.nmId(), 0L);
                    return new CriticalProduct(
                            p.nmId(),
                            p.title(),
                            p.article(),
                            p.imageUrl(),
                            p.total(),
                            warehouses.getOrDefault(p.nmId(), List.of()),
                            orders,
                            daysLeft(p.total(), orders));
                })
                .toList();
    }

    /** Total / daily demand, one decimal; null when nothing was ordered (the stock is not running out). */
    static BigDecimal daysLeft(long total, long ordersInWindow) {
        if (ordersInWindow == 0) {
            return null;
        }
        return BigDecimal.valueOf(total * DEMAND_WINDOW.toDays())
                .divide(BigDecimal.valueOf(ordersInWindow), 1, RoundingMode.HALF_UP);
    }
}
