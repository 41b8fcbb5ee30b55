package ru.wbassist.server.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.wbassist.server.ApiAssertions.assertBad;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/** Connecting a cabinet asks WB (here the sandbox) whether the key works, then the first sync runs. */
class KeyCheckOnConnectTest {

    private WbSandbox sandbox;
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aWorkingKeyConnectsUnderTheSellersNameAndARevokedOneIsRefused(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().port(0).historyDays(0).relaxedLimits(true));
        SandboxSeller seller = sandbox.createSeller("ИП Проверкин");
        SandboxSeller revoked = sandbox.createSeller("ИП Отозванный");
        sandbox.revoke(revoked.token());
        server = TestServer.start(vendor, Map.of("SYNC_ENABLED", "true", "WB_API_BASE_URL", sandbox.baseUrl()));
        server.post("/users/", Map.of("telegram_id", 21));

        var connected = server.post("/wb/cabinets/", Map.of("user_id", 21, "api_key", seller.token()));

        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().path("cabinet").path("name").asText()).isEqualTo("ИП Проверкин");
        assertThat(sandbox.requestCount("/ping")).isEqualTo(1);
        assertThat(sandbox.requestCount("/api/v1/seller-info")).isEqualTo(1);
        long cabinetId = connected.json().path("cabinet").path("id").asLong();
        // one sync task and one live-order poll for the new cabinet
        assertThat(count(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'cabinet-sync'"
                                + " AND task_instance = ?",
                        String.valueOf(cabinetId)))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'order-feed'"
                                + " AND task_instance = ?",
                        String.valueOf(cabinetId)))
                .isEqualTo(1);

        // the server syncs (SYNC_ENABLED=true): the first sync of the new cabinet is its baseline
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT COUNT(*) FROM wb_cabinets WHERE id = ?"
                                        + " AND baseline_completed_at IS NOT NULL",
                                cabinetId)
                        == 1);
        // every data set but prices (the sandbox's seller key lacks the Prices category) stored its baseline
        assertThat(count(
                        "SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ? AND status = 'success' AND baseline",
                        cabinetId))
                .isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM wb_products WHERE cabinet_id = ?", cabinetId))
                .isEqualTo(seller.shop().products().size());

        var refused = server.post("/wb/cabinets/", Map.of("user_id", 21, "api_key", revoked.token()));
        assertBad(refused, "api_key", "WB rejected this API key (401");
        assertThat(refused.body()).doesNotContain(revoked.token());
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aSellersNewKeyReplacesTheExpiringOneAndTheCabinetSyncsOnWithIt(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().port(0).historyDays(3).relaxedLimits(true));
        SandboxSeller seller = sandbox.createSeller("ИП Обновлёнов");
        server = TestServer.start(vendor, Map.of("SYNC_ENABLED", "true", "WB_API_BASE_URL", sandbox.baseUrl()));
        server.post("/users/", Map.of("telegram_id", 23));
        server.post("/users/", Map.of("telegram_id", 24));
        var created = server.post("/wb/cabinets/", Map.of("user_id", 23, "api_key", seller.token()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long cabinetId = created.json().path("cabinet").path("id").asLong();
        assertThat(server.post("/wb/cabinets/", Map.of("user_id", 24, "api_key", seller.token()))
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT COUNT(*) FROM wb_cabinets WHERE id = ?"
                                        + " AND baseline_completed_at IS NOT NULL",
                                cabinetId)
                        == 1);
        long orders = count("SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ?", cabinetId);

        // the seller issues a new key and WB revokes the old one
        String newKey = sandbox.mintToken(
                seller,
                WbSandbox.DEFAULT_SCOPES,
                sandbox.options().clock().instant().plus(WbSandbox.TOKEN_LIFETIME));
        sandbox.revoke(seller.token());
        java.time.Instant replacedAt = java.time.Instant.now();
        var replaced = server.post("/wb/cabinets/", Map.of("user_id", 23, "api_key", "Bearer " + newKey));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("key_replaced").asBoolean()).isTrue();
        assertThat(replaced.json().path("cabinet").path("id").asLong()).isEqualTo(cabinetId);
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cabinet_users WHERE cabinet_id = ?", cabinetId))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ?", cabinetId))
                .isGreaterThanOrEqualTo(orders);
        // a sync started at once with the new key and WB accepts it (the old one is revoked): no baseline again
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ?"
                                        + " AND status = 'success' AND NOT baseline AND started_at > ?",
                                cabinetId,
                                replacedAt)
                        >= 1);
        java.util.List<String> failed = server.db()
                .withConnection(c -> Sql.query(
                        c,
                        "SELECT data_set || ': '"
                                + " || COALESCE(error_message, '') FROM wb_sync_logs WHERE cabinet_id = ? AND status IN ('failed', 'partial')",
                        rs -> rs.getString(1),
                        cabinetId));
        assertThat(failed).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void unreachableWbIsA503WithAClearMessage(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults().port(0).historyDays(0));
        String token = sandbox.createSeller("ИП Недоступный").token();
        String deadUrl = sandbox.baseUrl();
        sandbox.close();
        sandbox = null;
        server = TestServer.start(vendor, Map.of("SYNC_ENABLED", "true", "WB_API_BASE_URL", deadUrl));
        server.post("/users/", Map.of("telegram_id", 22));

        var response = server.post("/wb/cabinets/", Map.of("user_id", 22, "api_key", token));

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.json().path("error").asText()).isEqualTo("wb_unavailable");
        assertThat(response.json().path("message").asText())
                .contains("could not be checked with WB")
                .doesNotContain("attempts", "Exception", "127.0.0.1");
        assertThat(response.json().path("error_id").asText())
                .as("the details are in the server log under this id")
                .matches("[0-9a-z]+");
        assertThat(response.body()).doesNotContain(token).doesNotContain("\tat ");
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets")).isZero();
    }

    private long count(String sql, Object... params) {
        return server.db().withConnection(c -> Sql.queryLong(c, sql, params));
    }
}
