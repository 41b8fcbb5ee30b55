package ru.wbassist.server.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.Scope;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.metrics.TestMeters;

/** The real client against the WB sandbox on a random port, with WB's own (strict) limits. */
class WbClientSandboxTest {

    private static final int PAGE_CAP = 500;
    private static final RateLimiter NO_LIMITS = RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000));

    private WbSandbox sandbox;
    private SandboxSeller seller;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(42)
                .pageCap(PAGE_CAP)
                .acceleration(0)
                .relaxedLimits(false)
                .historyDays(0));
        seller = sandbox.createSeller("ИП Тестов");
    }

    @AfterEach
    void stop() {
        sandbox.faults().clear();
        sandbox.close();
    }

    private WbClient client(RateLimiter limiter, Duration timeout, Duration backoff) {
        return new WbClient(
                WbHosts.allAt(sandbox.baseUrl()),
                limiter,
                timeout,
                backoff,
                PAGE_CAP,
                WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                TestMeters.detached());
    }

    private WbCredentials credentials() {
        return WbCredentials.ofCabinet(7, seller.token());
    }

    @Test
    void ordersArePagedAcrossThePageCapWithoutLossOrDuplicates() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> generated =
                seller.shop().generateOrders(1234, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));

        List<WbOrder> orders = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(50))
                .orders(credentials(), now.minus(Duration.ofDays(3)));

        assertThat(orders)
                .extracting(WbOrder::srid)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(generated);
        // 1234 rows at 500 a page: three full-or-short pages (plus at most one boundary-only page)
        assertThat(sandbox.requestCount("/api/v1/supplier/orders")).isBetween(3L, 4L);
    }

    @Test
    void pricesAndQuarantinedUploadsComeThroughWbsEnvelopeWithThePricesCategoryOnly() {
        var dress = seller.shop().products().get(0);
        var mug = seller.shop().products().get(1);
        seller.shop().setPrice(dress.nmId(), 2000, 10);
        seller.shop().setPrice(mug.nmId(), 4000, 0);
        seller.shop().setPrice(mug.nmId(), 1000, 0); // 4× below: held in quarantine
        String key = sandbox.mintToken(
                seller, Scope.mask(Scope.PRICES), Instant.now().plus(Duration.ofDays(1)));
        WbClient client =
                client(RateLimiter.published(10_000, Duration.ZERO), Duration.ofSeconds(10), Duration.ofMillis(50));

        List<WbPrice> prices = client.prices(WbCredentials.ofCabinet(8, key));
        assertThat(prices).hasSize(seller.shop().products().size());
        assertThat(prices)
                .filteredOn(p -> p.nmId() == dress.nmId())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.price()).isEqualByComparingTo("2000");
                    assertThat(p.discount()).isEqualTo(10);
                    assertThat(p.discountedPrice()).isEqualByComparingTo("1800");
                });
        assertThat(prices)
                .filteredOn(p -> p.nmId() == mug.nmId())
                .singleElement()
                .satisfies(p -> assertThat(p.price()).isEqualByComparingTo("4000"));
        assertThat(client.quarantine(WbCredentials.ofCabinet(8, key)))
                .singleElement()
                .satisfies(q -> {
                    assertThat(q.nmId()).isEqualTo(mug.nmId());
                    assertThat(q.oldPrice()).isEqualByComparingTo("4000");
                    assertThat(q.newPrice()).isEqualByComparingTo("1000");
                });
        assertThatThrownBy(() -> client.prices(credentials())) // the default key has no Prices category
                .isInstanceOfSatisfying(
                        WbException.KeyRejected.class,
                        e -> assertThat(e.reason()).contains("token scope not allowed"));
    }

    @Test
    void theSandboxHoldsThePricesCategoryToFiveAtOnceThenOneEvery600Ms() throws Exception {
        String key = sandbox.mintToken(
                seller, Scope.mask(Scope.PRICES), Instant.now().plus(Duration.ofDays(1)));
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(http.send(
                            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/quarantine/goods?limit=10"))
                                    .header("Authorization", key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        HttpResponse<String> bad = http.send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/list/goods/filter?limit=1001"))
                        .header("Authorization", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isIn(400, 429);
    }

    @Test
    void theBucketKeepsASteadyStateClearOfTooManyRequests() {
        WbClient client =
                client(RateLimiter.published(10_000, Duration.ZERO), Duration.ofSeconds(10), Duration.ofMillis(50));
        for (int i = 0; i < 5; i++) {
            client.feedbacks(credentials(), null); // two requests each: unanswered, answered
        }
        // WB allows a burst of 6 and then 3 a second: the client spaced the last four, so none was refused and retried
        assertThat(sandbox.requestCount("/api/v1/feedbacks")).isEqualTo(10);
    }

    @Test
    void aTooManyRequestsAnswerIsWaitedOutAsTheHeaderSays() throws Exception {
        WbClient client = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(50));
        for (int i = 0; i < 3; i++) {
            client.feedbacks(credentials(), null); // 6 requests: the burst is spent
        }
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        sandbox.baseUrl() + "/api/v1/feedbacks?isAnswered=false&take=10&skip=0"))
                                .header("Authorization", seller.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        long retrySeconds =
                Long.parseLong(refused.headers().firstValue("X-Ratelimit-Retry").orElseThrow());
        long before = sandbox.requestCount("/api/v1/feedbacks");

        long started = System.nanoTime();
        client.feedbacks(credentials(), null);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(retrySeconds).isPositive();
        assertThat(tookMillis).isGreaterThanOrEqualTo(retrySeconds * 1000);
        // refused once more, then both requests went through
        assertThat(sandbox.requestCount("/api/v1/feedbacks") - before).isEqualTo(3);
    }

    @Test
    void serverErrorsBackOffExponentiallyThenGiveUp() {
        sandbox.faults().set(0, 1.0, 0, Duration.ZERO);
        WbClient client = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(200));

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.orders(credentials(), Instant.now().minus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(
                        WbException.class, e -> assertThat(e.status()).isIn(500, 502, 503));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(sandbox.requestCount("/api/v1/supplier/orders")).isEqualTo(3);
        assertThat(tookMillis).isGreaterThanOrEqualTo(200 + 400);
    }

    @Test
    void aServerErrorIsRetriedUntilWbRecovers() {
        seller.shop()
                .generateOrders(
                        10,
                        Instant.now().minus(Duration.ofHours(5)),
                        Instant.now().minus(Duration.ofHours(4)));
        sandbox.faults().set(0, 1.0, 0, Duration.ZERO);
        WbClient client = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(700));

        CompletableFuture<List<WbOrder>> call = CompletableFuture.supplyAsync(
                () -> client.orders(credentials(), Instant.now().minus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.requestCount("/api/v1/supplier/orders") >= 1);
        sandbox.faults().clear();

        assertThat(call.join()).hasSize(10);
        assertThat(sandbox.requestCount("/api/v1/supplier/orders")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void slowAnswersTimeOutAndCountAsFailures() {
        sandbox.faults().set(0, 0, 1.0, Duration.ofMillis(1500));
        WbClient client = client(NO_LIMITS, Duration.ofMillis(300), Duration.ofMillis(50));

        assertThatThrownBy(() -> client.orders(credentials(), Instant.now().minus(Duration.ofDays(1))))
                .isInstanceOf(WbException.Unreachable.class)
                .hasMessageContaining("3 attempts");
    }

    @Test
    void aRevokedKeyIsRejectedOnceAndNotRetried() {
        WbClient client = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(50));
        assertThat(client.checkKey(credentials()).name()).isEqualTo("ИП Тестов");
        sandbox.revoke(seller.token());

        assertThatThrownBy(() -> client.orders(credentials(), Instant.now().minus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(WbException.KeyRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain(seller.token());
                });
        assertThat(sandbox.requestCount("/api/v1/supplier/orders")).isEqualTo(1);
        assertThatThrownBy(() -> client.checkKey(credentials())).isInstanceOf(WbException.KeyRejected.class);
    }

    @Test
    void aKeyWithoutTheCategoryIsRejectedWithWbsReason() {
        String statisticsOnly = sandbox.mintToken(
                seller, Scope.mask(Scope.STATISTICS), Instant.now().plus(Duration.ofDays(30)));
        WbClient client = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(50));

        assertThatThrownBy(() -> client.stocks(WbCredentials.ofCabinet(8, statisticsOnly), List.of(1L)))
                .isInstanceOfSatisfying(
                        WbException.KeyRejected.class,
                        e -> assertThat(e.reason()).contains("token scope not allowed"));
    }

    @Test
    void cardsAndStocksOfTheWholeShop() {
        WbClient client = client(NO_LIMITS, Duration.ofSeconds(10), Duration.ofMillis(50));

        WbClient.CardsPage page = client.cards(credentials(), CardCursor.START);

        assertThat(page.cards())
                .extracting(WbCard::nmId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        seller.shop().products().stream().map(p -> p.nmId()).toList());
        // withPhoto=-1 lists cards without photos too; the others show their 516×688 photo
        assertThat(page.cards())
                .allSatisfy(card -> assertThat(card.imageUrl())
                        .satisfiesAnyOf(
                                url -> assertThat(url).contains("/c516x688/"),
                                url -> assertThat(card.photos()).isEmpty()));
        assertThat(page.cards()).anySatisfy(card -> assertThat(card.imageUrl()).isNotNull());
        assertThat(page.next().isStart()).isFalse();
        // continuing from the cursor brings nothing new (nothing changed)
        assertThat(client.cards(credentials(), page.next()).cards()).hasSizeLessThanOrEqualTo(1);

        List<WbStock> stocks = client.stocks(
                credentials(), page.cards().stream().map(WbCard::nmId).toList());
        assertThat(stocks)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.warehouseName()).isNotBlank());
    }
}
