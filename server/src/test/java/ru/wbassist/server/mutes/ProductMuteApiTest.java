package ru.wbassist.server.mutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;

/** Muting a product's stock alerts over real HTTP, enforced by the fan-out; H2 and PostgreSQL. */
class ProductMuteApiTest {

    private static final String MUTES = "/api/v1/notifications/mutes";
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private long register(long telegramId) {
        assertThat(server.post("/users/", Map.of("telegram_id", telegramId)).status())
                .isEqualTo(201);
        return server.db()
                .withConnection(c -> Sql.queryLong(c, "SELECT id FROM users WHERE telegram_id = ?", telegramId));
    }

    private void stock(long cabinet, int before, int after) {
        server.db().inTransaction(c -> {
            server.app().eventSink().stocksStored(c, cabinet, Map.of(100L, before), Map.of(100L, after));
            return null;
        });
    }

    private List<String> rows(long userId) {
        return server.db()
                .withConnection(c -> Sql.query(
                        c,
                        "SELECT event_type, status, suppressed_reason, nm_id"
                                + " FROM notification_history WHERE user_id = ? ORDER BY id",
                        rs -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":" + rs.getObject(4),
                        userId));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aMutedProductsStockAlertsAreSkippedWithAReasonUntilUnmuted(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        long anna = register(111);
        long boris = register(222);
        register(333);
        long cabinet = server.db().inTransaction(c -> {
            long id = Sql.insert(
                    c, "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES ('Shop','e','h')");
            Sql.update(
                    c,
                    "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,'owner'),(?,?,'member')",
                    id,
                    anna,
                    id,
                    boris);
            Sql.update(c, "INSERT INTO wb_products (cabinet_id, nm_id, title) VALUES (?,?,?)", id, 100L, "Кеды");
            return id;
        });

        TestServer.Response muted =
                server.post(MUTES + "?telegram_id=111", Map.of("cabinet_id", cabinet, "nm_id", 100));
        assertThat(muted.status()).as(muted.body()).isEqualTo(201);
        assertThat(server.post(MUTES + "?telegram_id=111", Map.of("cabinet_id", cabinet, "nm_id", 100))
                        .status())
                .isEqualTo(201);
        JsonNode list = server.get(MUTES + "?telegram_id=111").json().path("mutes");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("nm_id").asLong()).isEqualTo(100);
        assertThat(list.get(0).path("title").asText()).isEqualTo("Кеды");
        assertThat(list.get(0).path("cabinet_name").asText()).isEqualTo("Shop");

        stock(cabinet, 20, 3);
        assertThat(rows(anna)).containsExactly("critical_stock:skipped:product_muted:100");
        assertThat(rows(boris)).containsExactly("critical_stock:pending:null:100");
        JsonNode item = server.get("/api/v1/notifications/poll?telegram_id=222&cursor=0")
                .json()
                .path("notifications")
                .get(0);
        assertThat(item.path("nm_id").asLong()).isEqualTo(100);

        assertThat(server.delete(MUTES + "?telegram_id=111&cabinet_id=" + cabinet + "&nm_id=100")
                        .status())
                .isEqualTo(204);
        assertThat(server.delete(MUTES + "?telegram_id=111&cabinet_id=" + cabinet + "&nm_id=100")
                        .status())
                .isEqualTo(404);
        stock(cabinet, 3, 30);
        stock(cabinet, 30, 2);
        assertThat(rows(anna))
                .containsExactly("critical_stock:skipped:product_muted:100", "critical_stock:pending:null:100");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void badMutesAreNamedAndOthersCabinetsAreNotFound(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        register(111);
        long other = server.db()
                .inTransaction(c -> Sql.insert(
                        c, "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES ('Other','e','h')"));
        TestServer.Response zero = server.post(MUTES + "?telegram_id=111", Map.of("cabinet_id", 0, "nm_id", 100));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("field").asText()).isEqualTo("cabinet_id");
        TestServer.Response noProduct = server.post(MUTES + "?telegram_id=111", Map.of("cabinet_id", other));
        assertThat(noProduct.status()).isEqualTo(400);
        assertThat(noProduct.json().path("field").asText()).isEqualTo("nm_id");
        TestServer.Response text = server.post(MUTES + "?telegram_id=111", Map.of("cabinet_id", "x", "nm_id", 100));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().path("field").asText()).isEqualTo("cabinet_id");
        assertThat(server.post(MUTES + "?telegram_id=111", Map.of("cabinet_id", other, "nm_id", 100))
                        .status())
                .isEqualTo(404);
        assertThat(server.post(MUTES + "?telegram_id=404", Map.of("cabinet_id", other, "nm_id", 100))
                        .status())
                .isEqualTo(404);
        assertThat(server.get(MUTES + "?telegram_id=111").json().path("mutes")).isEmpty();
        assertThat(server.get(MUTES).status()).isEqualTo(400);
        assertThat(server.delete(MUTES + "?telegram_id=111&cabinet_id=abc&nm_id=1")
                        .status())
                .isEqualTo(400);
    }
}
