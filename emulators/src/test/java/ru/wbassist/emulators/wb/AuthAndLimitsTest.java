package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthAndLimitsTest {

    private static final String ORDERS = "/api/v1/supplier/orders?dateFrom=2026-01-01";
    private static final String SALES = "/api/v1/supplier/sales?dateFrom=2026-01-01";

    private WbSandbox sandbox;
    private SandboxSeller seller;
    private WbHttp http;

    @BeforeEach
    void start() {
        // the limits' clock stands still: a bucket regains nothing while a test runs, so WB's headers are exact
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().seed(5).historyDays(0).limitClock(() -> 0));
        seller = sandbox.createSeller("Auth shop");
        http = new WbHttp(sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theDefaultTokenIsAWbStyleJwt() throws Exception {
        String[] parts = seller.token().split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode payload = WbHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        long s = payload.get("s").asLong();
        for (Scope scope : new Scope[] {Scope.CONTENT, Scope.ANALYTICS, Scope.STATISTICS, Scope.FEEDBACKS}) {
            assertThat((s >> scope.bit()) & 1).as(scope.name()).isEqualTo(1);
        }
        assertThat((s >> Scope.PRICES.bit()) & 1).isZero();
        assertThat(payload.get("sid").asText()).isEqualTo(seller.sid());
        assertThat(payload.get("acc").asInt()).isEqualTo(3);
        assertThat(payload.get("for").asText()).isEqualTo("self");
        assertThat(payload.get("id").asText()).hasSize(36);
        assertThat(Instant.ofEpochSecond(payload.get("exp").asLong()))
                .isBetween(
                        Instant.now().plus(Duration.ofDays(179)), Instant.now().plus(Duration.ofDays(181)));
    }

    @Test
    void pingAndSellerInfoAnswerWithAValidToken() {
        HttpResponse<String> ping = http.get("/ping", seller.token());
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(json(ping).get("Status").asText()).isEqualTo("OK");
        assertThat(json(ping).get("TS").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+03:00");

        JsonNode info = json(http.get("/api/v1/seller-info", seller.token()));
        assertThat(info.get("sid").asText()).isEqualTo(seller.sid());
        assertThat(info.get("name").asText()).isEqualTo("Auth shop");
        assertThat(info.get("tradeMark").asText()).isEqualTo(seller.tradeMark());
    }

    @Test
    void aBearerPrefixIsAccepted() {
        assertThat(http.get(ORDERS, "Bearer " + seller.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void missingMalformedForgedExpiredAndRevokedTokensGet401ProblemJson() {
        assertUnauthorized(http.get(ORDERS, null), "token is missing");
        assertUnauthorized(http.get(ORDERS, "not-a-jwt"), "token is malformed");
        String[] parts = seller.token().split("\\.");
        assertUnauthorized(http.get(ORDERS, parts[0] + "." + parts[1] + ".AAAA"), "signature is invalid");
        try (WbSandbox other =
                WbSandbox.start(WbSandbox.Options.defaults().seed(6).historyDays(0))) {
            String foreign = other.mintToken(
                    other.createSeller("Other"),
                    WbSandbox.DEFAULT_SCOPES,
                    Instant.now().plus(Duration.ofDays(1)));
            assertUnauthorized(http.get(ORDERS, foreign), "signature is invalid");
        }
        String expired = sandbox.mintToken(
                seller, WbSandbox.DEFAULT_SCOPES, Instant.now().minusSeconds(1));
        assertUnauthorized(http.get(ORDERS, expired), "token is expired");

        String revoked = sandbox.mintToken(
                seller, WbSandbox.DEFAULT_SCOPES, Instant.now().plus(Duration.ofDays(1)));
        assertThat(http.get(ORDERS, revoked).statusCode()).isEqualTo(200);
        assertThat(sandbox.revoke(revoked)).isTrue();
        assertUnauthorized(http.get(ORDERS, revoked), "withdrawn");
        assertThat(http.get(SALES, seller.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheMethodsCategoryGetsTokenScopeNotAllowed() {
        String contentOnly = sandbox.mintToken(
                seller, Scope.mask(Scope.CONTENT), Instant.now().plusSeconds(3600));
        HttpResponse<String> orders = http.get(ORDERS, contentOnly);
        assertUnauthorized(orders, "token scope not allowed");
        assertThat(json(orders).get("detail").asText()).isEqualTo("token scope not allowed");
        assertUnauthorized(
                http.post("/api/analytics/v1/stocks-report/wb-warehouses", contentOnly, "{}"),
                "token scope not allowed");
        assertThat(http.post("/content/v2/get/cards/list", contentOnly, "{}").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/ping", contentOnly).statusCode()).isEqualTo(200);
    }

    @Test
    void theSalesBucketHoldsOneRequestThen429WithWbHeaders() {
        HttpResponse<String> first = http.get(SALES, seller.token());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Ratelimit-Remaining")).hasValue("0");

        HttpResponse<String> second = http.get(SALES, seller.token());
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(second.headers().firstValue("X-Ratelimit-Remaining")).isEmpty();
        assertThat(second.headers().firstValue("X-Ratelimit-Limit")).hasValue("1");
        long retry =
                Long.parseLong(second.headers().firstValue("X-Ratelimit-Retry").orElseThrow());
        long reset =
                Long.parseLong(second.headers().firstValue("X-Ratelimit-Reset").orElseThrow());
        assertThat(retry).isEqualTo(60);
        assertThat(reset).isEqualTo(60);
        JsonNode problem = json(second);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isEqualTo("too many requests");
        assertThat(problem.get("detail").asText()).startsWith("limited by ");
    }

    @Test
    void theOrdersBucketHasABurstOfTenAndIsSeparateFromSales() {
        for (int i = 9; i >= 0; i--) {
            HttpResponse<String> response = http.get(ORDERS, seller.token());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Ratelimit-Remaining")).hasValue(Integer.toString(i));
        }
        assertThat(http.get(ORDERS, seller.token()).statusCode()).isEqualTo(429);
        assertThat(http.get(SALES, seller.token()).statusCode()).isEqualTo(200);
        // Another seller has its own buckets.
        assertThat(http.get(ORDERS, sandbox.createSeller("Second").token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void relaxedLimitsMultiplyTheBurstBy100() {
        sandbox.setRelaxedLimits(true);
        int allowed = 0;
        while (allowed < 300 && http.get(SALES, seller.token()).statusCode() == 200) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(100);
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("title").asText()).isEqualTo("unauthorized");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("statusText").asText()).isEqualTo("Unauthorized");
        assertThat(problem.get("detail").asText()).contains(detailPart);
        for (String field : new String[] {"code", "requestId", "origin", "timestamp"}) {
            assertThat(problem.hasNonNull(field)).as(field).isTrue();
        }
    }
}
