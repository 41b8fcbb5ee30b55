package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.api.Users;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.SandboxShop;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestTokens;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.KeyVault;
import ru.wbassist.server.cabinets.WbToken;
import ru.wbassist.server.events.EventDetector;
import ru.wbassist.server.events.MutableClock;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.notifications.FanOut;
import ru.wbassist.server.notifications.QueueSignal;
import ru.wbassist.server.notifications.QueueWakeups;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.wb.RateLimiter;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbHosts;

/**
 * The live order poll through the real WB client against the WB sandbox, with real detection and fan-out, on H2 and
 * PostgreSQL: one notification per order event whichever source tells first, snapshotTime paging, Base-token limits,
 * and rows WB sends that cannot be stored.
 */
class OrderFeedTest {

    private static final String FEED_PATH = "/api/analytics/v1/order-feed";
    private static final FeedSettings FEED =
            new FeedSettings(true, Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(15));
    private static final SyncSettings SYNC =
            new SyncSettings(false, Duration.ofSeconds(60), Duration.ofMinutes(60), 2, 1, Duration.ofMillis(100));

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private WbSandbox sandbox;
    private SandboxSeller seller;
    private Database db;
    private CabinetRepository cabinets;
    private QueueWakeups watcher;
    private EventDetector detector;
    private long anna;

    @AfterEach
    void stop() {
        watcher.close();
        sandbox.close();
        db.close();
    }

