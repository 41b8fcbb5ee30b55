package ru.wbassist.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V130 keys buyout and return events by the order's srid, the key the order feed shares: events recorded before it
 * (keyed by sale id) are rewritten, so an upgraded server does not tell a buyout again when the feed reports it. V195
 * makes the next products sync list every card again, so the sizes the feed's chrtIds need are stored.
 */
class OrderFeedMigrationTest {

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void buyoutAndReturnEventsAreRekeyedBySrid(DatabaseConfig.Vendor vendor) throws SQLException {
        DatabaseConfig config = TestDatabases.freshConfig(vendor);
        TestDatabases.migrateBelow(config, "130");
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            long cabinet = cabinet(c);
            long user = Sql.insert(c, "INSERT INTO users (telegram_id) VALUES (?)", 42L);
            sale(c, cabinet, "S1", "srid-1", "buyout", t);
            sale(c, cabinet, "R1", "srid-1", "return", t);
            sale(c, cabinet, "S2", null, "buyout", t);
            // two buyout rows of one srid: rekeying both would collide, so neither moves
            sale(c, cabinet, "S3", "srid-3", "buyout", t);
            sale(c, cabinet, "S4", "srid-3", "buyout", t);
            for (String[] event : List.of(
                    new String[] {"order_buyout", "S1"},
                    new String[] {"order_return", "R1"},
                    new String[] {"order_buyout", "S2"},
                    new String[] {"order_buyout", "S3"},
                    new String[] {"new_order", "srid-9"})) {
                long id = Sql.insert(
                        c,
                        "INSERT INTO events (cabinet_id, event_type, external_id, payload, occurred_at)"
                                + " VALUES (?,?,?,'{}',?)",
                        cabinet,
                        event[0],
                        event[1],
                        t);
                Sql.insert(
                        c,
                        "INSERT INTO notification_history (user_id, cabinet_id, event_id, event_type, external_id,"
                                + " text) VALUES (?,?,?,?,?,'x')",
                        user,
                        cabinet,
                        id,
                        event[0],
                        event[1]);
            }
        }
        TestDatabases.migrateAll(config);
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            List<String> events = Sql.query(
                    c, "SELECT event_type || ':' || external_id FROM events ORDER BY id", rs -> rs.getString(1));
            assertThat(events)
                    .containsExactly(
                            "order_buyout:srid-1",
                            "order_return:srid-1",
                            "order_buyout:S2",
                            "order_buyout:S3",
                            "new_order:srid-9");
            assertThat(Sql.query(c, "SELECT external_id FROM notification_history ORDER BY id", rs -> rs.getString(1)))
                    .containsExactly("srid-1", "srid-1", "S2", "S3", "srid-9");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void cardsAreListedAgainForTheirSizesAndOtherCursorsStay(DatabaseConfig.Vendor vendor) throws SQLException {
        DatabaseConfig config = TestDatabases.freshConfig(vendor);
        TestDatabases.migrateBelow(config, "195");
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            long cabinet = cabinet(c);
            for (String dataSet : List.of("products", "orders", "prices")) {
                Sql.update(
                        c,
                        "INSERT INTO sync_cursors (cabinet_id, data_set, cursor_value) VALUES (?,?,?)",
                        cabinet,
                        dataSet,
                        "{}");
            }
        }
        TestDatabases.migrateAll(config);
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            assertThat(Sql.query(c, "SELECT data_set FROM sync_cursors ORDER BY data_set", rs -> rs.getString(1)))
                    .containsExactly("orders", "prices");
            assertThat(Sql.queryLong(c, "SELECT COUNT(*) FROM wb_product_sizes"))
                    .isZero();
        }
    }

    private static long cabinet(Connection c) throws SQLException {
        return Sql.insert(
                c, "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)", "Shop", "x", "h1");
    }

    private static void sale(Connection c, long cabinet, String saleId, String srid, String type, Instant t)
            throws SQLException {
        Sql.insert(
                c,
                "INSERT INTO wb_sales (cabinet_id, sale_id, srid, nm_id, sale_date, last_change_date, sale_type)"
                        + " VALUES (?,?,?,?,?,?,?)",
                cabinet,
                saleId,
                srid,
                1L,
                t,
                t,
                type);
    }
}
