package ru.wbassist.server.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;

/** V201 gives the default templates stored before it their kinds; the users' own templates stay for both. */
class TemplateKindsMigrationTest {

    /** The default set as cabinets got it before V201: the first four of today's. */
    private static final List<Templates.Default> STORED_BEFORE = Templates.DEFAULTS.subList(0, 4);

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void storedDefaultsGetTheirKindsAndOwnTemplatesStayForBoth(DatabaseConfig.Vendor vendor) throws SQLException {
        DatabaseConfig config = TestDatabases.freshConfig(vendor);
        TestDatabases.migrateBelow(config, "201");
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            long cabinet = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)",
                    "Shop",
                    "x",
                    "h1");
            List<String> texts = new ArrayList<>(
                    STORED_BEFORE.stream().map(Templates.Default::text).toList());
            texts.add("Спасибо!");
            for (String text : texts) {
                Sql.insert(c, "INSERT INTO answer_templates (cabinet_id, text) VALUES (?,?)", cabinet, text);
            }
        }
        TestDatabases.migrateAll(config);
        try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
            List<String> kinds = Sql.query(
                    c, "SELECT kind FROM answer_templates ORDER BY id", rs -> String.valueOf(rs.getString(1)));
            List<String> expected = new ArrayList<>(
                    STORED_BEFORE.stream().map(d -> d.kind().code()).toList());
            expected.add("null");
            assertThat(kinds).containsExactlyElementsOf(expected);
        }
    }
}
