package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbStock;

/**
 * Stocks: the analytics report for the cabinet's products replaces the stored rows (a snapshot, not a change log).
 * The sink gets the per-product totals before and after, which is what critical-stock alerts compare.
 */
final class StocksStep implements DataSetStep<List<WbStock>> {

    private static final String INSERT = """
            INSERT INTO wb_stocks (cabinet_id, nm_id, chrt_id, warehouse_name, warehouse_id, region_name, quantity,
                in_way_to_client, in_way_from_client, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?)""";

    private final WbClient wb;
    private final Database db;

    StocksStep(WbClient wb, Database db) {
        this.wb = wb;
        this.db = db;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.STOCKS;
    }

    @Override
    public Fetched<List<WbStock>> fetch(
            WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        List<Long> nmIds = db.withConnection(c -> Sql.query(
                c,
                "SELECT nm_id FROM wb_products WHERE cabinet_id = ? ORDER BY nm_id",
                rs -> rs.getLong(1),
                cabinetId));
        return new Fetched<>(wb.stocks(credentials, nmIds), now.toString());
    }

    @Override
    public Stored store(Connection c, long cabinetId, List<WbStock> rows, Optional<EventSink> events, Instant now)
            throws SQLException {
        Map<Long, Integer> before = new HashMap<>();
        for (Total total : Sql.query(
                c,
                "SELECT nm_id, SUM(quantity) FROM wb_stocks WHERE cabinet_id = ?" + " GROUP BY nm_id",
                rs -> new Total(rs.getLong(1), rs.getInt(2)),
                cabinetId)) {
            before.put(total.nmId(), total.quantity());
        }
        // WB may list one size in one warehouse twice (the report is per warehouse id; names repeat): sum them.
        Map<List<Object>, WbStock> merged = new LinkedHashMap<>();
        for (WbStock s : rows) {
            String warehouse = s.warehouseName() == null ? "" : s.warehouseName();
            merged.merge(
                    List.of(s.nmId(), s.chrtId(), warehouse),
                    s,
                    (a, b) -> new WbStock(
                            a.nmId(),
                            a.chrtId(),
                            a.warehouseId(),
                            warehouse,
                            a.regionName(),
                            a.quantity() + b.quantity(),
                            a.inWayToClient() + b.inWayToClient(),
                            a.inWayFromClient() + b.inWayFromClient()));
        }
        Sql.update(c, "DELETE FROM wb_stocks WHERE cabinet_id = ?", cabinetId);
        Jdbc.batch(c, INSERT, merged.values(), s -> new Object[] {
            cabinetId,
            s.nmId(),
            s.chrtId(),
            s.warehouseName() == null ? "" : s.warehouseName(),
            s.warehouseId(),
            s.regionName(),
            s.quantity(),
            s.inWayToClient(),
            s.inWayFromClient(),
            now
        });
        Map<Long, Integer> after = new HashMap<>();
        merged.values().forEach(s -> after.merge(s.nmId(), s.quantity(), Integer::sum));
        if (events.isPresent()) {
            events.get().stocksStored(c, cabinetId, before, after);
        }
        return new Stored(merged.size(), 0);
    }

    private record Total(long nmId, int quantity) {}
}
