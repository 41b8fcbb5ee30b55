package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.wbassist.api.Insights.OrderLine;
import ru.wbassist.api.Insights.Sale;
import ru.wbassist.api.Insights.Tally;
import ru.wbassist.db.Sql;

/**
 * A cabinet's latest order lines and sales, newest first, with the product card's title and photo (the order's
 * subject stands in for a title while the card has not been synced). An order only the live feed has told of yet shows
 * the buyer's city where statistics would give the region.
 */
final class RecentLists {

    /** A buyout or return; amounts are absolute values, {@code saleType} gives the direction. */
    static final String ORDERS = """
            SELECT o.srid, o.nm_id, COALESCE(p.title, o.subject) AS title, p.image_url, o.supplier_article, o.tech_size,
                   o.price_with_disc, o.finished_price, o.warehouse_name,
                   COALESCE(o.region_name, o.destination_city) AS region_name, o.status, o.order_date,
                   o.cancel_date
              FROM wb_orders o
              LEFT JOIN wb_products p ON p.cabinet_id = o.cabinet_id AND p.nm_id = o.nm_id
             WHERE o.cabinet_id = ? %s
             ORDER BY o.order_date DESC, o.id DESC
             LIMIT ? OFFSET ?
            """;

    static final String SALES = """
            SELECT s.sale_id, s.srid, s.nm_id, COALESCE(p.title, s.subject) AS title, s.sale_type, s.sale_date,
                   ABS(s.price_with_disc) AS price, ABS(s.for_pay) AS for_pay, s.warehouse_name, s.region_name
              FROM wb_sales s
              LEFT JOIN wb_products p ON p.cabinet_id = s.cabinet_id AND p.nm_id = s.nm_id
             WHERE s.cabinet_id = ? %s
             ORDER BY s.sale_date DESC, s.id DESC
             LIMIT ?
            """;

    private RecentLists() {}

    /** How many order lines of the cabinet have {@code status} (any status when empty). */
    static long countOrders(Connection c, long cabinetId, Optional<String> status) throws SQLException {
        return Sql.queryLong(
                c,
                "SELECT COUNT(*) FROM wb_orders o WHERE o.cabinet_id = ? " + statusFilter(status),
                params(cabinetId, status));
    }

    static List<OrderLine> orders(Connection c, long cabinetId, Optional<String> status, int limit, long offset)
            throws SQLException {
        return Sql.query(
                c,
                ORDERS.formatted(statusFilter(status)),
                rs -> new OrderLine(
                        rs.getString("srid"),
                        rs.getLong("nm_id"),
                        rs.getString("title"),
                        rs.getString("image_url"),
                        rs.getString("supplier_article"),
                        rs.getString("tech_size"),
                        money(rs.getBigDecimal("price_with_disc")),
                        money(rs.getBigDecimal("finished_price")),
                        rs.getString("warehouse_name"),
                        rs.getString("region_name"),
                        rs.getString("status"),
                        Sql.instant(rs, "order_date"),
                        Sql.instant(rs, "cancel_date")),
                params(cabinetId, status, limit, offset));
    }

    static List<Sale> sales(Connection c, long cabinetId, Optional<String> saleType, int limit) throws SQLException {
        String filter = saleType.isPresent() ? "AND s.sale_type = ?" : "";
        return Sql.query(
                c,
                SALES.formatted(filter),
                rs -> new Sale(
                        rs.getString("sale_id"),
                        rs.getString("srid"),
                        rs.getLong("nm_id"),
                        rs.getString("title"),
                        rs.getString("sale_type"),
                        Sql.instant(rs, "sale_date"),
                        money(rs.getBigDecimal("price")),
                        money(rs.getBigDecimal("for_pay")),
                        rs.getString("warehouse_name"),
                        rs.getString("region_name")),
                params(cabinetId, saleType, limit));
    }

    private static String statusFilter(Optional<String> status) {
        return status.isPresent() ? "AND o.status = ?" : "";
    }

    /** The cabinet id, the optional filter value when present, then the rest. */
    private static Object[] params(long cabinetId, Optional<String> filter, Object... rest) {
        List<Object> params = new ArrayList<>();
        params.add(cabinetId);
        filter.ifPresent(params::add);
        params.addAll(List.of(rest));
        return params.toArray();
    }

    /** A price WB has not filled in yet stays null rather than pretending to be zero. */
    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : Tally.roubles(amount);
    }
}
