package ru.wbassist.server.events;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.notifications.FanOut;
import ru.wbassist.server.notifications.QueueSignal;
import ru.wbassist.server.notifications.QueueWakeups;

/**
 * Writes rows the way the sync does (same tables, same columns) and then reports them to the {@link EventSink} in
 * the same transaction, so detection is tested exactly as the sync drives it.
 */
public final class DetectionFixture {

    public static final String PHOTO = "https://basket-01.wbbasket.ru/vol1/part1/%d/images/big/1.webp";

    public final Database db;
    public final MutableClock clock;
    public final QueueSignal signal = new QueueSignal();
    public final QueueWakeups wakeups;
    public final EventDetector sink;
    private final Map<Long, Map<Long, Integer>> stock = new HashMap<>();

    public DetectionFixture(Database db, MutableClock clock) {
        this.db = db;
        this.clock = clock;
        this.wakeups = new QueueWakeups(db, signal, clock, Duration.ofMillis(10));
        this.sink = new EventDetector(new FanOut(wakeups, clock, TestMeters.detached()), clock, TestMeters.detached());
    }

    public long user(long telegramId) {
        return db.inTransaction(c -> Sql.insert(
                c,
                "INSERT INTO users (telegram_id, username, created_at, updated_at)" + " VALUES (?,?,?,?)",
                telegramId,
                "u" + telegramId,
                clock.instant(),
                clock.instant()));
    }

