package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order feed over HTTP: WB's validation, statuses, snapshotTime paging, limits, and the statistics lag. */
class OrderFeedApiTest {

    private static final String FEED = "/api/analytics/v1/order-feed";
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private WbSandbox sandbox;
    private SandboxSeller seller;
    private WbHttp http;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void start(boolean relaxed) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .seed(11)
                .historyDays(0)
                .relaxedLimits(relaxed)
                .clock(clock));
        seller = sandbox.createSeller("Feed shop");
        http = new WbHttp(sandbox.baseUrl());
    }

    private String period(Instant start) {
        return "{\"selectedPeriod\":{\"start\":\"" + OffsetDateTime.ofInstant(start, MskTime.MOSCOW) + "\"}";
    }

    private HttpResponse<String> feed(String body) {
        return http.post(FEED, seller.token(), body);
    }

    @Test
    void badRequestsGet400ProblemJsonNamingTheField() {
        start(true);
        Map<String, String> cases = new HashMap<>();
        cases.put("{}", "selectedPeriod: field required");
        cases.put("{\"selectedPeriod\":{}}", "selectedPeriod.start: field required");
        cases.put("{\"selectedPeriod\":{\"start\":\"2026-12-07\"}}", "selectedPeriod.start: must be a date-time");
        cases.put(period(T0.minus(Duration.ofDays(32))) + "}", "the last 31 days");
        cases.put(
                "{\"selectedPeriod\":{\"start\":\"2026-12-07T10:00:00+03:00\",\"end\":\"2026-12-07T09:00:00+03:00\"}}",
                "end is before start");
        cases.put(period(T0.minusSeconds(60)) + ",\"pagination\":{\"limit\":10001}}", "pagination.limit");
        cases.put(period(T0.minusSeconds(60)) + ",\"pagination\":{\"offset\":-1}}", "pagination.offset");
        cases.put(
                period(T0.minusSeconds(60)) + ",\"pagination\":{\"snapshotTime\":\"2027-01-01T00:00:00+03:00\"}}",
                "in the future");
        cases.put(period(T0.minusSeconds(60)) + ",\"nmIds\":" + ids(1001) + "}", "nmIds: at most 1000");
        cases.put(period(T0.minusSeconds(60)) + ",\"nmIds\":\"1\"}", "nmIds: must be an array");
        cases.put("[1]", "JSON object");
        for (var c : cases.entrySet()) {
            HttpResponse<String> response = feed(c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .contains("problem+json");
            assertThat(json(response).get("detail").asText()).as(c.getKey()).contains(c.getValue());
        }
        assertThat(http.get(FEED, seller.token()).statusCode()).isEqualTo(405);
        String noAnalytics =
                sandbox.mintToken(seller, Scope.mask(Scope.STATISTICS, Scope.CONTENT), T0.plus(Duration.ofDays(30)));
        HttpResponse<String> refused = http.post(FEED, noAnalytics, period(T0.minusSeconds(60)) + "}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("detail").asText()).isEqualTo("token scope not allowed");
    }

    @Test
    void everyStatusWithItsTimeReasonAndWhereaboutsNewestFirst() {
        start(true);
        SandboxShop shop = seller.shop();
        Map<String, String> expected = new HashMap<>();
        String created = place(shop);
        expected.put(created, "created");
        List<String> cancelTypes = List.of("app", "receipt", "expire", "other");
        Map<String, String> cancelled = new HashMap<>();
        for (String type : cancelTypes) {
            String srid = place(shop);
            clock.advance(Duration.ofSeconds(10));
            shop.cancelOrder(srid, type);
            cancelled.put(srid, type);
            expected.put(srid, "cancel");
        }
        String bought = place(shop);
        String returned = place(shop);
        String faulty = place(shop);
        clock.advance(Duration.ofSeconds(10));
        shop.buyout(bought);
        shop.buyout(returned);
        shop.buyout(faulty);
        clock.advance(Duration.ofSeconds(10));
        shop.returnOrder(returned);
        Instant returnedAt = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        shop.returnOrder(faulty, true);
        expected.put(bought, "buyout");
        expected.put(returned, "return");
        expected.put(faulty, "returnDefective");
        clock.advance(Duration.ofSeconds(5));

        JsonNode answer = json(feed(period(T0.minusSeconds(1)) + ",\"pagination\":{\"limit\":100}}"));
        JsonNode data = answer.get("data");
        assertThat(data.get("currency").asText()).isEqualTo("RUB");
        assertThat(data.get("snapshotTime").asText()).endsWith("+03:00");
        List<Instant> times = new ArrayList<>();
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode o : data.get("orders")) {
            String srid = o.get("srid").asText();
            statuses.put(srid, o.get("status").asText());
            times.add(OffsetDateTime.parse(o.get("updatedAt").asText()).toInstant());
            assertThat(o.get("updatedAt").asText()).endsWith("+03:00");
            assertThat(o.get("warehouseName").asText()).isEqualTo("Коледино");
            assertThat(o.get("warehouseRegion").asText()).isEqualTo("Центральный");
            assertThat(o.get("destinationCity").asText()).isNotBlank();
            assertThat(o.get("destinationDistrict").asText()).isNotBlank();
            assertThat(o.get("sellerPrice").asDouble()).isPositive();
            assertThat(o.get("isMp").asBoolean()).isFalse();
            assertThat(o.get("chrtId").asLong()).isPositive();
            if (cancelled.containsKey(srid)) {
                assertThat(o.get("cancelType").asText()).isEqualTo(cancelled.get(srid));
            } else {
                assertThat(o.get("cancelType").isNull())
                        .as("cancelType of a %s row", o.get("status"))
                        .isTrue();
            }
            if (srid.equals(returned)) {
                assertThat(OffsetDateTime.parse(o.get("updatedAt").asText()).toInstant())
                        .isEqualTo(returnedAt);
            }
            if (srid.equals(created)) {
                assertThat(o.get("updatedAt").asText())
                        .isEqualTo(o.get("createdAt").asText());
            }
        }
        assertThat(statuses).isEqualTo(expected);
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // the period is by the time of the current status: only the two returns changed in the last 20 s
        JsonNode recent = json(feed(period(clock.instant().minusSeconds(16)) + "}"))
                .get("data")
                .get("orders");
        assertThat(recent).extracting(o -> o.get("srid").asText()).containsExactly(faulty, returned);
    }

    @Test
    void pagesRepeatingTheFirstSnapshotTimeNeitherSkipNorRepeatWhileOrdersChange() {
        start(true);
        SandboxShop shop = seller.shop();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            placed.add(place(shop));
        }
        clock.advance(Duration.ofSeconds(2));
        JsonNode first = json(feed(period(T0.minusSeconds(1)) + ",\"pagination\":{\"limit\":3}}"))
                .get("data");
        String snapshot = first.get("snapshotTime").asText();
        Set<String> seen = new HashSet<>();
        first.get("orders")
                .forEach(o -> assertThat(seen.add(o.get("srid").asText())).isTrue());

        // meanwhile an order is cancelled (its status time moves to the top) and a new one arrives
        shop.cancelOrder(placed.getFirst());
        String later = place(shop);
        clock.advance(Duration.ofSeconds(2));
        for (int offset = 3; ; offset += 3) {
            JsonNode page = json(feed(period(T0.minusSeconds(1)) + ",\"pagination\":{\"limit\":3,\"offset\":" + offset
                            + ",\"snapshotTime\":\"" + snapshot + "\"}}"))
                    .get("data");
            assertThat(page.get("snapshotTime").asText()).isEqualTo(snapshot);
            page.get("orders").forEach(o -> {
                assertThat(seen.add(o.get("srid").asText()))
                        .as("seen twice: %s", o)
                        .isTrue();
                assertThat(o.get("status").asText()).isEqualTo("created");
            });
            if (page.get("orders").size() < 3) {
                break;
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(placed);

        // a new listing (no snapshotTime) sees both changes
        JsonNode fresh = json(feed(period(T0.minusSeconds(1)) + ",\"pagination\":{\"limit\":3}}"))
                .get("data");
        assertThat(fresh.get("orders"))
                .extracting(o -> o.get("srid").asText() + ":" + o.get("status").asText())
                .contains(placed.getFirst() + ":cancel", later + ":created");
    }

    @Test
    void personalTokensGetOneRequestAMinuteAndBaseTokensOneIn3Hours() {
        start(false);
        String body = period(T0.minusSeconds(60)) + "}";
        assertThat(feed(body).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = feed(body);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(
                        limited.headers().firstValue("X-Ratelimit-Retry").orElseThrow()))
                .isBetween(55L, 60L);

        String base = sandbox.mintBaseToken(seller, WbSandbox.DEFAULT_SCOPES, T0.plus(Duration.ofDays(30)));
        assertThat(http.post(FEED, base, body).statusCode())
                .as("Base has its own bucket")
                .isEqualTo(200);
        HttpResponse<String> baseLimited = http.post(FEED, base, body);
        assertThat(baseLimited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(
                        baseLimited.headers().firstValue("X-Ratelimit-Retry").orElseThrow()))
                .isBetween(3 * 3600L - 5, 3 * 3600L);
        assertThat(baseLimited.headers().firstValue("X-Ratelimit-Limit")).contains("1");
    }

    @Test
    void theStatisticsApiShowsOrdersAndCancellationsOnlyAfterItsLagTheFeedAtOnce() {
        start(true);
        sandbox.setStatisticsLag(Duration.ofMinutes(30));
        SandboxShop shop = seller.shop();
        String srid = place(shop);
        clock.advance(Duration.ofSeconds(5));
        assertThat(feed(period(T0.minusSeconds(1)) + "}").body()).contains(srid);
        String orders = "/api/v1/supplier/orders?dateFrom=2026-12-07";
        assertThat(http.get(orders, seller.token()).body()).doesNotContain(srid);

        clock.advance(Duration.ofMinutes(30));
        shop.cancelOrder(srid);
        JsonNode published = json(http.get(orders, seller.token()));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).get("isCancel").asBoolean())
                .as("the cancel is not published yet")
                .isFalse();
        assertThat(published.get(0).get("lastChangeDate").asText()).isEqualTo(MskTime.naive(T0));

        clock.advance(Duration.ofMinutes(31));
        assertThat(json(http.get(orders, seller.token())).get(0).get("isCancel").asBoolean())
                .isTrue();
    }

    private String place(SandboxShop shop) {
        Product product = shop.products().getFirst();
        return shop.placeOrder(product.nmId(), product.sizes().getFirst().chrtId(), Warehouse.MAIN.name());
    }

    private static String ids(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(i);
        }
        return ids.toString();
    }
}
