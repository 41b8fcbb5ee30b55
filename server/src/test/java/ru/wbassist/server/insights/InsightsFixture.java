package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.time.Moscow;

/**
 * A known data set loaded straight into the tables, so tests can check every number an answer holds.
 *
 * <p>"Now" is Friday 2026-11-27 12:00 MSK (09:00 UTC). Alice (1001) owns "Shop A" and shares "Shop B" with its owner
 * Bob (1002); Carol (1003) owns "Shop C", whose data must never show up for the others; Dave (1004) has no cabinet.
 * Alice set her thresholds (critical stock 10, negative review 2); Bob never opened his settings (defaults 5 and 3).
 * The comments next to the rows say where each row counts; the tests repeat the arithmetic.
 */
public final class InsightsFixture {

    public static final Instant NOW = Moscow.parseInput("2026-11-27T12:00:00");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final long ALICE = 1001;
    public static final long BOB = 1002;
    public static final long CAROL = 1003;
    public static final long DAVE = 1004;

    public long aliceId;
    public long bobId;
    public long carolId;
    public long daveId;
    public long shopA;
    public long shopB;
    public long shopC;

    private InsightsFixture() {}

    public static InsightsFixture load(Database db) {
        InsightsFixture f = new InsightsFixture();
        db.inTransaction(c -> {
            f.insert(c);
            return null;
        });
        return f;
    }

    /** A naive Moscow wall time, as WB writes it. */
    public static Instant msk(String localDateTime) {
        return Moscow.parseInput(localDateTime);
    }

