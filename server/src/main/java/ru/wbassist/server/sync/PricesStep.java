package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.events.PriceLevel;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbPrice;
import ru.wbassist.server.wb.WbQuarantine;

/**
 * Prices: every card's price and the uploads WB holds in quarantine (discounts-prices-api) replace the stored rows, a
 * snapshot like stocks. The sink gets the levels before and after, which is what price events compare.
 */
final class PricesStep implements DataSetStep<PricesStep.Snapshot> {

    record Snapshot(List<WbPrice> prices, List<WbQuarantine> quarantine) {}

    private static final String INSERT = """
            INSERT INTO wb_prices (cabinet_id, nm_id, price, discount, discounted_price, quarantine_price,
                quarantine_discount, synced_at)
            VALUES (?,?,?,?,?,?,?,?)""";

    private final WbClient wb;

    PricesStep(WbClient wb) {
        this.wb = wb;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.PRICES;
    }

    @Override
    public Fetched<Snapshot> fetch(WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        return new Fetched<>(new Snapshot(wb.prices(credentials), wb.quarantine(credentials)), now.toString());
    }

    @Override
    public Stored store(Connection c, long cabinetId, Snapshot snapshot, Optional<EventSink> events, Instant now)
            throws SQLException {
        Map<Long, PriceLevel> before = new HashMap<>();
        for (var row : Sql.query(
                c,
                "SELECT nm_id, price, discount, discounted_price, quarantine_price,"
                        + " quarantine_discount FROM wb_prices WHERE cabinet_id = ?",
                rs -> Map.entry(
                        rs.getLong(1),
                        new PriceLevel(
                                rs.getBigDecimal(2),
                                rs.getInt(3),
                                rs.getBigDecimal(4),
                                rs.getBigDecimal(5),
                                Sql.integer(rs, "quarantine_discount"))),
                cabinetId)) {
            before.put(row.getKey(), row.getValue());
        }
        Map<Long, WbQuarantine> held = new HashMap<>();
        snapshot.quarantine().forEach(q -> held.put(q.nmId(), q));
        Map<Long, PriceLevel> after = new HashMap<>();
        for (WbPrice p : snapshot.prices()) {
            WbQuarantine q = held.get(p.nmId());
            after.put(
                    p.nmId(),
                    new PriceLevel(
                            p.price(),
                            p.discount(),
                            p.discountedPrice(),
                            q == null ? null : q.newPrice(),
                            q == null ? null : q.newDiscount()));
        }
        Sql.update(c, "DELETE FROM wb_prices WHERE cabinet_id = ?", cabinetId);
        Jdbc.batch(c, INSERT, after.entrySet(), e -> new Object[] {
            cabinetId,
            e.getKey(),
            e.getValue().price(),
            e.getValue().discount(),
            e.getValue().discountedPrice(),
            e.getValue().quarantinePrice(),
            e.getValue().quarantineDiscount(),
            now
        });
        if (events.isPresent()) {
            events.get().pricesStored(c, cabinetId, before, after);
        }
        return new Stored(after.size(), 0);
    }
}
