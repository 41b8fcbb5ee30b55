package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbOrder;

/**
 * Orders: re-read from the cursor minus the overlap, upsert by srid (a row is rewritten only when WB changed it, or
 * when the order feed stored it first and statistics brings its prices). The status follows the row ({@code canceled}
 * when {@code isCancel}) unless a sale already made it {@code buyout}/{@code return}; a cancellation the order feed
 * reported stays even while statistics, refreshed later, does not show it yet.
 */
final class OrdersStep implements DataSetStep<List<WbOrder>> {

    /** The insert of a new order row; {@link #insertRow} gives its parameters (the ingest benchmark reuses both). */
    static final String INSERT = """
            INSERT INTO wb_orders (cabinet_id, srid, g_number, nm_id, supplier_article, barcode, tech_size, category,
                subject, brand, warehouse_name, warehouse_type, country_name, oblast_okrug_name, region_name, total_price,
                discount_percent, spp, finished_price, price_with_disc, order_date, last_change_date, is_cancel,
                cancel_date, status, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";

    private static final String UPDATE = """
            UPDATE wb_orders SET g_number = ?, nm_id = ?, supplier_article = ?, barcode = ?, tech_size = ?, category = ?,
                subject = ?, brand = ?, warehouse_name = ?, warehouse_type = ?, country_name = ?, oblast_okrug_name = ?,
                region_name = ?, total_price = ?, discount_percent = ?, spp = ?, finished_price = ?, price_with_disc = ?,
                order_date = ?, last_change_date = ?, is_cancel = ?, cancel_date = COALESCE(?, cancel_date), status = ?,
                synced_at = ?
             WHERE cabinet_id = ? AND srid = ?""";

    private final WbClient wb;
    private final Duration overlap;
    private final Duration history;

    OrdersStep(WbClient wb, Duration overlap, Duration history) {
        this.wb = wb;
        this.overlap = overlap;
        this.history = history;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.ORDERS;
    }

    @Override
    public Fetched<List<WbOrder>> fetch(
            WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        Instant dateFrom = StatisticsCursor.dateFrom(cursor, overlap, history, now);
        List<WbOrder> rows = wb.orders(credentials, dateFrom);
        return new Fetched<>(rows, StatisticsCursor.next(cursor, rows, dateFrom));
    }

    @Override
    public Stored store(Connection c, long cabinetId, List<WbOrder> rows, Optional<EventSink> events, Instant now)
            throws SQLException {
        Map<String, Previous> existing = Jdbc.existing(
                c,
                "wb_orders",
                "srid",
                "is_cancel, status, last_change_date, total_price",
                cabinetId,
                rows.stream().map(WbOrder::srid).toList(),
                rs -> new Previous(
                        rs.getBoolean("is_cancel"),
                        rs.getString("status"),
                        Sql.instant(rs, "last_change_date"),
                        rs.getBigDecimal("total_price") != null));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<String> newSrids = new ArrayList<>();
        List<String> newlyCancelled = new ArrayList<>();
        for (WbOrder o : rows) {
            Previous before = existing.get(o.srid());
            if (before == null) {
                inserts.add(insertRow(cabinetId, o, now));
                newSrids.add(o.srid());
                if (o.isCancel()) {
                    newlyCancelled.add(o.srid());
                }
            } else if (!o.lastChangeDate().equals(before.lastChange())
                    || o.isCancel() != before.cancelled()
                    || !before.fromStatistics()) {
                boolean cancelled = o.isCancel() || before.cancelled();
                updates.add(new Object[] {
                    o.gNumber(),
                    o.nmId(),
                    o.supplierArticle(),
                    o.barcode(),
                    o.techSize(),
                    o.category(),
                    o.subject(),
                    o.brand(),
                    o.warehouseName(),
                    o.warehouseType(),
                    o.countryName(),
                    o.oblastOkrugName(),
                    o.regionName(),
                    o.totalPrice(),
                    o.discountPercent(),
                    o.spp(),
                    o.finishedPrice(),
                    o.priceWithDisc(),
                    o.date(),
                    o.lastChangeDate(),
                    cancelled,
                    o.cancelDate(),
                    before.statusAfter(cancelled),
                    now,
                    cabinetId,
                    o.srid()
                });
                if (o.isCancel() && !before.cancelled()) {
                    newlyCancelled.add(o.srid());
                }
            }
        }
        Jdbc.batch(c, INSERT, inserts, row -> row);
        Jdbc.batch(c, UPDATE, updates, row -> row);
        if (events.isPresent() && (!newSrids.isEmpty() || !newlyCancelled.isEmpty())) {
            events.get().ordersStored(c, cabinetId, newSrids, newlyCancelled);
        }
        return new Stored(inserts.size() + updates.size(), 0);
    }

    /**
     * What the stored row said before this run; {@code fromStatistics} is false while the row holds only what the
     * order feed knew (no prices yet).
     */
    private record Previous(boolean cancelled, String status, Instant lastChange, boolean fromStatistics) {

        /** A sale's verdict (buyout/return) outlives later edits of the order row; a cancellation always shows. */
        String statusAfter(boolean cancelNow) {
            if (cancelNow) {
                return "canceled";
            }
            return "buyout".equals(status) || "return".equals(status) ? status : "active";
        }
    }

    static Object[] insertRow(long cabinetId, WbOrder o, Instant now) {
        return new Object[] {
            cabinetId,
            o.srid(),
            o.gNumber(),
            o.nmId(),
            o.supplierArticle(),
            o.barcode(),
            o.techSize(),
            o.category(),
            o.subject(),
            o.brand(),
            o.warehouseName(),
            o.warehouseType(),
            o.countryName(),
            o.oblastOkrugName(),
            o.regionName(),
            o.totalPrice(),
            o.discountPercent(),
            o.spp(),
            o.finishedPrice(),
            o.priceWithDisc(),
            o.date(),
            o.lastChangeDate(),
            o.isCancel(),
            o.cancelDate(),
            o.isCancel() ? "canceled" : "active",
            now
        };
    }
}