    private void start(DatabaseConfig.Vendor vendor, boolean relaxedLimits, int historyDays) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(21)
                .acceleration(0)
                .relaxedLimits(relaxedLimits)
                .historyDays(historyDays)
                .clock(clock));
        seller = sandbox.createSeller("ИП Лента");
        db = TestDatabases.fresh(vendor);
        cabinets = new CabinetRepository(db, new KeyVault(new byte[32]));
        watcher = new QueueWakeups(db, new QueueSignal(), clock, Duration.ofSeconds(1));
        detector = new EventDetector(new FanOut(watcher, clock, TestMeters.detached()), clock, TestMeters.detached());
        anna = new UserRepository(db)
                .register(new Users.Registration(701L, "anna", "Анна", null, "ru"))
                .user()
                .id();
    }

    private long connect(String token) {
        return cabinets.connect(anna, token, "Лента", WbToken.parse(token))
                .cabinet()
                .id();
    }

    private WbClient client(String baseUrl, RateLimiter limiter) {
        return new WbClient(
                WbHosts.allAt(baseUrl),
                limiter,
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                80_000,
                WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                TestMeters.detached());
    }

    private WbClient relaxedClient() {
        return SyncFixture.relaxedClient(sandbox.baseUrl(), TestMeters.detached());
    }

    private OrderFeedPoll feed(WbClient wb) {
        return new OrderFeedPoll(db, cabinets, wb, detector, FEED, clock, TestMeters.detached());
    }

    /** A connected cabinet with both sources over one relaxed client; nothing run yet. */
    private record BothSources(long cabinet, CabinetSync sync, OrderFeedPoll feed) {}

    private BothSources bothSources(DatabaseConfig.Vendor vendor) {
        start(vendor, true, 2);
        WbClient wb = relaxedClient();
        return new BothSources(
                connect(seller.token()),
                new CabinetSync(db, cabinets, wb, detector, SYNC, clock, TestMeters.detached()),
                feed(wb));
    }

    /** The sandbox's feed shows what happened up to the last whole second: let two pass. */
    private void tick() {
        clock.advance(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void feedFirstThenStatisticsNotifiesEachOrderEventOnceAndEnrichesTheOrder(DatabaseConfig.Vendor vendor) {
        BothSources sources = bothSources(vendor);
        long cabinet = sources.cabinet();
        CabinetSync sync = sources.sync();
        OrderFeedPoll feed = sources.feed();
        assertThat(sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        Instant next = feed.poll(cabinet).orElseThrow();
        assertThat(next).isEqualTo(clock.instant().plus(FEED.interval()));
        assertThat(types()).as("baselines tell nobody").isEmpty();
        assertThat(state(cabinet).cursor()).isNotNull();
        assertThat(state(cabinet).mode()).isEqualTo("on");
        assertThat(state(cabinet).lateness())
                .as("a first poll was due at no set time")
                .isEmpty();
        clock.advance(Duration.between(clock.instant(), next).plusSeconds(3));
        feed.poll(cabinet);
        assertThat(state(cabinet).lateness()).as("started 3 s after it was due").contains(Duration.ofSeconds(3));

        SandboxShop shop = seller.shop();
        Product product = shop.products().getFirst();
        long chrt = product.sizes().getFirst().chrtId();
        String first = shop.placeOrder(product.nmId(), chrt, "Коледино");
        tick();
        feed.poll(cabinet);
        assertThat(types()).containsExactly("new_order");
        String city = value("SELECT destination_city FROM wb_orders WHERE srid = ?", first);
        assertThat(text("new_order"))
                .contains(product.title())
                .contains("Коледино (склад WB) → " + city)
                .contains("Сегодня:");
        assertThat(value("SELECT source FROM wb_orders WHERE srid = ?", first)).isEqualTo("feed");
        assertThat(value("SELECT total_price FROM wb_orders WHERE srid = ?", first))
                .isEqualTo("null");

        sync.sync(cabinet);
        assertThat(types()).as("statistics brings the same srid: nothing new").containsExactly("new_order");
        assertThat(value("SELECT total_price FROM wb_orders WHERE srid = ?", first))
                .isNotEqualTo("null");
        assertThat(value("SELECT tech_size FROM wb_orders WHERE srid = ?", first))
                .isNotEqualTo("null");
        assertThat(value("SELECT destination_city FROM wb_orders WHERE srid = ?", first))
                .isEqualTo(city);

        shop.cancelOrder(first, "receipt");
        tick();
        feed.poll(cabinet);
        sync.sync(cabinet);
        assertThat(types()).containsExactly("new_order", "order_cancellation");
        assertThat(text("order_cancellation")).contains("Причина: покупатель отказался при получении");

        String second = shop.placeOrder(product.nmId(), chrt, "Коледино");
        tick();
        feed.poll(cabinet);
        shop.buyout(second);
        tick();
        feed.poll(cabinet);
        sync.sync(cabinet);
        shop.returnOrder(second, true);
        tick();
        feed.poll(cabinet);
        sync.sync(cabinet);
        feed.poll(cabinet);
        assertThat(types())
                .containsExactly("new_order", "order_cancellation", "new_order", "order_buyout", "order_return");
        assertThat(text("order_return")).contains("Возврат (брак)");
        assertThat(count("SELECT COUNT(*) FROM wb_sales WHERE srid = ?", second))
                .as("both sale rows stored")
                .isEqualTo(2);
        assertThat(value("SELECT status FROM wb_orders WHERE srid = ?", second)).isEqualTo("return");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void theLiveNewOrderCardNamesTheSizeOfTheFeedsChrtIdAndLeavesAnUnknownSizeOut(DatabaseConfig.Vendor vendor) {
        BothSources sources = bothSources(vendor);
        long cabinet = sources.cabinet();
        long bob = new UserRepository(db)
                .register(new Users.Registration(702L, "bob", "Bob", null, "en"))
                .user()
                .id();
        cabinets.connect(bob, seller.token(), "Лента", WbToken.parse(seller.token()));
        sources.sync().sync(cabinet);
        sources.feed().poll(cabinet);
        List<Product> sized = seller.shop().products().stream()
                .filter(p -> !p.sizes().getFirst().techSize().equals("0"))
                .toList();
        Product product = sized.get(0);
        Product.Size size = product.sizes().getFirst();
        assertThat(value(
                        "SELECT tech_size FROM wb_product_sizes WHERE nm_id = ? AND chrt_id = ?",
                        product.nmId(),
                        size.chrtId()))
                .as("the sandbox's card lists the size under the chrtId its feed names")
                .isEqualTo(size.techSize());

        String srid = seller.shop().placeOrder(product.nmId(), size.chrtId(), "Коледино");
        tick();
        sources.feed().poll(cabinet);
        assertThat(value("SELECT source FROM wb_orders WHERE srid = ?", srid)).isEqualTo("feed");
        assertThat(value("SELECT tech_size FROM wb_orders WHERE srid = ?", srid))
                .isEqualTo(size.techSize());
        assertThat(text(anna, "new_order")).contains("Размер: " + size.techSize() + "\n");
        assertThat(text(bob, "new_order")).contains("Size: " + size.techSize() + "\n");

        // a size the cards sync has not stored yet (WB added it after the last products run): the line is left out
        Product other = sized.get(1);
        Product.Size unknown = other.sizes().getFirst();
        db.inTransaction(c -> Sql.update(c, "DELETE FROM wb_product_sizes WHERE chrt_id = ?", unknown.chrtId()));
        seller.shop().placeOrder(other.nmId(), unknown.chrtId(), "Коледино");
        tick();
        sources.feed().poll(cabinet);
        for (long user : List.of(anna, bob)) {
            String card = text(user, "new_order");
            assertThat(card)
                    .contains(other.title())
                    .doesNotContain("Размер")
                    .doesNotContain("Size")
                    .doesNotContain("null");
            assertThat(card.lines()).as("no field printed empty").noneMatch(line -> line.matches(".*:\\s*"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void statisticsFirstThenFeedNotifiesNothingAgain(DatabaseConfig.Vendor vendor) {
        BothSources sources = bothSources(vendor);
        long cabinet = sources.cabinet();
        CabinetSync sync = sources.sync();
        OrderFeedPoll feed = sources.feed();
        sync.sync(cabinet);
        feed.poll(cabinet);
        SandboxShop shop = seller.shop();
        Product product = shop.products().getFirst();
        long chrt = product.sizes().getFirst().chrtId();

        String first = shop.placeOrder(product.nmId(), chrt, "Коледино");
        tick();
        sync.sync(cabinet);
        feed.poll(cabinet);
        shop.cancelOrder(first, "expire");
        tick();
        sync.sync(cabinet);
        feed.poll(cabinet);
        assertThat(types()).containsExactly("new_order", "order_cancellation");
        assertThat(value("SELECT cancel_type FROM wb_orders WHERE srid = ?", first))
                .as("the feed enriches")
                .isEqualTo("expire");

        String second = shop.placeOrder(product.nmId(), chrt, "Коледино");
        tick();
        sync.sync(cabinet);
        shop.buyout(second);
        tick();
        sync.sync(cabinet);
        feed.poll(cabinet);
        shop.returnOrder(second);
        tick();
        sync.sync(cabinet);
        feed.poll(cabinet);
        sync.sync(cabinet);
        assertThat(types())
                .containsExactly("new_order", "order_cancellation", "new_order", "order_buyout", "order_return");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void eachCancelTypeTheFeedReportsIsToldWithItsReason(DatabaseConfig.Vendor vendor) {
        BothSources sources = bothSources(vendor);
        long cabinet = sources.cabinet();
        sources.sync().sync(cabinet);
        sources.feed().poll(cabinet);
        SandboxShop shop = seller.shop();
        Product product = shop.products().getFirst();
        long chrt = product.sizes().getFirst().chrtId();
        java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
        reasons.put("app", "Причина: покупатель отменил заказ до получения");
        reasons.put("receipt", "Причина: покупатель отказался при получении");
        reasons.put("expire", "Причина: заказ не забрали вовремя");
        reasons.put("other", null);
        for (var reason : reasons.entrySet()) {
            String srid = shop.placeOrder(product.nmId(), chrt, "Коледино");
            tick();
            sources.feed().poll(cabinet);
            shop.cancelOrder(srid, reason.getKey());
            tick();
            sources.feed().poll(cabinet);
            assertThat(value("SELECT cancel_type FROM wb_orders WHERE srid = ?", srid))
                    .isEqualTo(reason.getKey());
            String card = text("order_cancellation");
            if (reason.getValue() == null) {
                assertThat(card).as("WB names no reason: none is printed").doesNotContain("Причина");
            } else {
                assertThat(card).contains(reason.getValue());
            }
        }
        assertThat(types())
                .containsExactly(
                        "new_order",
                        "order_cancellation",
                        "new_order",
                        "order_cancellation",
                        "new_order",
                        "order_cancellation",
                        "new_order",
                        "order_cancellation");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aKeyWithoutAnalyticsIsNotPolledAndARejectedKeyIsMarkedOnce(DatabaseConfig.Vendor vendor) {
        start(vendor, true, 0);
        String statisticsOnly = sandbox.mintToken(
                seller,
                ru.wbassist.emulators.wb.Scope.mask(
                        ru.wbassist.emulators.wb.Scope.STATISTICS,
                        ru.wbassist.emulators.wb.Scope.CONTENT,
                        ru.wbassist.emulators.wb.Scope.FEEDBACKS),
                clock.instant().plus(Duration.ofDays(30)));
        long off = connect(statisticsOnly);
        OrderFeedPoll feed = feed(relaxedClient());
        Instant next = feed.poll(off).orElseThrow();
        assertThat(sandbox.requestCount(FEED_PATH))
                .as("no request without Analytics")
                .isZero();
        assertThat(state(off).mode()).isEqualTo("off");
        assertThat(state(off).reason()).isEqualTo("no_analytics");
        assertThat(next).isEqualTo(clock.instant().plus(OrderFeedPoll.RECHECK_OFF));

        // WB revokes the other cabinet's key: the poll marks it invalid and tells once, then waits for the sync
        String key = sandbox.createSeller("ИП Второй").token();
        long live = connect(key);
        feed.poll(live);
        assertThat(sandbox.requestCount(FEED_PATH)).isEqualTo(1);
        sandbox.revoke(key);
        feed.poll(live);
        assertThat(sandbox.requestCount(FEED_PATH)).isEqualTo(2);
        assertThat(state(live).mode()).isEqualTo("off");
        assertThat(state(live).reason()).isEqualTo("key_rejected");
        assertThat(count("SELECT COUNT(*) FROM wb_cabinets WHERE id = ? AND key_invalid_since IS NOT NULL", live))
                .isEqualTo(1);
        feed.poll(live);
        assertThat(sandbox.requestCount(FEED_PATH))
                .as("a rejected key is not tried by the poll")
                .isEqualTo(2);
        assertThat(types()).containsExactly("key_invalid");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aListingLongerThanAPageIsReadWithTheFirstSnapshotTime(DatabaseConfig.Vendor vendor) {
        start(vendor, true, 0);
        long cabinet = connect(seller.token());
        Instant now = clock.instant();
        List<String> placed =
                seller.shop().generateOrders(20_500, now.minus(Duration.ofMinutes(9)), now.minusSeconds(5));
        feed(relaxedClient()).poll(cabinet);
        assertThat(sandbox.requestCount(FEED_PATH)).as("three pages of 10,000").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM wb_orders WHERE source = 'feed'"))
                .isEqualTo(placed.size());
        assertThat(count("SELECT COUNT(DISTINCT srid) FROM wb_orders")).isEqualTo(placed.size());
        assertThat(types()).as("the baseline").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aBaseTokenIsPolledAsWbAllowsAndALong429IsNotWaitedOutNorRepeated(DatabaseConfig.Vendor vendor) {
        start(vendor, false, 0);
        String base = sandbox.mintBaseToken(
                seller, WbSandbox.DEFAULT_SCOPES, clock.instant().plus(Duration.ofDays(30)));
        long cabinet = connect(base);
        OrderFeedPoll server1 = feed(client(sandbox.baseUrl(), RateLimiter.published(60, Duration.ZERO)));

        Instant next = server1.poll(cabinet).orElseThrow();
        assertThat(sandbox.requestCount(FEED_PATH)).isEqualTo(1);
        assertThat(Duration.between(clock.instant(), next))
                .as("one request per 3 hours, with our margin")
                .isBetween(Duration.ofHours(3), Duration.ofMinutes(200));
        OrderFeedState slowed = state(cabinet);
        assertThat(slowed.mode()).isEqualTo("slowed");
        assertThat(slowed.reason()).isEqualTo("base_token");
        assertThat(slowed.lastStatus()).isEqualTo("success");

        // polled again early (another trigger): put off, WB is not asked
        assertThat(Duration.between(clock.instant(), server1.poll(cabinet).orElseThrow()))
                .isGreaterThan(Duration.ofHours(3));
        assertThat(sandbox.requestCount(FEED_PATH)).isEqualTo(1);

        // a second server (its own buckets) asks once, meets WB's 429 with a 3-hour X-Ratelimit-Retry, and neither
        // waits it out nor asks again until then
        OrderFeedPoll server2 = feed(client(sandbox.baseUrl(), RateLimiter.published(60, Duration.ZERO)));
        Instant after429 = server2.poll(cabinet).orElseThrow();
        assertThat(sandbox.requestCount(FEED_PATH)).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), after429)).isGreaterThan(Duration.ofMinutes(175));
        assertThat(sandbox.tooManyRequestsCount(FEED_PATH)).isEqualTo(1);
        assertThat(state(cabinet).lastStatus()).isEqualTo("failed");
        assertThat(state(cabinet).lastError()).contains("429");
        server2.poll(cabinet);
        assertThat(sandbox.requestCount(FEED_PATH)).isEqualTo(2);

        // what the sync status (and the bot's /sync) shows: slowed by the Base token, the next poll when WB allows
        // one, and the latency that follows: the time since the last poll WB answered
        Instant at429 = clock.instant();
        clock.advance(Duration.ofMinutes(30));
        var live = OrderFeedState.view(java.util.Optional.of(state(cabinet)), clock.instant());
        assertThat(live.state()).isEqualTo("slowed");
        assertThat(live.reason()).isEqualTo("base_token");
        assertThat(Duration.between(at429, live.nextPollAt())).isGreaterThan(Duration.ofMinutes(175));
        assertThat(live.lagSeconds()).isEqualTo(Duration.ofMinutes(30).toSeconds());
        assertThat(sandbox.tooManyRequestsCount(FEED_PATH)).as("no 429 storm").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notification_history")).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void rowsThatCannotBeStoredAreSkippedThePollIsPartialAndTheCursorStaysBeforeThem(DatabaseConfig.Vendor vendor)
            throws IOException {
        start(vendor, true, 0);
        AtomicReference<String> answer = new AtomicReference<>(feedAnswer(""));
        HttpServer wbStandIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        wbStandIn.createContext(FEED_PATH, exchange -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        wbStandIn.start();
        try {
            long cabinet = connect(TestTokens.valid());
            OrderFeedPoll feed = feed(client(
                    "http://127.0.0.1:" + wbStandIn.getAddress().getPort(),
                    RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000))));
            feed.poll(cabinet);
            Instant baseline = state(cabinet).cursor();
            assertThat(baseline).isEqualTo(clock.instant().minus(FEED.overlap()));

            Instant t = clock.instant();
            answer.set(feedAnswer(String.join(
                    ",",
                    row("1001.0.0", "created", t.minusSeconds(5), t.minusSeconds(5)),
                    row("1002.0.0", "lost", t.minusSeconds(60), t.minusSeconds(30)),
                    row("", "created", t.minusSeconds(40), t.minusSeconds(40)))));
            feed.poll(cabinet);
            OrderFeedState partial = state(cabinet);
            assertThat(partial.lastStatus()).isEqualTo("partial");
            assertThat(partial.lastError()).isEqualTo("2 rows WB sent could not be stored");
            assertThat(partial.cursor())
                    .as("before the earliest skipped row")
                    .isEqualTo(t.minusSeconds(40).minusMillis(1));
            assertThat(count("SELECT COUNT(*) FROM wb_orders")).isEqualTo(1);
            assertThat(types()).containsExactly("new_order");

            // WB sends the rows right next time: stored, the cursor moves to the newest, nothing told twice
            answer.set(feedAnswer(String.join(
                    ",",
                    row("1001.0.0", "created", t.minusSeconds(5), t.minusSeconds(5)),
                    row("1002.0.0", "cancel", t.minusSeconds(60), t.minusSeconds(30)))));
            feed.poll(cabinet);
            assertThat(state(cabinet).lastStatus()).isEqualTo("success");
            assertThat(state(cabinet).cursor()).isEqualTo(t.minusSeconds(5));
            assertThat(types()).containsExactly("new_order", "new_order", "order_cancellation");
        } finally {
            wbStandIn.stop(0);
        }
    }

    private static String feedAnswer(String rows) {
        return "{\"data\":{\"snapshotTime\":\"2026-12-07T10:00:00+03:00\",\"currency\":\"RUB\",\"orders\":[" + rows
                + "]}}";
    }

    private static String row(String srid, String status, Instant created, Instant updated) {
        return "{\"nmId\":555,\"chrtId\":777,\"srid\":\"" + srid + "\",\"createdAt\":\"" + created
                + "\",\"updatedAt\":\""
                + updated + "\",\"status\":\"" + status + "\",\"cancelType\":"
                + (status.equals("cancel") ? "\"app\"" : "null")
                + ",\"warehouseName\":\"Коледино\",\"warehouseRegion\":\"Центральный\",\"isMp\":false,"
                + "\"destinationCity\":\"Казань\",\"destinationDistrict\":\"Вахитовский\",\"sellerPrice\":1490,\"isB2b\":false}";
    }

    private OrderFeedState state(long cabinet) {
        return db.withConnection(c -> OrderFeedState.read(c, cabinet)).orElseThrow();
    }

    private List<String> types() {
        return db.withConnection(c -> Sql.query(
                c,
                "SELECT event_type FROM notification_history WHERE user_id = ?" + " ORDER BY id",
                rs -> rs.getString(1),
                anna));
    }

    private String text(String type) {
        return text(anna, type);
    }

    private String text(long user, String type) {
        return db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT text FROM notification_history WHERE user_id = ?"
                                + " AND event_type = ? ORDER BY id DESC LIMIT 1",
                        rs -> rs.getString(1),
                        user,
                        type)
                .orElseThrow());
    }

    private String value(String sql, Object... params) {
        return db.withConnection(c -> Sql.queryOne(c, sql, rs -> String.valueOf(rs.getObject(1)), params))
                .orElseThrow();
    }

    private long count(String sql, Object... params) {
        return db.withConnection(c -> Sql.queryLong(c, sql, params));
    }
}
