package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-05-20T09:00:00Z"), ZoneOffset.UTC);

    /** Everything a client can read about the seller, as raw JSON text. */
    private record Snapshot(
            String sellerInfo, String orders, String sales, String cards, String feedbacks, String stocks) {}

    private static Snapshot snapshot(long seed) {
        try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .seed(seed)
                .historyDays(30)
                .relaxedLimits(true)
                .clock(FIXED))) {
            SandboxSeller seller = sandbox.createSeller("Determinism");
            WbHttp http = new WbHttp(sandbox.baseUrl());
            String token = seller.token();
            return new Snapshot(
                    http.get("/api/v1/seller-info", token).body(),
                    http.get("/api/v1/supplier/orders?dateFrom=2026-01-01", token)
                            .body(),
                    http.get("/api/v1/supplier/sales?dateFrom=2026-01-01", token)
                            .body(),
                    http.post(
                                    "/content/v2/get/cards/list",
                                    token,
                                    "{\"settings\":{\"cursor\":{\"limit\":100},\"filter\":{\"withPhoto\":-1}}}")
                            .body(),
                    http.get("/api/v1/feedbacks?isAnswered=true&take=5000&skip=0", token)
                                    .body()
                            + http.get("/api/v1/feedbacks?isAnswered=false&take=5000&skip=0", token)
                                    .body(),
                    http.post("/api/analytics/v1/stocks-report/wb-warehouses", token, "{}")
                            .body());
        }
    }

    @Test
    void theSameSeedGivesTheSameShopAndHistory() {
        Snapshot first = snapshot(42);
        assertThat(snapshot(42)).isEqualTo(first);
        Snapshot other = snapshot(43);
        assertThat(other.cards()).isNotEqualTo(first.cards());
        assertThat(other.orders()).isNotEqualTo(first.orders());
    }

    @Test
    void ninetyDaysOfHistoryLookLikeAShop() {
        try (WbSandbox sandbox =
                WbSandbox.start(WbSandbox.Options.defaults().seed(2024).relaxedLimits(true))) {
            SandboxSeller seller = sandbox.createSeller("History");
            WbHttp http = new WbHttp(sandbox.baseUrl());
            List<Product> products = seller.shop().products();
            assertThat(products).hasSizeBetween(20, 60);
            assertThat(products).allSatisfy(p -> {
                assertThat(p.title()).matches(".*[а-яА-Я].*");
                assertThat(p.sizes()).isNotEmpty();
            });
            assertThat(products.stream().map(Product::nmId).distinct()).hasSize(products.size());
            // about one discount move every three days: some cards no longer have the catalog's discount
            assertThat(products.stream()
                            .filter(p -> seller.shop().price(p.nmId()).discount() != p.discountPercent()))
                    .isNotEmpty();

            JsonNode orders = json(ok(http.get("/api/v1/supplier/orders?dateFrom=2020-01-01", seller.token())));
            assertThat(orders.size()).isGreaterThan(90 * 20);
            int cancelled = 0;
            int evening = 0;
            int night = 0;
            for (JsonNode order : orders) {
                if (order.get("isCancel").asBoolean()) {
                    cancelled++;
                }
                int hour = Integer.parseInt(order.get("date").asText().substring(11, 13));
                if (hour >= 19 && hour <= 22) {
                    evening++;
                } else if (hour >= 2 && hour <= 5) {
                    night++;
                }
            }
            assertThat(cancelled / (double) orders.size()).isBetween(0.09, 0.18);
            assertThat(evening).isGreaterThan(5 * night);

            JsonNode sales = json(ok(http.get("/api/v1/supplier/sales?dateFrom=2020-01-01", seller.token())));
            Map<Character, Integer> byKind = new HashMap<>();
            Map<String, String> orderDates = new HashMap<>();
            orders.forEach(
                    o -> orderDates.put(o.get("srid").asText(), o.get("date").asText()));
            for (JsonNode sale : sales) {
                byKind.merge(sale.get("saleID").asText().charAt(0), 1, Integer::sum);
                String ordered = orderDates.get(sale.get("srid").asText());
                assertThat(ordered).isNotNull();
                assertThat(sale.get("date").asText()).isGreaterThan(ordered);
            }
            assertThat(byKind.get('S')).isGreaterThan(orders.size() / 2);
            assertThat(byKind.get('R')).isPositive().isLessThan(byKind.get('S') / 5);

            JsonNode answered = json(ok(http.get("/api/v1/feedbacks?isAnswered=true&take=5000&skip=0", seller.token())))
                    .get("data");
            JsonNode unanswered = json(ok(
                            http.get("/api/v1/feedbacks?isAnswered=false&take=5000&skip=0", seller.token())))
                    .get("data");
            int reviews = answered.get("feedbacks").size()
                    + unanswered.get("feedbacks").size();
            assertThat(reviews).isGreaterThan(50);
            assertThat(unanswered.get("countUnanswered").asInt())
                    .isEqualTo(unanswered.get("feedbacks").size());
            double stars = 0;
            for (JsonNode page : List.of(answered.get("feedbacks"), unanswered.get("feedbacks"))) {
                for (JsonNode feedback : page) {
                    stars += feedback.get("productValuation").asInt();
                }
            }
            assertThat(stars / reviews).isBetween(3.6, 4.7);

            JsonNode stocks = json(ok(http.post("/api/analytics/v1/stocks-report/wb-warehouses", seller.token(), "{}")))
                    .get("items");
            Set<String> warehouses = new HashSet<>();
            stocks.forEach(item -> {
                warehouses.add(item.get("warehouseName").asText());
                assertThat(item.get("quantity").asInt()).isNotNegative();
            });
            assertThat(warehouses).contains("Коледино", "Подольск", "Казань", "Электросталь");
        }
    }

    /** Its speed is IngestBenchmark's (docs/benchmarks.md, Ingest); here: every order once, in WB's 80,000-row pages. */
    @Test
    void bulkOrdersAreGeneratedAndServedInFullPages() throws IOException {
        try (WbSandbox sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().seed(1).historyDays(0).relaxedLimits(true))) {
            SandboxSeller seller = sandbox.createSeller("Bench");
            seller.shop()
                    .generateOrders(
                            100_000, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));
            HttpClient client = HttpClient.newHttpClient();
            Set<String> srids = new HashSet<>();
            String dateFrom = "2026-03-01";
            int pages = 0;
            int pageSize;
            do {
                List<String[]> rows = sridsAndLastChange(
                        client,
                        sandbox.baseUrl() + "/api/v1/supplier/orders?dateFrom=" + WbHttp.enc(dateFrom),
                        seller.token());
                pages++;
                pageSize = rows.size();
                rows.forEach(row -> srids.add(row[0]));
                dateFrom = rows.getLast()[1];
            } while (pageSize == 80_000);
            assertThat(srids).hasSize(100_000);
            assertThat(pages).isEqualTo(2);
        }
    }

    /** Streams a statistics page and keeps only (srid, lastChangeDate) of each row, as a fast client would. */
    private static List<String[]> sridsAndLastChange(HttpClient client, String url, String token) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", token)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        List<String[]> rows = new ArrayList<>();
        try (JsonParser parser = WbHttp.JSON.getFactory().createParser(response.body())) {
            String srid = null;
            String lastChange = null;
            for (JsonToken next = parser.nextToken(); next != null; next = parser.nextToken()) {
                if (next == JsonToken.FIELD_NAME && parser.currentName().equals("srid")) {
                    srid = parser.nextTextValue();
                } else if (next == JsonToken.FIELD_NAME && parser.currentName().equals("lastChangeDate")) {
                    lastChange = parser.nextTextValue();
                } else if (next == JsonToken.END_OBJECT) {
                    rows.add(new String[] {srid, lastChange});
                }
            }
        }
        return rows;
    }

    @Test
    void liveModeTradesAtNowWithAcceleration() throws InterruptedException {
        // 36,000x: ten simulated hours per real second.
        try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .seed(77)
                .historyDays(0)
                .acceleration(36_000)
                .relaxedLimits(true))) {
            SandboxSeller seller = sandbox.createSeller("Live");
            Instant started = Instant.now().minusSeconds(1);
            long deadline = System.nanoTime() + 15_000_000_000L;
            boolean sawCancellation = false;
            int orders = 0;
            while (System.nanoTime() < deadline && !(sawCancellation && orders > 20)) {
                Thread.sleep(300);
                List<ShopRecords.OrderRecord> rows = seller.shop().orders(o -> true);
                orders = rows.size();
                sawCancellation = rows.stream().anyMatch(ShopRecords.OrderRecord::cancelled);
                rows.forEach(o -> assertThat(o.date())
                        .isAfterOrEqualTo(started.truncatedTo(ChronoUnit.SECONDS))
                        .isBeforeOrEqualTo(Instant.now()));
            }
            assertThat(orders).isGreaterThan(20);
            assertThat(sawCancellation).isTrue();
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void theSimulatedSellerLeavesAnAnswerSentThroughWbAlone() {
        Instant start = Instant.parse("2026-05-01T00:00:00Z");
        Random random = new Random(5);
        CatalogGenerator catalog = new CatalogGenerator(random);
        SandboxShop shop = new SandboxShop(
                random, Clock.fixed(start, ZoneOffset.UTC), catalog.generate(catalog.pickBrands(), start, start));
        ShopSimulator simulator = new ShopSimulator(shop, new Random(6), start);
        shop.attach(simulator);
        simulator.seedStock();
        Instant midway = start.plus(Duration.ofDays(20));
        simulator.runHistory(midway);

        // everything open now is answered through WB's routes; the simulated seller had some of it on their list
        String ours = "Ответ из WB Assist";
        List<String> reviews = shop.reviews().stream()
                .filter(r -> r.answer() == null)
                .map(ShopRecords.ReviewRecord::id)
                .toList();
        List<String> questions = shop.questions().stream()
                .filter(q -> q.answer() == null)
                .map(ShopRecords.QuestionRecord::id)
                .toList();
        assertThat(reviews).isNotEmpty();
        assertThat(questions).isNotEmpty();
        reviews.forEach(id -> shop.answerReviewIfKnown(id, ours));
        questions.forEach(id -> shop.putQuestion(shop.question(id).answered(ours, "wbRu", midway)));
        simulator.runHistory(midway.plus(Duration.ofDays(3)));

        assertThat(shop.reviews().stream().filter(r -> reviews.contains(r.id())))
                .allMatch(r -> r.answer().equals(ours));
        assertThat(shop.questions().stream().filter(q -> questions.contains(q.id())))
                .allMatch(q -> q.answer().equals(ours) && q.answerEdits() == 0);
    }
}
