package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsAndControlTest {

    private static final String COUNT = "/api/v1/feedbacks/count-unanswered";

    private WbSandbox sandbox;
    private SandboxSeller seller;
    private WbHttp http;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().seed(9).historyDays(0).relaxedLimits(true));
        seller = sandbox.createSeller("Chaos shop");
        http = new WbHttp(sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void injectedFaultsComeInRoughlyTheConfiguredShares() {
        sandbox.faults().set(0.3, 0.2, 0, Duration.ZERO);
        int tooMany = 0;
        int serverErrors = 0;
        int requests = 500;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = http.get(COUNT, seller.token());
            if (response.statusCode() == 429) {
                tooMany++;
                assertThat(response.headers().firstValue("X-Ratelimit-Retry")).isPresent();
                assertThat(response.headers().firstValue("X-Ratelimit-Limit")).isPresent();
                assertThat(response.headers().firstValue("X-Ratelimit-Reset")).isPresent();
            } else if (response.statusCode() >= 500) {
                serverErrors++;
                assertThat(response.statusCode()).isIn(500, 502, 503);
                assertThat(json(response).get("status").asInt()).isEqualTo(response.statusCode());
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(tooMany / (double) requests).isBetween(0.22, 0.38);
        assertThat(serverErrors / (double) requests).isBetween(0.13, 0.27);
        assertThat(sandbox.requestCount(COUNT)).isEqualTo(requests);
    }

    @Test
    void slowResponsesAreDelayed() {
        Duration delay = Duration.ofMillis(1500);
        sandbox.faults().set(0, 0, 1, delay);
        long started = System.nanoTime();
        assertThat(http.get(COUNT, seller.token()).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
        sandbox.faults().clear();
        started = System.nanoTime();
        http.get(COUNT, seller.token());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(delay);
    }

    @Test
    void faultsAndLimitsAreSettableOverTheControlRoutes() {
        JsonNode faults =
                json(http.put("/sandbox/faults", "{\"share429\":1,\"share5xx\":0,\"shareSlow\":0,\"slowDelayMs\":0}"));
        assertThat(faults.get("share429").asDouble()).isEqualTo(1.0);
        assertThat(http.get(COUNT, seller.token()).statusCode()).isEqualTo(429);
        http.put("/sandbox/faults", "{}");
        assertThat(http.get(COUNT, seller.token()).statusCode()).isEqualTo(200);

        assertThat(json(http.put("/sandbox/limits", "{\"relaxed\":false}"))
                        .get("relaxed")
                        .asBoolean())
                .isFalse();
        assertThat(sandbox.relaxedLimits()).isFalse();
        assertThat(http.put("/sandbox/faults", "{\"share429\":2}").statusCode()).isEqualTo(400);
    }

    @Test
    void aSeparateProcessCanCreateASellerAndScriptItsShop() {
        WbHttp control = http;
        JsonNode created = json(control.post("/sandbox/sellers", null, "{\"name\":\"Магазин Ромашка\"}"));
        String sid = created.get("sid").asText();
        String token = created.get("token").asText();
        assertThat(json(http.get("/api/v1/seller-info", token)).get("name").asText())
                .isEqualTo("Магазин Ромашка");

        JsonNode products = json(control.get("/sandbox/sellers/" + sid + "/products", null));
        long nmId = products.get(0).get("nmId").asLong();
        long chrtId = products.get(0).get("sizes").get(0).get("chrtId").asLong();
        String base = "/sandbox/sellers/" + sid;

        HttpResponse<String> stock = control.put(
                base + "/stocks",
                "{\"nmId\":" + nmId + ",\"chrtId\":" + chrtId + ",\"warehouseName\":\"Казань\",\"quantity\":4}");
        assertThat(json(stock).get("quantity").asInt()).isEqualTo(4);
        HttpResponse<String> price =
                control.put(base + "/prices", "{\"nmId\":" + nmId + ",\"price\":4000,\"discount\":0}");
        assertThat(json(price).get("applied").asBoolean()).isTrue();
        HttpResponse<String> slip =
                control.put(base + "/prices", "{\"nmId\":" + nmId + ",\"price\":1000,\"discount\":0}");
        assertThat(json(slip).get("quarantined").asBoolean()).isTrue();
        String prices = "/api/v2/list/goods/filter?limit=1&filterNmID=" + nmId;
        String pricesKey = json(control.post(
                        "/sandbox/tokens",
                        null,
                        "{\"sid\":\"" + sid + "\",\"scopes\":[\"PRICES\"],\"expiresInSeconds\":3600}"))
                .get("token")
                .asText();
        JsonNode listed = json(http.get(prices, pricesKey)).get("data").get("listGoods");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sizes").get(0).get("price").asInt()).isEqualTo(4000);
        assertThat(json(http.get("/api/v2/quarantine/goods?limit=10", pricesKey))
                        .get("data")
                        .get("quarantineGoods")
                        .get(0)
                        .get("newPrice")
                        .asInt())
                .isEqualTo(1000);
        assertThat(http.get("/api/v2/quarantine/goods", pricesKey).statusCode()).isEqualTo(400);
        assertThat(http.get(prices, token).statusCode()).isEqualTo(401); // the default key has no Prices category
        HttpResponse<String> order = control.post(
                base + "/orders",
                null,
                "{\"nmId\":" + nmId + ",\"chrtId\":" + chrtId + ",\"warehouseName\":\"Казань\"}");
        assertThat(order.statusCode()).isEqualTo(201);
        String srid = json(order).get("srid").asText();
        assertThat(json(control.post(base + "/orders/" + srid + "/buyout", null, ""))
                        .get("saleId")
                        .asText())
                .startsWith("S");
        assertThat(json(control.post(base + "/orders/" + srid + "/return", null, ""))
                        .get("saleId")
                        .asText())
                .startsWith("R");
        assertThat(control.post(base + "/orders/" + srid + "/cancel", null, "").statusCode())
                .isEqualTo(409);
        assertThat(control.post(base + "/orders/nope/cancel", null, "").statusCode())
                .isEqualTo(404);

        String reviewId = json(control.post(
                        base + "/reviews", null, "{\"nmId\":" + nmId + ",\"rating\":1,\"text\":\"Ужасно\"}"))
                .get("id")
                .asText();
        assertThat(control.post(base + "/reviews/" + reviewId + "/answer", null, "{\"text\":\"Разберёмся\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode transfer = json(control.post(
                base + "/stocks/transfer",
                null,
                "{\"nmId\":" + nmId + ",\"chrtId\":" + chrtId
                        + ",\"from\":\"Казань\",\"to\":\"Подольск\",\"quantity\":2}"));
        assertThat(transfer.get("Казань").asInt()).isEqualTo(1);

        JsonNode minted = json(control.post(
                "/sandbox/tokens",
                null,
                "{\"sid\":\"" + sid + "\",\"scopes\":[\"FEEDBACKS\"],\"expiresInSeconds\":60}"));
        String feedbacksOnly = minted.get("token").asText();
        assertThat(http.get(COUNT, feedbacksOnly).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/supplier/sales?dateFrom=2020-01-01", feedbacksOnly)
                        .statusCode())
                .isEqualTo(401);
        assertThat(json(control.post("/sandbox/tokens/revoke", null, "{\"token\":\"" + feedbacksOnly + "\"}"))
                        .get("revoked")
                        .asBoolean())
                .isTrue();
        assertThat(http.get(COUNT, feedbacksOnly).statusCode()).isEqualTo(401);

        JsonNode count = json(control.get("/sandbox/requests?path=" + WbHttp.enc(COUNT), null));
        assertThat(count.get("count").asLong()).isEqualTo(2);
        assertThat(control.post("/sandbox/sellers/unknown/orders", null, "{}").statusCode())
                .isEqualTo(404);
        assertThat(control.post(base + "/reviews", null, "{\"nmId\":1}").statusCode())
                .isEqualTo(400);
        assertThat(json(control.get("/sandbox/status", null)).get("sellers").asInt())
                .isEqualTo(2);

        HttpResponse<String> bulk = control.post(
                base + "/orders/bulk",
                null,
                "{\"count\":1000,\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}");
        assertThat(json(bulk).get("count").asInt()).isEqualTo(1000);
        assertThat(control.post(base + "/orders/bulk", null, "{\"count\":0}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void unknownWbPathsAndWrongMethodsGetProblemJson() {
        assertThat(http.get("/api/v1/supplier/incomes", seller.token()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> wrongMethod = http.get("/content/v2/get/cards/list", seller.token());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("status").asInt()).isEqualTo(405);
    }
}
