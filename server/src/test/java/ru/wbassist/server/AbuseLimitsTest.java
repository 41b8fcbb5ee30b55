package ru.wbassist.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.WbSandbox;

/** What one caller may do only so often: test notifications per user, live key checks per server. */
class AbuseLimitsTest {

    private TestServer server;
    private WbSandbox sandbox;

    @AfterEach
    void stop() {
        server.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aUserGetsAtMostTwentyTestNotificationsAnHour() {
        server = TestServer.start(DatabaseConfig.Vendor.H2);
        server.post("/users/", Map.of("telegram_id", 51));
        server.post("/users/", Map.of("telegram_id", 52));
        for (int i = 0; i < 20; i++) {
            assertThat(server.postEmpty("/api/v1/notifications/test?telegram_id=51&type=test")
                            .status())
                    .isEqualTo(201);
        }

        TestServer.Response refused = server.postEmpty("/api/v1/notifications/test?telegram_id=51&type=new_order");
        TestServer.Response operator = server.postEmpty("/api/v1/admin/users/51/test-notification?type=test");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").asText()).isEqualTo("too_many_requests");
        assertThat(refused.json().path("message").asText()).contains("at most 20 test notifications");
        assertThat(operator.status()).isEqualTo(429);
        assertThat(server.postEmpty("/api/v1/notifications/test?telegram_id=52&type=test")
                        .status())
                .isEqualTo(201);
        long rows = server.db()
                .withConnection(c -> Sql.queryLong(
                        c,
                        "SELECT COUNT(*) FROM notification_history n"
                                + " JOIN users u ON u.id = n.user_id WHERE u.telegram_id = 51"));
        assertThat(rows).isEqualTo(20);
    }

    @Test
    void liveKeyChecksAreCappedServerWideSoForgedKeysCannotFloodWb() {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().port(0).historyDays(0).relaxedLimits(true));
        server = TestServer.start(
                DatabaseConfig.Vendor.H2,
                Map.of("SYNC_ENABLED", "true", "WB_API_BASE_URL", sandbox.baseUrl(), "WB_KEY_CHECKS_PER_MINUTE", "2"));
        server.post("/users/", Map.of("telegram_id", 53));
        for (int i = 0; i < 2; i++) {
            // well-formed but forged: WB refuses it, after a call
            TestServer.Response rejected =
                    server.post("/wb/cabinets/", Map.of("user_id", 53, "api_key", TestTokens.valid()));
            assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        }
        long pings = sandbox.requestCount("/ping");

        TestServer.Response refused =
                server.post("/wb/cabinets/", Map.of("user_id", 53, "api_key", TestTokens.valid()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().path("error").asText()).isEqualTo("too_many_requests");
        assertThat(refused.json().path("message").asText()).contains("at most 2 new WB keys a minute");
        assertThat(sandbox.requestCount("/ping")).isEqualTo(pings);
        // a key that fails the local checks costs no WB call and is not counted
        assertThat(server.post("/wb/cabinets/", Map.of("user_id", 53, "api_key", "not-a-token"))
                        .status())
                .isEqualTo(400);
    }
}
