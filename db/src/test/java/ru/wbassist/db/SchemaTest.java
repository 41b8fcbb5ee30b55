package ru.wbassist.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrations run on H2 and on PostgreSQL, and the database itself rejects duplicates. */
class SchemaTest {

    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void migrationsCreateEveryTable(DatabaseConfig.Vendor vendor) {
        db = TestDatabases.fresh(vendor);
        List<String> expected = List.of(
                "users",
                "wb_cabinets",
                "cabinet_users",
                "wb_orders",
                "wb_sales",
                "wb_products",
                "wb_stocks",
                "wb_reviews",
                "sync_cursors",
                "wb_sync_logs",
                "notification_settings",
                "product_stock_thresholds",
                "critical_stock_alerts",
                "events",
                "notification_history",
                "scheduled_tasks");
        for (String table : expected) {
            long rows = db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM " + table));
            assertThat(rows).as(table).isZero();
        }
    }

    @Test
    void h2AndPostgresqlBuildTheSameSchema() throws Exception {
        List<String> h2;
        List<String> postgres;
        try (Database h = TestDatabases.fresh(DatabaseConfig.Vendor.H2);
                Database p = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL)) {
            h2 = h.withConnection(SchemaFingerprint::of);
            postgres = p.withConnection(SchemaFingerprint::of);
        }
        assertThat(h2)
                .contains("table notification_history", "  index ix_notification_user_queue [user_id, status, id]");
        assertThat(h2).containsExactlyElementsOf(postgres);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void uniqueConstraintsRejectDuplicates(DatabaseConfig.Vendor vendor) {
        db = TestDatabases.fresh(vendor);
        long[] ids = db.inTransaction(c -> {
            long user = Sql.insert(c, "INSERT INTO users (telegram_id) VALUES (?)", 42L);
            long cabinet = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)",
                    "Shop",
                    "enc",
                    "hash1");
            long event = Sql.insert(
                    c,
                    "INSERT INTO events (cabinet_id, event_type, external_id, payload, occurred_at)"
                            + " VALUES (?,?,?,?,?)",
                    cabinet,
                    "new_order",
                    "srid-1",
                    "{}",
                    Instant.now());
            return new long[] {user, cabinet, event};
        });
        long user = ids[0];
        long cabinet = ids[1];
        long event = ids[2];

        assertDuplicate(c -> Sql.update(c, "INSERT INTO users (telegram_id) VALUES (?)", 42L));
        assertDuplicate(c -> Sql.update(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash)" + " VALUES (?,?,?)",
                "Other",
                "enc2",
                "hash1"));
        assertDuplicate(c -> Sql.update(
                c,
                "INSERT INTO events (cabinet_id, event_type, external_id, payload, occurred_at)"
                        + " VALUES (?,?,?,?,?)",
                cabinet,
                "new_order",
                "srid-1",
                "{}",
                Instant.now()));
        db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO notification_history (user_id, cabinet_id, event_id, event_type,"
                        + " external_id, text) VALUES (?,?,?,?,?,?)",
                user,
                cabinet,
                event,
                "new_order",
                "srid-1",
                "t"));
        assertDuplicate(c -> Sql.update(
                c,
                "INSERT INTO notification_history (user_id, cabinet_id, event_id, event_type,"
                        + " external_id, text) VALUES (?,?,?,?,?,?)",
                user,
                cabinet,
                event,
                "new_order",
                "srid-1",
                "t"));
        db.inTransaction(c -> Sql.update(
                c, "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,?)", cabinet, user, "owner"));
        assertDuplicate(c -> Sql.update(
                c, "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,?)", cabinet, user, "member"));

        Instant now = Instant.now();
        db.inTransaction(c -> insertOrder(c, cabinet, "srid-1", now));
        assertDuplicate(c -> insertOrder(c, cabinet, "srid-1", now));
        db.inTransaction(c -> insertSale(c, cabinet, "S1", now));
        assertDuplicate(c -> insertSale(c, cabinet, "S1", now));
        db.inTransaction(c -> insertReview(c, cabinet, "r1", now));
        assertDuplicate(c -> insertReview(c, cabinet, "r1", now));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void timestampsRoundTripAsUtcInstants(DatabaseConfig.Vendor vendor) {
        db = TestDatabases.fresh(vendor);
        Instant at = Instant.parse("2026-03-01T21:30:00.123456Z");
        Instant read = db.inTransaction(c -> {
            long cabinet = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)",
                    "Shop",
                    "enc",
                    "h");
            insertOrder(c, cabinet, "x", at);
            return Sql.queryOne(c, "SELECT order_date FROM wb_orders", rs -> Sql.instant(rs, "order_date"))
                    .orElseThrow();
        });
        assertThat(read).isEqualTo(at);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void postgresConnectionsRewriteBatchesIntoMultiRowInserts(DatabaseConfig.Vendor vendor) {
        db = TestDatabases.fresh(vendor);
        String rewrite = ((com.zaxxer.hikari.HikariDataSource) db.dataSource())
                .getDataSourceProperties()
                .getProperty("reWriteBatchedInserts");
        assertThat(rewrite).isEqualTo(vendor == DatabaseConfig.Vendor.POSTGRESQL ? "true" : null);
    }

    private void assertDuplicate(Database.SqlWork<Integer> insert) {
        assertThatThrownBy(() -> db.inTransaction(insert))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
    }

    private static int insertOrder(Connection c, long cabinet, String srid, Instant at) throws SQLException {
        return Sql.update(
                c,
                "INSERT INTO wb_orders (cabinet_id, srid, nm_id, order_date, last_change_date)" + " VALUES (?,?,?,?,?)",
                cabinet,
                srid,
                1L,
                at,
                at);
    }

    private static int insertSale(Connection c, long cabinet, String saleId, Instant at) throws SQLException {
        return Sql.update(
                c,
                "INSERT INTO wb_sales (cabinet_id, sale_id, nm_id, sale_date, last_change_date, sale_type)"
                        + " VALUES (?,?,?,?,?,?)",
                cabinet,
                saleId,
                1L,
                at,
                at,
                "buyout");
    }

    private static int insertReview(Connection c, long cabinet, String reviewId, Instant at) throws SQLException {
        return Sql.update(
                c,
                "INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, rating, created_date)" + " VALUES (?,?,?,?,?)",
                cabinet,
                reviewId,
                1L,
                4,
                at);
    }
}