    private void insert(Connection c) throws SQLException {
        aliceId = user(c, ALICE, "alice", "Alice", "2026-11-01T10:00:00");
        bobId = user(c, BOB, "bob", "Bob", "2026-11-02T10:00:00");
        carolId = user(c, CAROL, "carol", "Carol", "2026-11-03T10:00:00");
        daveId = user(c, DAVE, null, "Dave", "2026-11-04T10:00:00");
        shopA = cabinet(c, "Shop A", "2026-11-01T11:00:00");
        shopB = cabinet(c, "Shop B", "2026-11-02T11:00:00");
        shopC = cabinet(c, "Shop C", "2026-11-03T11:00:00");
        link(c, shopA, aliceId, "owner", "2026-11-01T11:00:00");
        link(c, shopB, bobId, "owner", "2026-11-02T11:00:00");
        link(c, shopB, aliceId, "member", "2026-11-05T09:00:00");
        link(c, shopC, carolId, "owner", "2026-11-03T11:00:00");
        Sql.update(
                c,
                "INSERT INTO notification_settings (user_id, critical_stock_threshold, negative_review_threshold)"
                        + " VALUES (?,?,?)",
                aliceId,
                10,
                2);

        // Shop A: the last successful run completed 11:50 MSK; a later run failed.
        syncLog(c, shopA, "orders", "success", "2026-11-27T10:59:00", "2026-11-27T11:00:00", 12, null);
        syncLog(c, shopA, "orders", "success", "2026-11-27T11:49:00", "2026-11-27T11:50:00", 3, null);
        syncLog(c, shopA, "sales", "failed", "2026-11-27T11:55:00", "2026-11-27T11:55:30", 0, "WB answered 500");

        product(c, shopA, 111, "Платье летнее", "DRESS-1", "https://img.example/111.jpg");
        product(c, shopA, 222, "Футболка", "TS-2", "https://img.example/222.jpg");
        product(c, shopA, 333, "Куртка", "JK-3", null);
        product(c, shopA, 444, "Шарф", "SC-4", null);

        // Orders of Shop A (price_with_disc). Today = 27 Nov MSK, yesterday = 26 Nov MSK.
        order(
                c,
                shopA,
                "A1",
                111,
                "2026-11-26T23:30:00",
                "1000.00",
                "active",
                null); // yesterday (20:30 UTC on the 26th)
        order(c, shopA, "A2", 111, "2026-11-27T00:30:00", "1500.00", "active", null); // today (21:30 UTC on the 26th)
        order(
                c,
                shopA,
                "A3",
                222,
                "2026-11-27T09:15:00",
                "700.50",
                "canceled",
                "2026-11-27T10:00:00"); // today, cancelled today
        order(
                c,
                shopA,
                "A4",
                222,
                "2026-11-25T12:00:00",
                "300.00",
                "canceled",
                "2026-11-26T23:59:59"); // cancelled yesterday
        order(c, shopA, "A5", 333, "2026-11-24T10:00:00", "2000.00", "buyout", null);
        order(
                c,
                shopA,
                "A6",
                111,
                "2026-11-20T10:00:00",
                "999.99",
                "return",
                null); // 30d only; 2 h before the 7×24 h window
        order(c, shopA, "A7", 111, "2026-11-27T11:59:00", "250.25", "active", null); // today
        order(c, shopA, "A8", 999, "2026-10-01T10:00:00", "5000.00", "active", null); // 90d only; no product card

        // Sales of Shop A (price_with_disc, for_pay). The return is signed negative, as WB may send it.
        sale(c, shopA, "S-1", "A5", 333, "buyout", "2026-11-27T08:00:00", "2000.00", "1800.00"); // today
        sale(c, shopA, "R-1", "A6", 111, "return", "2026-11-27T03:00:00", "-999.99", "-900.00"); // today
        sale(c, shopA, "S-2", "X2", 111, "buyout", "2026-11-27T00:10:00", "1200.00", "1100.00"); // today
        sale(c, shopA, "S-3", "X3", 222, "buyout", "2026-11-26T23:50:00", "400.00", "350.00"); // yesterday
        sale(c, shopA, "S-4", "X4", 111, "buyout", "2026-11-15T12:00:00", "800.00", "700.00"); // 30d only

        // Stocks of Shop A. Alice: threshold 10, 444 overridden to 15, 555 overridden to 2.
        stock(c, shopA, 111, 1, "Коледино", 3, 1, 0);
        stock(c, shopA, 111, 2, "Коледино", 2, 0, 1);
        stock(c, shopA, 111, 1, "Казань", 4, 0, 0); // 111: total 9, critical
        stock(c, shopA, 222, 1, "Коледино", 0, 2, 0); // 222: total 0, critical
        stock(c, shopA, 333, 1, "Казань", 50, 0, 0); // 333: fine
        stock(c, shopA, 444, 1, "Казань", 12, 0, 0); // 444: 12 ≤ 15 (override), critical
        stock(c, shopA, 555, 1, "Казань", 6, 0, 0); // 555: 6 > 2 (override), not critical
        Sql.update(
                c,
                "INSERT INTO product_stock_thresholds (user_id, cabinet_id, nm_id, threshold) VALUES (?,?,?,?)",
                aliceId,
                shopA,
                444L,
                15);
        Sql.update(
                c,
                "INSERT INTO product_stock_thresholds (user_id, cabinet_id, nm_id, threshold) VALUES (?,?,?,?)",
                aliceId,
                shopA,
                555L,
                2);

        // Reviews of Shop A: 8 reviews, ratings sum 23.
        review(c, shopA, "R1", 111, 1, "2026-11-27T10:00:00", false); // new negative
        review(c, shopA, "R2", 222, 2, "2026-11-26T13:00:00", false); // new negative (23 h ago)
        review(c, shopA, "R3", 222, 2, "2026-11-26T11:00:00", false); // 25 h ago: not new
        review(c, shopA, "R4", 111, 3, "2026-11-27T09:00:00", false); // above Alice's threshold 2
        review(c, shopA, "R5", 111, 1, "2026-11-27T08:00:00", true); // answered
        review(c, shopA, "R6", 333, 5, "2026-11-01T12:00:00", true);
        review(c, shopA, "R7", 333, 5, "2026-11-02T12:00:00", false);
        review(c, shopA, "R8", 444, 4, "2026-11-03T12:00:00", true);
        question(c, shopA, "Q1", 111, "2026-11-27T09:30:00", false);
        question(c, shopA, "Q2", 222, "2026-11-26T09:30:00", false);
        question(c, shopA, "Q3", 222, "2026-11-25T09:30:00", true);

        // Shop B: no sync yet, no product cards, no sales.
        order(c, shopB, "B1", 700, "2026-11-27T10:00:00", "100.00", "active", null); // today
        order(
                c,
                shopB,
                "B2",
                700,
                "2026-11-27T00:00:00",
                "200.00",
                "active",
                null); // today: midnight belongs to the new day
        order(c, shopB, "B3", 700, "2026-11-26T00:00:00", "300.00", "active", null); // yesterday
        stock(c, shopB, 700, 1, "Электросталь", 4, 0, 0);
        review(c, shopB, "RB1", 700, 3, "2026-11-27T07:00:00", false);

        // Shop C belongs to Carol only.
        order(c, shopC, "C1", 800, "2026-11-27T10:00:00", "9999.00", "active", null);
        sale(c, shopC, "S-C1", "C1", 800, "buyout", "2026-11-27T11:00:00", "9999.00", "9000.00");
        stock(c, shopC, 800, 1, "Казань", 0, 0, 0);
        review(c, shopC, "RC1", 800, 1, "2026-11-27T11:00:00", false);
    }

