package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbSale;

/**
 * Sales (buyouts and returns): upsert by saleID (WB fills the money fields within 24 h, so changed rows are
 * rewritten); each new sale sets its order's status to {@code buyout} or {@code return}, the latest sale winning.
 */
final class SalesStep implements DataSetStep<List<WbSale>> {

    private static final String INSERT = """
            INSERT INTO wb_sales (cabinet_id, sale_id, srid, g_number, nm_id, supplier_article, barcode, tech_size,
                subject, brand, warehouse_name, region_name, total_price, price_with_disc, finished_price, for_pay,
                payment_sale_amount, sale_date, last_change_date, sale_type, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";
    private static final String UPDATE = """
            UPDATE wb_sales SET srid = ?, total_price = ?, price_with_disc = ?, finished_price = ?, for_pay = ?,
                payment_sale_amount = ?, sale_date = ?, last_change_date = ?, synced_at = ?
             WHERE cabinet_id = ? AND sale_id = ?""";
    /** A buyout row that arrives after the order feed already reported the return does not undo it. */
    private static final String ORDER_STATUS = "UPDATE wb_orders SET status = ? WHERE cabinet_id = ? AND srid = ?"
            + " AND NOT (status = 'return' AND ? = 'buyout')";

    private final WbClient wb;
    private final Duration overlap;
    private final Duration history;

    SalesStep(WbClient wb, Duration overlap, Duration history) {
        this.wb = wb;
        this.overlap = overlap;
        this.history = history;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.SALES;
    }

    @Override
    public Fetched<List<WbSale>> fetch(
            WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        Instant dateFrom = StatisticsCursor.dateFrom(cursor, overlap, history, now);
        List<WbSale> rows = wb.sales(credentials, dateFrom);
        return new Fetched<>(rows, StatisticsCursor.next(cursor, rows, dateFrom));
    }

    @Override
    public Stored store(Connection c, long cabinetId, List<WbSale> rows, Optional<EventSink> events, Instant now)
            throws SQLException {
        Map<String, Instant> existing = Jdbc.existing(
                c,
                "wb_sales",
                "sale_id",
                "last_change_date",
                cabinetId,
                rows.stream().map(WbSale::saleId).toList(),
                rs -> Sql.instant(rs, "last_change_date"));
        List<WbSale> inserts = new ArrayList<>();
        List<WbSale> updates = new ArrayList<>();
        for (WbSale s : rows) {
            Instant before = existing.get(s.saleId());
            if (before == null) {
                inserts.add(s);
            } else if (!s.lastChangeDate().equals(before)) {
                updates.add(s);
            }
        }
        inserts.sort(Comparator.comparing(WbSale::date));
        Jdbc.batch(c, INSERT, inserts, s -> new Object[] {
            cabinetId,
            s.saleId(),
            s.srid(),
            s.gNumber(),
            s.nmId(),
            s.supplierArticle(),
            s.barcode(),
            s.techSize(),
            s.subject(),
            s.brand(),
            s.warehouseName(),
            s.regionName(),
            s.totalPrice(),
            s.priceWithDisc(),
            s.finishedPrice(),
            s.forPay(),
            s.paymentSaleAmount(),
            s.date(),
            s.lastChangeDate(),
            s.type().orElseThrow().dbValue(),
            now
        });
        Jdbc.batch(c, UPDATE, updates, s -> new Object[] {
            s.srid(),
            s.totalPrice(),
            s.priceWithDisc(),
            s.finishedPrice(),
            s.forPay(),
            s.paymentSaleAmount(),
            s.date(),
            s.lastChangeDate(),
            now,
            cabinetId,
            s.saleId()
        });
        Jdbc.batch(
                c,
                ORDER_STATUS,
                inserts.stream()
                        .filter(s -> s.srid() != null && !s.srid().isEmpty())
                        .toList(),
                s -> new Object[] {
                    s.type().orElseThrow().dbValue(),
                    cabinetId,
                    s.srid(),
                    s.type().orElseThrow().dbValue()
                });
        if (events.isPresent() && !inserts.isEmpty()) {
            events.get()
                    .salesStored(
                            c, cabinetId, inserts.stream().map(WbSale::saleId).toList());
        }
        return new Stored(inserts.size() + updates.size(), 0);
    }
}
