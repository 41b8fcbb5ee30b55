package ru.wbassist.server.insights;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import ru.wbassist.db.Sql;

/**
 * Fills a PostgreSQL database with a marketplace's worth of rows, fast ({@code INSERT ... SELECT} over
 * {@code generate_series}): {@code cabinets} cabinets, each with one owner (Telegram id 100000 + n), and one more user
 * (Telegram id {@link #ALL_CABINETS_USER}) linked to all of them. Orders spread evenly over the 90 days before
 * {@code now} and over the cabinets; per cabinet 500 products with cards, 4 warehouses of stock each, and reviews.
 * For the query-plan test and the dashboard benchmark; PostgreSQL only.
 */
public final class LoadGenerator {

    public static final long ALL_CABINETS_USER = 99_999;
    public static final long FIRST_OWNER = 100_000;
    static final int PRODUCTS_PER_CABINET = 500;
    private static final List<String> TABLES = List.of(
            "wb_orders", "wb_sales", "wb_products", "wb_stocks", "wb_reviews", "cabinet_users", "users", "wb_cabinets");

    private LoadGenerator() {}

    /** Generates the rows (then call {@link #vacuum}); returns the id of the first cabinet (the others follow it). */
    public static long generate(Connection c, int cabinets, int orders, int reviewsPerCabinet, Instant now)
            throws SQLException {
        long before = Sql.queryLong(c, "SELECT COALESCE(MAX(id), 0) FROM wb_cabinets");
        Sql.update(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, created_at)"
                        + " SELECT 'Load shop ' || g, 'x', 'load-' || g || '-' || ?, CAST(? AS TIMESTAMP WITH TIME ZONE)"
                        + " FROM generate_series(1, ?) g",
                before,
                now,
                cabinets);
        long first = Sql.queryLong(c, "SELECT MIN(id) FROM wb_cabinets WHERE id > ?", before);
        Sql.update(
                c,
                "INSERT INTO users (telegram_id, username) SELECT ? + g, 'owner' || g FROM generate_series(1, ?) g",
                FIRST_OWNER,
                cabinets);
        Sql.update(c, "INSERT INTO users (telegram_id, username) VALUES (?, 'operator')", ALL_CABINETS_USER);
        Sql.update(
                c,
                "INSERT INTO cabinet_users (cabinet_id, user_id, role) SELECT ? + g - 1, u.id, 'owner'"
                        + " FROM generate_series(1, ?) g JOIN users u ON u.telegram_id = ? + g",
                first,
                cabinets,
                FIRST_OWNER);
        Sql.update(
                c,
                "INSERT INTO cabinet_users (cabinet_id, user_id, role) SELECT c.id, u.id, 'member'"
                        + " FROM wb_cabinets c, users u WHERE c.id >= ? AND u.telegram_id = ?",
                first,
                ALL_CABINETS_USER);

        // Order g: cabinet g % n, placed (g / orders) × 90 days before now; every 10th cancelled 2 h later,
        // every 3rd bought out.
        Sql.update(c, """
                INSERT INTO wb_orders (cabinet_id, srid, nm_id, supplier_article, tech_size, subject, warehouse_name,
                                       region_name, total_price, finished_price, price_with_disc, order_date,
                                       last_change_date, is_cancel, cancel_date, status)
                SELECT ? + g % ?, 'srid-' || g, 1 + g % ?, 'ART-' || (1 + g % ?), 'M', 'Одежда', 'Коледино',
                       'Московская', 2000, 900 + g % 100, 1000 + g % 100, t, t, g % 10 = 0,
                       CASE WHEN g % 10 = 0 THEN t + INTERVAL '2' HOUR END,
                       CASE WHEN g % 10 = 0 THEN 'canceled' WHEN g % 3 = 0 THEN 'buyout' ELSE 'active' END
                  FROM (SELECT g, CAST(? AS TIMESTAMP WITH TIME ZONE)
                                  - (g * 7776000.0 / ?) * INTERVAL '1' SECOND AS t
                          FROM generate_series(1, ?) g) s
                """, first, cabinets, PRODUCTS_PER_CABINET, PRODUCTS_PER_CABINET, now, orders, orders);
        // One sale per bought-out order, a day later; every 8th sale is a return.
        Sql.update(c, """
                INSERT INTO wb_sales (cabinet_id, sale_id, srid, nm_id, subject, warehouse_name, region_name,
                                      price_with_disc, for_pay, sale_date, last_change_date, sale_type)
                SELECT cabinet_id, CASE WHEN id % 8 = 0 THEN 'R' ELSE 'S' END || id, srid, nm_id, subject,
                       warehouse_name, region_name, price_with_disc, price_with_disc * 0.8,
                       LEAST(order_date + INTERVAL '1' DAY, CAST(? AS TIMESTAMP WITH TIME ZONE)),
                       order_date + INTERVAL '1' DAY, CASE WHEN id % 8 = 0 THEN 'return' ELSE 'buyout' END
                  FROM wb_orders WHERE status = 'buyout' AND cabinet_id >= ?
                """, now, first);
        Sql.update(
                c,
                "INSERT INTO wb_products (cabinet_id, nm_id, vendor_code, title, image_url)"
                        + " SELECT c, p, 'ART-' || p, 'Товар ' || p, 'https://img.example/' || p || '.jpg'"
                        + " FROM generate_series(?, ?) c, generate_series(1, ?) p",
                first,
                first + cabinets - 1,
                PRODUCTS_PER_CABINET);
        Sql.update(
                c,
                "INSERT INTO wb_stocks (cabinet_id, nm_id, chrt_id, warehouse_name, quantity)"
                        + " SELECT c, p, p * 10, 'Склад ' || w, (p * 7 + w) % 40"
                        + " FROM generate_series(?, ?) c, generate_series(1, ?) p, generate_series(1, 4) w",
                first,
                first + cabinets - 1,
                PRODUCTS_PER_CABINET);
        Sql.update(c, """
                INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, rating, text, user_name, created_date, is_answered)
                SELECT c, 'rv-' || c || '-' || r, 1 + r % ?, 1 + r % 5, 'Отзыв ' || r, 'Покупатель',
                       CAST(? AS TIMESTAMP WITH TIME ZONE) - r * INTERVAL '1' HOUR, r % 4 <> 0
                  FROM generate_series(?, ?) c, generate_series(1, ?) r
                """, PRODUCTS_PER_CABINET, now, first, first + cabinets - 1, reviewsPerCabinet);
        return first;
    }

    /**
     * VACUUM ANALYZE of the loaded tables, what autovacuum does soon after a bulk load: statistics for the planner and
     * the visibility map that index-only scans need. Must run outside a transaction. The CHECKPOINT first flushes the
     * load's commit record: the test server commits asynchronously, and VACUUM marks no page all-visible while the
     * commit that wrote its rows may still be lost.
     */
    public static void vacuum(Connection c) throws SQLException {
        Sql.execute(c, "CHECKPOINT");
        for (String table : TABLES) {
            Sql.execute(c, "VACUUM ANALYZE " + table);
        }
    }
}
