package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.SandboxShop;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.KeyVault;
import ru.wbassist.server.events.MutableClock;

/**
 * What the bot reads counts an order the moment the live poll stores it, before the statistics API shows it: the
 * dashboard's orders and cancellations of the day and {@code /orders}, over real HTTP on H2 and PostgreSQL.
 */
class LiveOrdersReadApiTest {

    private static final byte[] KEK = new byte[32];
    private static final long ANNA = 51;
    /** 12:00 Moscow time: the orders below fall on one Moscow day. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

    private WbSandbox sandbox;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void dashboardAndOrdersCountALiveOrderAtOnce(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(31)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(0)
                .clock(clock));
        SandboxSeller seller = sandbox.createSeller("ИП Онлайн");
        server = TestServer.start(
                vendor, Map.of("KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(KEK)), clock);
        assertThat(server.post("/users/", Map.of("telegram_id", ANNA)).status()).isEqualTo(201);
        var connected = server.post("/wb/cabinets/", Map.of("user_id", ANNA, "api_key", seller.token()));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        long cabinet = connected.json().path("cabinet").path("id").asLong();
        OrderFeedPoll feed = new OrderFeedPoll(
                server.db(),
                new CabinetRepository(server.db(), new KeyVault(KEK)),
                SyncFixture.relaxedClient(sandbox.baseUrl(), server.app().meters()),
                server.app().eventSink(),
                new FeedSettings(true, Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(15)),
                clock,
                server.app().meters());
        feed.poll(cabinet);
        assertThat(dashboard().path("orders_today").path("count").asLong()).isZero();

        SandboxShop shop = seller.shop();
        Product product = shop.products().getFirst();
        long chrt = product.sizes().getFirst().chrtId();
        String first = shop.placeOrder(product.nmId(), chrt, "Коледино");
        String second = shop.placeOrder(product.nmId(), chrt, "Коледино");
        shop.cancelOrder(second, "app");
        clock.advance(Duration.ofSeconds(2)); // the sandbox's feed shows what happened up to the last whole second
        feed.poll(cabinet);

        JsonNode today = dashboard();
        assertThat(today.path("orders_today").path("count").asLong()).isEqualTo(2);
        assertThat(today.path("orders_today").path("sum").decimalValue()).isPositive();
        assertThat(today.path("cancellations_today").path("count").asLong()).isEqualTo(1);

        var recent = server.get("/api/v1/bot/orders/recent?telegram_id=" + ANNA);
        assertThat(recent.status()).as(recent.body()).isEqualTo(200);
        JsonNode block = recent.json().path("cabinets").get(0);
        assertThat(block.path("total").asLong()).isEqualTo(2);
        JsonNode live = null;
        for (JsonNode line : block.path("orders")) {
            if (line.path("srid").asText().equals(first)) {
                live = line;
            }
        }
        assertThat(live).as("the live order is listed").isNotNull();
        assertThat(live.path("status").asText()).isEqualTo("active");
        assertThat(live.path("price").decimalValue()).isPositive();
        assertThat(live.path("warehouse").asText()).isEqualTo("Коледино");
        String city = server.db()
                .withConnection(c -> ru.wbassist.db.Sql.queryOne(
                        c, "SELECT destination_city FROM wb_orders WHERE srid = ?", rs -> rs.getString(1), first))
                .orElseThrow();
        assertThat(city).isNotBlank();
        assertThat(live.path("region").isTextual())
                .as("the feed's city while statistics has no region")
                .isTrue();
        assertThat(live.path("region").asText()).isEqualTo(city);
    }

    private JsonNode dashboard() {
        var response = server.get("/api/v1/bot/dashboard?telegram_id=" + ANNA);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("cabinets").get(0);
    }
}