    private static long user(Connection c, long telegramId, String username, String firstName, String created)
            throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO users (telegram_id, username, first_name, created_at, updated_at)" + " VALUES (?,?,?,?,?)",
                telegramId,
                username,
                firstName,
                msk(created),
                msk(created));
    }

    private static long cabinet(Connection c, String name, String created) throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, created_at) VALUES (?,?,?,?)",
                name,
                "not-a-key",
                "hash-" + name,
                msk(created));
    }

    private static void link(Connection c, long cabinetId, long userId, String role, String joined)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO cabinet_users (cabinet_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                cabinetId,
                userId,
                role,
                msk(joined));
    }

    public static long syncLog(
            Connection c,
            long cabinetId,
            String dataSet,
            String status,
            String started,
            String completed,
            int records,
            String error)
            throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, completed_at,"
                        + " records_processed, error_message) VALUES (?,?,?,?,?,?,?)",
                cabinetId,
                dataSet,
                status,
                msk(started),
                completed == null ? null : msk(completed),
                records,
                error);
    }

    private static void product(Connection c, long cabinetId, long nmId, String title, String vendorCode, String image)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_products (cabinet_id, nm_id, vendor_code, title, image_url) VALUES (?,?,?,?,?)",
                cabinetId,
                nmId,
                vendorCode,
                title,
                image);
    }

    private static void order(
            Connection c,
            long cabinetId,
            String srid,
            long nmId,
            String date,
            String price,
            String status,
            String cancelDate)
            throws SQLException {
        Instant at = msk(date);
        BigDecimal p = new BigDecimal(price);
        Sql.update(
                c,
                "INSERT INTO wb_orders (cabinet_id, srid, nm_id, supplier_article, barcode, tech_size, subject,"
                        + " warehouse_name, region_name, total_price, finished_price, price_with_disc, order_date,"
                        + " last_change_date, is_cancel, cancel_date, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                cabinetId,
                srid,
                nmId,
                "ART-" + nmId,
                "BC-" + nmId,
                "M",
                subjectOf(nmId),
                "Коледино",
                "Московская",
                p.multiply(BigDecimal.TWO),
                p.multiply(new BigDecimal("0.90")),
                p,
                at,
                cancelDate == null ? at : msk(cancelDate),
                cancelDate != null,
                cancelDate == null ? null : msk(cancelDate),
                status);
    }

    /** The order's WB subject; stands in for a title when the cabinet has no product card. */
    public static String subjectOf(long nmId) {
        return switch ((int) nmId) {
            case 700 -> "Кружки";
            case 999 -> "Носки";
            default -> "Одежда";
        };
    }

    private static void sale(
            Connection c,
            long cabinetId,
            String saleId,
            String srid,
            long nmId,
            String type,
            String date,
            String price,
            String forPay)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_sales (cabinet_id, sale_id, srid, nm_id, subject, warehouse_name, region_name,"
                        + " price_with_disc, for_pay, sale_date, last_change_date, sale_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                cabinetId,
                saleId,
                srid,
                nmId,
                subjectOf(nmId),
                "Казань",
                "Татарстан",
                new BigDecimal(price),
                new BigDecimal(forPay),
                msk(date),
                msk(date),
                type);
    }

    private static void stock(
            Connection c,
            long cabinetId,
            long nmId,
            long chrtId,
            String warehouse,
            int quantity,
            int toClient,
            int fromClient)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_stocks (cabinet_id, nm_id, chrt_id, warehouse_name, quantity, in_way_to_client,"
                        + " in_way_from_client) VALUES (?,?,?,?,?,?,?)",
                cabinetId,
                nmId,
                chrtId,
                warehouse,
                quantity,
                toClient,
                fromClient);
    }

    private static void question(
            Connection c, long cabinetId, String questionId, long nmId, String created, boolean answered)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_questions (cabinet_id, question_id, nm_id, text, created_date, is_answered)"
                        + " VALUES (?,?,?,?,?,?)",
                cabinetId,
                questionId,
                nmId,
                "text " + questionId,
                msk(created),
                answered);
    }

    private static void review(
            Connection c, long cabinetId, String reviewId, long nmId, int rating, String created, boolean answered)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, rating, text, pros, cons, user_name,"
                        + " created_date, is_answered) VALUES (?,?,?,?,?,?,?,?,?,?)",
                cabinetId,
                reviewId,
                nmId,
                rating,
                "text " + reviewId,
                "pros " + reviewId,
                "cons " + reviewId,
                "buyer " + reviewId,
                msk(created),
                answered);
    }
}
