package ru.wbassist.server.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.metrics.TestMeters;

/** WB answers are read as they stream in, up to a cap: a longer one fails its data set, not the server. */
class WbResponseCapTest {

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger transportLog = Logger.getLogger(WbTransport.class.getName());
    private WbSandbox sandbox;
    private TestServer server;

    @AfterEach
    void stop() {
        transportLog.removeHandler(capture);
        if (server != null) {
            server.close();
        }
        sandbox.close();
    }

    @Test
    void anAnswerOverTheCapFailsThatCallWithAClearMessageAndLog() {
        SandboxSeller seller = sellerWith300Orders();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        transportLog.addHandler(capture);
        WbClient client = new WbClient(
                WbHosts.allAt(sandbox.baseUrl()),
                RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000)),
                Duration.ofSeconds(10),
                Duration.ofMillis(10),
                80_000,
                16 * 1024,
                TestMeters.detached());
        WbCredentials credentials = WbCredentials.ofCabinet(1, seller.token());

        assertThatThrownBy(() -> client.orders(credentials, now.minus(Duration.ofDays(3))))
                .isInstanceOf(WbException.class)
                .hasMessageContaining("WB ORDERS answered more than 16384 bytes");
        assertThat(warnings).anySatisfy(r -> assertThat(r.getMessage()).contains("wb.max-response-bytes"));
        // the same client goes on serving answers under the cap
        assertThat(client.checkKey(credentials).name()).isEqualTo("ИП Большой");
    }

    @Test
    void theSyncFailsOnlyTheOversizedDataSetAndTheServerCarriesOn() {
        SandboxSeller seller = sellerWith300Orders();
        transportLog.addHandler(capture);
        server = TestServer.start(
                DatabaseConfig.Vendor.H2,
                Map.of(
                        "SYNC_ENABLED",
                        "true",
                        "WB_API_BASE_URL",
                        sandbox.baseUrl(),
                        "WB_MAX_RESPONSE_BYTES",
                        String.valueOf(64 * 1024)));
        server.post("/users/", Map.of("telegram_id", 31));
        var connected = server.post("/wb/cabinets/", Map.of("user_id", 31, "api_key", seller.token()));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        long cabinetId = connected.json().path("cabinet").path("id").asLong();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ?"
                                        + " AND data_set = 'orders' AND status <> 'running'",
                                cabinetId)
                        >= 1);

        // the sync log tells users a plain reason and an error id; the server log says what happened
        List<String> orders = server.db()
                .withConnection(c -> Sql.query(
                        c,
                        "SELECT status || ': ' || error_message"
                                + " FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'orders'",
                        rs -> rs.getString(1),
                        cabinetId));
        assertThat(orders).singleElement().asString().startsWith("failed: WB answered an error (error id ");
        assertThat(warnings).anySatisfy(r -> {
            assertThat(r.getMessage()).contains("answered more than").contains("wb.max-response-bytes");
            assertThat(r.getParameters()).containsExactly(MethodGroup.ORDERS, 64L * 1024);
        });
        assertThat(count("SELECT COUNT(*) FROM wb_orders WHERE cabinet_id = ?", cabinetId))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM wb_sync_logs WHERE cabinet_id = ? AND data_set = 'products'"
                                + " AND status = 'success'",
                        cabinetId))
                .isEqualTo(1);
        assertThat(server.get("/users/31").status()).isEqualTo(200);
    }

    /** A sandbox seller whose orders of the last days are far more than the caps below. */
    private SandboxSeller sellerWith300Orders() {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().port(0).seed(3).historyDays(0).relaxedLimits(true));
        SandboxSeller seller = sandbox.createSeller("ИП Большой");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        seller.shop().generateOrders(300, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        return seller;
    }

    private long count(String sql, Object... params) {
        return server.db().withConnection(c -> Sql.queryLong(c, sql, params));
    }
}
