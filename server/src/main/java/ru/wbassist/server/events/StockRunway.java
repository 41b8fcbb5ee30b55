package ru.wbassist.server.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.wbassist.db.Sql;

/**
 * How many days a product's stock lasts: the available quantity over all warehouses (not what is in transit) ÷ its
 * average daily order lines over the last 14 × 24 h, cancelled ones excluded. A product without such orders has no
 * runway (it is not running out at any known pace).
 */
public record StockRunway(long nmId, int total, long orders) {

    public static final Duration WINDOW = Duration.ofDays(14);
    private static final BigDecimal WINDOW_DAYS = BigDecimal.valueOf(WINDOW.toDays());

    /** Order lines a day, one decimal. */
    public BigDecimal perDay() {
        return BigDecimal.valueOf(orders).divide(WINDOW_DAYS, 1, RoundingMode.HALF_UP);
    }

    /** Days of stock left, one decimal (from the unrounded pace); null without orders. */
    public BigDecimal daysLeft() {
        return orders == 0
                ? null
                : BigDecimal.valueOf(total)
                        .multiply(WINDOW_DAYS)
                        .divide(BigDecimal.valueOf(orders), 1, RoundingMode.HALF_UP);
    }

    /** Whether the stock runs out within {@code horizonDays}; false without orders. */
    public boolean within(int horizonDays) {
        // total / (orders / 14) <= horizon, in integers: no rounding decides a crossing
        return orders > 0 && (long) total * WINDOW.toDays() <= (long) horizonDays * orders;
    }

    public enum Verdict {
        /** Tell the user now, and remember that they were told. */
        FIRE,
        /** The runway is above the horizon again (a restock): forget the alert, so the next fall fires again. */
        REARM,
        NONE
    }

    /**
     * The rule for one product and user: fire once when a fall of the stock leaves it within the horizon; re-arm when
     * it is above the horizon; a product without orders in the window is skipped.
     */
    public Verdict judge(int totalBefore, int horizonDays, boolean alerted) {
        if (orders == 0) {
            return Verdict.NONE;
        }
        if (!within(horizonDays)) {
            return alerted ? Verdict.REARM : Verdict.NONE;
        }
        return !alerted && total < totalBefore ? Verdict.FIRE : Verdict.NONE;
    }

    /** The runway of each product given, with its stock total from {@code totals} (absent: 0). */
    public static Map<Long, StockRunway> of(
            Connection c, long cabinetId, Map<Long, Integer> totals, Collection<Long> nmIds, Instant now)
            throws SQLException {
        Map<Long, Long> orders = orders(c, cabinetId, nmIds, now);
        Map<Long, StockRunway> runways = new HashMap<>();
        for (long nmId : nmIds) {
            runways.put(nmId, new StockRunway(nmId, totals.getOrDefault(nmId, 0), orders.getOrDefault(nmId, 0L)));
        }
        return runways;
    }

    /** Every stocked or recently ordered product of the cabinet, with its runway. */
    public static List<StockRunway> all(Connection c, long cabinetId, Instant now) throws SQLException {
        Map<Long, Integer> totals = new HashMap<>();
        for (var row : Sql.query(
                c,
                "SELECT nm_id, SUM(quantity) FROM wb_stocks WHERE cabinet_id = ? GROUP BY nm_id",
                rs -> Map.entry(rs.getLong(1), rs.getInt(2)),
                cabinetId)) {
            totals.put(row.getKey(), row.getValue());
        }
        Map<Long, Long> orders = new HashMap<>();
        for (var row : Sql.query(
                c,
                "SELECT nm_id, COUNT(*) FROM wb_orders WHERE cabinet_id = ? AND order_date >= ?"
                        + " AND is_cancel = FALSE GROUP BY nm_id",
                rs -> Map.entry(rs.getLong(1), rs.getLong(2)),
                cabinetId,
                now.minus(WINDOW))) {
            orders.put(row.getKey(), row.getValue());
        }
        List<StockRunway> all = new ArrayList<>();
        totals.forEach((nmId, total) -> all.add(new StockRunway(nmId, total, orders.getOrDefault(nmId, 0L))));
        orders.forEach((nmId, n) -> {
            if (!totals.containsKey(nmId)) {
                all.add(new StockRunway(nmId, 0, n));
            }
        });
        return all;
    }

    /** Order lines of the window per product (the (cabinet, nm_id, order_date) index answers each). */
    private static Map<Long, Long> orders(Connection c, long cabinetId, Collection<Long> nmIds, Instant now)
            throws SQLException {
        List<Long> ids = new ArrayList<>(nmIds);
        Map<Long, Long> orders = new HashMap<>();
        for (int from = 0; from < ids.size(); from += Sql.MAX_LIST) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.MAX_LIST));
            List<Object> params = new ArrayList<>();
            params.add(cabinetId);
            params.addAll(chunk);
            params.add(now.minus(WINDOW));
            for (var row : Sql.query(
                    c,
                    "SELECT nm_id, COUNT(*) FROM wb_orders WHERE cabinet_id = ? AND nm_id IN ("
                            + Sql.placeholders(chunk.size()) + ") AND order_date >= ? AND is_cancel = FALSE"
                            + " GROUP BY nm_id",
                    rs -> Map.entry(rs.getLong(1), rs.getLong(2)),
                    params.toArray())) {
                orders.put(row.getKey(), row.getValue());
            }
        }
        return orders;
    }
}
