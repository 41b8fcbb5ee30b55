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
 * What a new-order card tells about its product: the stock left over all warehouses with its runway (null when the
 * cabinet's stocks are not synced), and the buyout rate of the last 30 days — buyouts ÷ (buyouts + returns), as in
 * the analytics (null without either).
 */
public record ProductPulse(Integer stockLeft, BigDecimal daysLeft, BigDecimal buyoutRate30d) {

    static final Duration BUYOUT_WINDOW = Duration.ofDays(30);
    static final ProductPulse NONE = new ProductPulse(null, null, null);

    static Map<Long, ProductPulse> load(Connection c, long cabinetId, Collection<Long> nmIds, Instant now)
            throws SQLException {
        List<Long> ids = List.copyOf(nmIds);
        Map<Long, Integer> stock = new HashMap<>();
        Map<Long, long[]> settled = new HashMap<>();
        for (int from = 0; from < ids.size(); from += Sql.MAX_LIST) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.MAX_LIST));
            String in = Sql.placeholders(chunk.size());
            List<Object> params = new ArrayList<>();
            params.add(cabinetId);
            params.addAll(chunk);
            for (var row : Sql.query(
                    c,
                    "SELECT nm_id, SUM(quantity) FROM wb_stocks WHERE cabinet_id = ? AND nm_id IN (" + in
                            + ") GROUP BY nm_id",
                    rs -> Map.entry(rs.getLong(1), rs.getInt(2)),
                    params.toArray())) {
                stock.put(row.getKey(), row.getValue());
            }
            params.add(now.minus(BUYOUT_WINDOW));
            for (var row : Sql.query(
                    c,
                    "SELECT nm_id, sale_type, COUNT(*) FROM wb_sales WHERE cabinet_id = ? AND nm_id IN (" + in
                            + ") AND sale_date >= ? GROUP BY nm_id, sale_type",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)},
                    params.toArray())) {
                settled.computeIfAbsent((Long) row[0], k -> new long[2])["buyout".equals(row[1]) ? 0 : 1] +=
                        (Long) row[2];
            }
        }
        // the pace only for products with stock rows: the others show no stock line, so their orders need no count
        Map<Long, StockRunway> runways = StockRunway.of(c, cabinetId, stock, stock.keySet(), now);
        Map<Long, ProductPulse> pulses = new HashMap<>();
        for (long nmId : ids) {
            long[] s = settled.get(nmId);
            BigDecimal rate = s == null || s[0] + s[1] == 0
                    ? null
                    : BigDecimal.valueOf(s[0]).divide(BigDecimal.valueOf(s[0] + s[1]), 4, RoundingMode.HALF_UP);
            Integer left = stock.get(nmId);
            pulses.put(
                    nmId,
                    new ProductPulse(
                            left, left == null ? null : runways.get(nmId).daysLeft(), rate));
        }
        return pulses;
    }
}
