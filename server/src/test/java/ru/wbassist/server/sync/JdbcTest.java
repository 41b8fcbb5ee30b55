package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;

/** The sync's look-up of stored rows: right rows of the right cabinet, through the (cabinet, key) index. */
class JdbcTest {

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void findsTheCabinetsStoredRowsByTextAndNumberKeys(DatabaseConfig.Vendor vendor) {
        try (Database db = TestDatabases.fresh(vendor)) {
            long[] cabinets = db.inTransaction(c -> new long[] {cabinet(c, "a"), cabinet(c, "b")});
            db.inTransaction(c -> {
                order(c, cabinets[0], "s1", "active");
                order(c, cabinets[0], "s2", "canceled");
                order(c, cabinets[1], "s3", "active");
                Sql.update(c, "INSERT INTO wb_products (cabinet_id, nm_id) VALUES (?,?)", cabinets[0], 7L);
                return Sql.update(c, "INSERT INTO wb_products (cabinet_id, nm_id) VALUES (?,?)", cabinets[1], 8L);
            });

            Map<String, String> orders = db.withConnection(c -> Jdbc.existing(
                    c,
                    "wb_orders",
                    "srid",
                    "status",
                    cabinets[0],
                    List.of("s1", "s2", "s3", "nope"),
                    rs -> rs.getString("status")));
            assertThat(orders).containsExactlyInAnyOrderEntriesOf(Map.of("s1", "active", "s2", "canceled"));

            Map<Long, Boolean> products = db.withConnection(
                    c -> Jdbc.existing(c, "wb_products", "nm_id", "", cabinets[1], List.of(7L, 8L), rs -> true));
            assertThat(products).containsOnlyKeys(8L);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseConfig.Vendor.class, names = "H2")
    void probesTheCompositeKeyInsteadOfReadingTheCabinet(DatabaseConfig.Vendor vendor) {
        try (Database db = TestDatabases.fresh(vendor)) {
            String sql = "EXPLAIN " + Jdbc.existingSql("wb_orders", "srid", "status", 2);
            String plan = db.withConnection(c ->
                    Sql.query(c, sql, rs -> rs.getString(1), "s1", "s2", 1L).getFirst());
            // H2 names the index and the conditions it searches with: both key columns, not just the cabinet
            // (with "cabinet_id = ? AND srid IN (...)" it searched by cabinet_id alone and filtered the rows).
            assertThat(plan.toLowerCase())
                    .as(plan)
                    .containsPattern("uq_wb_orders_srid\\w*: cabinet_id = \\?3\\s+and srid = k.ext_id");
        }
    }

    private static long cabinet(java.sql.Connection c, String name) throws SQLException {
        return Sql.insert(
                c, "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)", name, "x", name);
    }

    private static void order(java.sql.Connection c, long cabinet, String srid, String status) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO wb_orders (cabinet_id, srid, nm_id, status, order_date, last_change_date)"
                        + " VALUES (?,?,?,?,?,?)",
                cabinet,
                srid,
                1L,
                status,
                Instant.now(),
                Instant.now());
    }
}