    public long cabinet(String name, long... userIds) {
        return db.inTransaction(c -> {
            long id = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, created_at,"
                            + " baseline_completed_at) VALUES (?,?,?,?,?)",
                    name,
                    "enc",
                    UUID.randomUUID().toString(),
                    clock.instant(),
                    clock.instant());
            for (int i = 0; i < userIds.length; i++) {
                link(c, id, userIds[i], i == 0 ? "owner" : "member");
            }
            return id;
        });
    }

    public void join(long cabinetId, long userId) {
        db.inTransaction(c -> {
            link(c, cabinetId, userId, "member");
            return null;
        });
    }

    private void link(Connection c, long cabinetId, long userId, String role) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO cabinet_users (cabinet_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                cabinetId,
                userId,
                role,
                clock.instant());
    }

    /** Runs a settings UPDATE for a user (creating the row). */
    public void settings(long userId, String assignments, Object... params) {
        db.inTransaction(c -> {
            if (Sql.queryLong(c, "SELECT COUNT(*) FROM notification_settings WHERE user_id = ?", userId) == 0) {
                Sql.update(c, "INSERT INTO notification_settings (user_id) VALUES (?)", userId);
            }
            Object[] all = new Object[params.length + 1];
            System.arraycopy(params, 0, all, 0, params.length);
            all[params.length] = userId;
            Sql.update(c, "UPDATE notification_settings SET " + assignments + " WHERE user_id = ?", all);
            return null;
        });
    }

    public void product(long cabinetId, long nmId, String title, String vendorCode) {
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO wb_products (cabinet_id, nm_id, vendor_code, title, image_url)" + " VALUES (?,?,?,?,?)",
                cabinetId,
                nmId,
                vendorCode,
                title,
                PHOTO.formatted(nmId)));
    }

    /** Stores new orders and reports them, as one sync transaction. */
    public void orders(long cabinetId, List<String> srids, long nmId, Instant orderDate) {
        db.inTransaction(c -> {
            for (String srid : srids) {
                insertOrder(c, cabinetId, srid, nmId, orderDate);
            }
            sink.ordersStored(c, cabinetId, srids, List.of());
            return null;
        });
    }

    public void order(long cabinetId, String srid, long nmId) {
        orders(cabinetId, List.of(srid), nmId, clock.instant().minusSeconds(600));
    }

    public static void insertOrder(Connection c, long cabinetId, String srid, long nmId, Instant orderDate)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_orders (cabinet_id, srid, nm_id, supplier_article, barcode, tech_size, warehouse_name,"
                        + " region_name, total_price, discount_percent, price_with_disc, finished_price, order_date,"
                        + " last_change_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                cabinetId,
                srid,
                nmId,
                "ART-" + nmId,
                "2000" + nmId,
                "M",
                "Коледино",
                "Московская",
                new BigDecimal("2000"),
                25,
                new BigDecimal("1500"),
                new BigDecimal("1350"),
                orderDate,
                orderDate);
    }

    public void cancel(long cabinetId, String srid) {
        db.inTransaction(c -> {
            Sql.update(
                    c,
                    "UPDATE wb_orders SET is_cancel = TRUE, cancel_date = ?, status = 'canceled', last_change_date = ?"
                            + " WHERE cabinet_id = ? AND srid = ?",
                    clock.instant(),
                    clock.instant(),
                    cabinetId,
                    srid);
            sink.ordersStored(c, cabinetId, List.of(), List.of(srid));
            return null;
        });
    }

    public void sale(long cabinetId, String saleId, long nmId) {
        db.inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO wb_sales (cabinet_id, sale_id, srid, nm_id, supplier_article, tech_size,"
                            + " warehouse_name, region_name, price_with_disc, for_pay, sale_date, last_change_date, sale_type)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    cabinetId,
                    saleId,
                    "srid-" + saleId,
                    nmId,
                    "ART-" + nmId,
                    "M",
                    "Коледино",
                    "Московская",
                    new BigDecimal("1500"),
                    new BigDecimal("1200"),
                    clock.instant(),
                    clock.instant(),
                    saleId.startsWith("R") ? "return" : "buyout");
            sink.salesStored(c, cabinetId, List.of(saleId));
            return null;
        });
    }

    public void review(long cabinetId, String reviewId, long nmId, int rating, String text) {
        db.inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, product_name, rating, text, pros, cons,"
                            + " user_name, created_date) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    cabinetId,
                    reviewId,
                    nmId,
                    "Товар",
                    rating,
                    text,
                    "",
                    "Маломерит",
                    "Анна",
                    clock.instant());
            sink.reviewsStored(c, cabinetId, List.of(reviewId));
            return null;
        });
    }

    /** Replaces the stock of a product (warehouse → quantity) and reports the totals, as the stocks sync does. */
    public void stock(long cabinetId, long nmId, Map<String, Integer> byWarehouse) {
        db.inTransaction(c -> {
            Map<Long, Integer> before = new HashMap<>(stock.getOrDefault(cabinetId, Map.of()));
            Sql.update(c, "DELETE FROM wb_stocks WHERE cabinet_id = ? AND nm_id = ?", cabinetId, nmId);
            int total = 0;
            for (var e : byWarehouse.entrySet()) {
                Sql.update(
                        c,
                        "INSERT INTO wb_stocks (cabinet_id, nm_id, chrt_id, warehouse_name, quantity) VALUES (?,?,?,?,?)",
                        cabinetId,
                        nmId,
                        1L,
                        e.getKey(),
                        e.getValue());
                total += e.getValue();
            }
            Map<Long, Integer> after = new HashMap<>(before);
            after.put(nmId, total);
            sink.stocksStored(c, cabinetId, before, after);
            stock.put(cabinetId, after);
            return null;
        });
    }

    /** Notification rows of a user: "type:status[:reason]" in id order. */
    public List<String> notifications(long userId) {
        return db.withConnection(c -> Sql.query(
                c,
                "SELECT event_type, status, suppressed_reason FROM notification_history"
                        + " WHERE user_id = ? ORDER BY id",
                rs -> rs.getString(1) + ":" + rs.getString(2) + (rs.getString(3) == null ? "" : ":" + rs.getString(3)),
                userId));
    }

    public long count(String table) {
        return db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + table));
    }

    public String lastText(long userId) {
        return db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT text FROM notification_history WHERE user_id = ?" + " ORDER BY id DESC LIMIT 1",
                        rs -> rs.getString(1),
                        userId)
                .orElseThrow());
    }
}
