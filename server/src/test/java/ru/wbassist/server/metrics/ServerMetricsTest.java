package ru.wbassist.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.observability.BuildInfo;
import ru.wbassist.observability.OpsMetricNames;
import ru.wbassist.observability.Scrape;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.KeyVault;
import ru.wbassist.server.events.MutableClock;
import ru.wbassist.server.sync.CabinetSync;
import ru.wbassist.server.sync.FeedSettings;
import ru.wbassist.server.sync.OrderFeedPoll;
import ru.wbassist.server.sync.SyncSettings;
import ru.wbassist.server.wb.RateLimiter;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbException;
import ru.wbassist.server.wb.WbHosts;

/**
 * The server's own meters move as an operator expects (on H2 and PostgreSQL), read the way Prometheus reads them: from
 * {@code /observe/metrics} of a running server. The sync is the real one against the WB sandbox (driven directly
 * rather than by the scheduler, so WB's published per-minute limits do not slow the test); deliveries and failures
 * go through the notification API as the bot sends them. Counters are process-wide, so the test compares deltas.
 */
class ServerMetricsTest {

    private static final byte[] KEK = new byte[32];

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
    void syncWbLimitsAndDeliveryMoveTheMeters(DatabaseConfig.Vendor vendor) throws Exception {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(11)
                .pageCap(80_000)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(2));
        SandboxSeller seller = sandbox.createSeller("ИП Метрикин");
        server = TestServer.start(
                vendor, Map.of("KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(KEK)));
        assertThat(server.post("/users/", Map.of("telegram_id", 31)).status()).isEqualTo(201);
        var connected = server.post("/wb/cabinets/", Map.of("user_id", 31, "api_key", seller.token()));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        long cabinet = connected.json().path("cabinet").path("id").asLong();
        CabinetSync sync = sync();
        // a second user of the cabinet who does not want order notifications: theirs are skipped
        assertThat(server.post("/users/", Map.of("telegram_id", 33)).status()).isEqualTo(201);
        assertThat(server.post("/wb/cabinets/", Map.of("user_id", 33, "api_key", seller.token()))
                        .status())
                .isEqualTo(200);
        assertThat(server.post("/api/v1/notifications/settings?telegram_id=33", Map.of("new_orders_enabled", false))
                        .status())
                .isEqualTo(200);

        // a baseline sync: every data set runs, WB answers 200
        Scrape before = scrape();
        assertThat(sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        Scrape baseline = scrape();
        assertThat(delta(
                        before,
                        baseline,
                        "wbassist_sync_runs_total",
                        Map.of("data_set", "orders", "outcome", "success")))
                .isEqualTo(1);
        assertThat(delta(before, baseline, "wbassist_sync_duration_seconds_count", Map.of("data_set", "orders")))
                .isEqualTo(1);
        assertThat(delta(before, baseline, "wbassist_wb_requests_total", Map.of("group", "orders", "status", "200")))
                .isGreaterThanOrEqualTo(1);
        assertThat(baseline.sum("wbassist_cabinets_sync_overdue")).isZero();
        assertThat(baseline.sum("wbassist_cabinets_key_invalid")).isZero();

        // a new order: detected and queued by type
        Product product = seller.shop().products().getFirst();
        seller.shop()
                .placeOrder(
                        product.nmId(),
                        product.sizes().getFirst().chrtId(),
                        seller.shop().warehouses().getFirst().name());
        sync.sync(cabinet);
        Scrape ordered = scrape();
        assertThat(delta(baseline, ordered, "wbassist_events_detected_total", Map.of("type", "new_order")))
                .isEqualTo(1);
        assertThat(delta(baseline, ordered, "wbassist_notifications_queued_total", Map.of("type", "new_order")))
                .isEqualTo(1);
        assertThat(delta(
                        baseline,
                        ordered,
                        "wbassist_notifications_skipped_total",
                        Map.of("type", "new_order", "reason", "type_disabled")))
                .isEqualTo(1);
        assertThat(ordered.sum("wbassist_queue_pending")).isEqualTo(1);
        assertThat(ordered.sum("wbassist_queue_oldest_deliverable_age_seconds")).isGreaterThanOrEqualTo(0);

        // the live order feed: a poll that starts 20 s after it was due counts that lateness
        MutableClock feedClock = new MutableClock(Instant.now());
        OrderFeedPoll feed = new OrderFeedPoll(
                server.db(),
                new CabinetRepository(server.db(), new KeyVault(KEK)),
                wb(),
                server.app().eventSink(),
                new FeedSettings(true, Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(15)),
                feedClock,
                server.app().meters());
        feedClock.set(feed.poll(cabinet).orElseThrow().plusSeconds(20));
        Scrape dueAgain = scrape();
        feed.poll(cabinet);
        Scrape polled = scrape();
        assertThat(delta(dueAgain, polled, "wbassist_order_feed_lateness_seconds_count", Map.of()))
                .isEqualTo(1);
        assertThat(polled.sum("wbassist_order_feed_lateness_seconds_sum")
                        - dueAgain.sum("wbassist_order_feed_lateness_seconds_sum"))
                .as("stored times keep microseconds")
                .isCloseTo(20.0, within(0.001));

        // WB answers 429 to everything (one data set's requests, to keep the waits short): answers and waits show
        sandbox.faults().set(1.0, 0, 0, Duration.ZERO);
        assertThatThrownBy(() -> wb().orders(WbCredentials.ofCabinet(cabinet, seller.token()), Instant.now()))
                .isInstanceOf(WbException.class)
                .hasMessageContaining("429");
        sandbox.faults().set(0, 0, 0, Duration.ZERO);
        Scrape limited = scrape();
        assertThat(delta(ordered, limited, "wbassist_wb_requests_total", Map.of("group", "orders", "status", "429")))
                .isEqualTo(3);
        assertThat(delta(
                        ordered,
                        limited,
                        "wbassist_wb_retry_wait_seconds_count",
                        Map.of("group", "orders", "reason", "rate_limited")))
                .isEqualTo(2);
        assertThat(delta(
                        ordered,
                        limited,
                        "wbassist_wb_retry_wait_seconds_sum",
                        Map.of("group", "orders", "reason", "rate_limited")))
                .isGreaterThanOrEqualTo(0);

        // the bot leases and delivers it; a test notification fails once (retried), then for good
        List<JsonNode> leased = lease();
        assertThat(leased).hasSize(1);
        assertThat(scrape().sum("wbassist_queue_leased")).isEqualTo(1);
        ack(Map.of(
                "delivered", List.of(Map.of("id", leased.getFirst().path("id").asLong()))));
        assertThat(server.postEmpty("/api/v1/notifications/test?telegram_id=31&type=negative_review")
                        .status())
                .isEqualTo(201);
        long failing = lease().getFirst().path("id").asLong();
        ack(Map.of("failed", List.of(Map.of("id", failing, "error", "Bad Request: chat not found"))));
        server.db()
                .withConnection(c -> Sql.update(
                        c, "UPDATE notification_history SET deliver_after = CURRENT_TIMESTAMP WHERE id = ?", failing));
        ack(Map.of(
                "failed",
                List.of(Map.of(
                        "id", lease().getFirst().path("id").asLong(), "error", "Forbidden", "permanent", true))));
        Scrape acked = scrape();
        assertThat(delta(limited, acked, "wbassist_notifications_delivered_total", Map.of("type", "new_order")))
                .isEqualTo(1);
        assertThat(delta(
                        limited,
                        acked,
                        "wbassist_notifications_failed_total",
                        Map.of("type", "negative_review", "final", "false")))
                .isEqualTo(1);
        assertThat(delta(
                        limited,
                        acked,
                        "wbassist_notifications_failed_total",
                        Map.of("type", "negative_review", "final", "true")))
                .isEqualTo(1);
        assertThat(acked.sum("wbassist_queue_pending")).isZero();

        // a long-poll holding for work is counted while it waits
        CompletableFuture<TestServer.Response> poll =
                CompletableFuture.supplyAsync(() -> server.get("/api/v1/notifications/pending?wait=20"));
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().sum("wbassist_long_polls_waiting") == 1);
        server.postEmpty("/api/v1/notifications/test?telegram_id=31&type=new_order");
        assertThat(poll.get().json().path("items")).hasSize(1);
        assertThat(scrape().sum("wbassist_long_polls_waiting")).isZero();

        // every server metric the operator files (ops/) use is exported, now that each has had a reason to move
        Set<String> exported = scrape().names();
        assertThat(OpsMetricNames.all().stream().filter(name -> !name.startsWith("wbassist_bot_")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(exported).contains(name));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aCabinetNotSyncedForTwoIntervalsIsOverdueAndARejectedKeyIsCounted(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(12)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(1));
        SandboxSeller seller = sandbox.createSeller("ИП Опоздалов");
        server = TestServer.start(
                vendor, Map.of("KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(KEK), "SYNC_INTERVAL", "60"));
        server.post("/users/", Map.of("telegram_id", 32));
        long cabinet = server.post("/wb/cabinets/", Map.of("user_id", 32, "api_key", seller.token()))
                .json()
                .path("cabinet")
                .path("id")
                .asLong();
        assertThat(scrape().sum("wbassist_cabinets_sync_overdue")).isZero();

        server.db()
                .withConnection(c -> Sql.update(
                        c,
                        "UPDATE wb_cabinets SET created_at =" + " CURRENT_TIMESTAMP - INTERVAL '3' MINUTE WHERE id = ?",
                        cabinet));
        assertThat(scrape().sum("wbassist_cabinets_sync_overdue")).isEqualTo(1);

        sync().sync(cabinet);
        assertThat(scrape().sum("wbassist_cabinets_sync_overdue")).isZero();

        // its runs are now older than 2 x 60 s: overdue again
        server.db()
                .withConnection(c -> Sql.update(
                        c,
                        "UPDATE wb_sync_logs SET started_at = started_at"
                                + " - INTERVAL '3' MINUTE WHERE cabinet_id = ?",
                        cabinet));
        assertThat(scrape().sum("wbassist_cabinets_sync_overdue")).isEqualTo(1);

        // a rejected key is counted as such, not as overdue
        sandbox.revoke(seller.token());
        assertThat(sync().sync(cabinet)).isEqualTo(CabinetSync.Outcome.KEY_REJECTED);
        Scrape rejected = scrape();
        assertThat(rejected.sum("wbassist_cabinets_key_invalid")).isEqualTo(1);
        assertThat(rejected.sum("wbassist_cabinets_sync_overdue")).isZero();
        assertThat(rejected.sum("wbassist_sync_runs_total", Map.of("outcome", "key_rejected")))
                .isPositive();
    }

    @Test
    void theBuildVersionIsServedInHealthDetailsAndMetrics() {
        server = TestServer.start(DatabaseConfig.Vendor.H2);
        var health = server.get("/observe/health/details");
        JsonNode build = null;
        for (JsonNode check : health.json().path("checks")) {
            if (check.path("name").asText().equals("build")) {
                build = check;
            }
        }
        assertThat(build).as(health.body()).isNotNull();
        String version = build.path("data").path("version").asText();
        assertThat(version).isEqualTo(BuildInfo.version()).isNotBlank();
        assertThat(scrape().sum("wbassist_build_info", Map.of("version", version)))
                .isEqualTo(1);
    }

    @Test
    void prometheusScrapesWithTheSecretAsABearerTokenOnlyOnMetrics() {
        server = TestServer.start(DatabaseConfig.Vendor.H2);
        var bearer = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observe/metrics"))
                .header("Authorization", "Bearer " + TestServer.SECRET)
                .GET()
                .build());
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(Scrape.parse(bearer.body()).names()).contains("wbassist_queue_pending");
        var wrong = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observe/metrics"))
                .header("Authorization", "Bearer not-the-secret")
                .GET()
                .build());
        assertThat(wrong.status()).isEqualTo(401);
        var none = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observe/metrics"))
                .GET()
                .build());
        assertThat(none.status()).isEqualTo(401);
        var elsewhere = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/users/1"))
                .header("Authorization", "Bearer " + TestServer.SECRET)
                .GET()
                .build());
        assertThat(elsewhere.status()).isEqualTo(401);
    }

    /** The real sync over the server's database and meters, with the sandbox's relaxed limits. */
    private CabinetSync sync() {
        return new CabinetSync(
                server.db(),
                new CabinetRepository(server.db(), new KeyVault(KEK)),
                wb(),
                server.app().eventSink(),
                new SyncSettings(false, Duration.ofSeconds(60), Duration.ofMinutes(60), 2, 1, Duration.ofMillis(100)),
                Clock.systemUTC(),
                server.app().meters());
    }

    private WbClient wb() {
        return new WbClient(
                WbHosts.allAt(sandbox.baseUrl()),
                RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000)),
                Duration.ofSeconds(10),
                Duration.ofMillis(10),
                80_000,
                WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                server.app().meters());
    }

    private List<JsonNode> lease() {
        var pending = server.get("/api/v1/notifications/pending?limit=10");
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        pending.json().path("items").forEach(items::add);
        return items;
    }

    private void ack(Map<String, Object> body) {
        var acked = server.post("/api/v1/notifications/ack", body);
        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
    }

    private Scrape scrape() {
        var metrics = server.get("/observe/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        return Scrape.parse(metrics.body());
    }

    private static double delta(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
