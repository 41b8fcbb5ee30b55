package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.wbassist.emulators.wb.WbHttp.enc;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatisticsApiTest {

    private static final String ORDERS = "/api/v1/supplier/orders";
    private static final String SALES = "/api/v1/supplier/sales";
    /** 10:19:17 MSK on 20 May 2026. */
    private static final Instant START = Instant.parse("2026-05-20T07:19:17Z");

    private final MutableClock clock = new MutableClock(START);
    private WbSandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SandboxSeller start(int pageCap) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .seed(7)
                .historyDays(0)
                .pageCap(pageCap)
                .relaxedLimits(true)
                .clock(clock));
        return sandbox.createSeller("Test shop");
    }

    private JsonNode orders(SandboxSeller seller, String dateFrom, int flag) {
        HttpResponse<String> response = new WbHttp(sandbox.baseUrl())
                .get(ORDERS + "?dateFrom=" + enc(dateFrom) + "&flag=" + flag, seller.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = json(response);
        assertThat(rows.isArray()).isTrue();
        return rows;
    }

    @Test
    void flagZeroPagesByLastChangeDateAndRepeatsTheBoundaryRow() {
        SandboxSeller seller = start(5);
        List<String> generated = seller.shop().generateOrders(23, START.minus(Duration.ofDays(2)), START);

        Map<String, JsonNode> seen = new LinkedHashMap<>();
        String dateFrom = "2026-05-01";
        int pages = 0;
        int repeatedBoundaryRows = 0;
        while (true) {
            JsonNode page = orders(seller, dateFrom, 0);
            pages++;
            assertThat(page.size()).isLessThanOrEqualTo(5);
            String previous = null;
            for (JsonNode row : page) {
                String lastChange = row.get("lastChangeDate").asText();
                if (previous != null) {
                    assertThat(lastChange).isGreaterThanOrEqualTo(previous);
                }
                previous = lastChange;
                if (seen.put(row.get("srid").asText(), row) != null) {
                    repeatedBoundaryRows++;
                }
            }
            if (page.size() < 5) {
                break;
            }
            // The next page starts at the full lastChangeDate of the last row: ">=" brings that row again.
            dateFrom = page.get(page.size() - 1).get("lastChangeDate").asText();
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(generated);
        assertThat(pages).isGreaterThanOrEqualTo(5);
        assertThat(repeatedBoundaryRows).isGreaterThanOrEqualTo(pages - 1);
    }

    @Test
    void flagZeroIncludesARowChangedExactlyAtDateFrom() {
        SandboxSeller seller = start(80_000);
        String srid = seller.shop()
                .placeOrder(
                        product(seller).nmId(),
                        product(seller).sizes().getFirst().chrtId(),
                        "Коледино");
        assertThat(srids(orders(seller, "2026-05-20T10:19:17", 0))).containsExactly(srid);
        assertThat(orders(seller, "2026-05-20T10:19:18", 0)).isEmpty();
        // dateFrom with an offset is honoured too: 07:19:17Z is the same instant.
        assertThat(srids(orders(seller, "2026-05-20T07:19:17Z", 0))).containsExactly(srid);
    }

    @Test
    void flagOneReturnsTheMoscowCalendarDayOfDate() {
        SandboxSeller seller = start(80_000);
        // 20 May 22:00 MSK .. 21 May 02:00 MSK spans two Moscow days.
        seller.shop().generateOrders(200, Instant.parse("2026-05-20T19:00:00Z"), Instant.parse("2026-05-20T23:00:00Z"));

        JsonNode all = orders(seller, "2026-05-01", 0);
        long onTwentieth = 0;
        for (JsonNode row : all) {
            if (row.get("date").asText().startsWith("2026-05-20")) {
                onTwentieth++;
            }
        }
        JsonNode day = orders(seller, "2026-05-20T23:59:59", 1);
        assertThat(onTwentieth).isBetween(1L, 199L);
        assertThat(day).hasSize((int) onTwentieth);
        day.forEach(row -> assertThat(row.get("date").asText()).startsWith("2026-05-20T"));
    }

    @Test
    void ordersUseNaiveMoscowTimesAndTheZeroCancelDate() {
        SandboxSeller seller = start(80_000);
        Product product = product(seller);
        String srid = seller.shop()
                .placeOrder(product.nmId(), product.sizes().getFirst().chrtId(), "Коледино");

        JsonNode row = orders(seller, "2026-05-20", 0).get(0);
        assertThat(row.get("srid").asText()).isEqualTo(srid);
        assertThat(row.get("date").asText()).isEqualTo("2026-05-20T10:19:17");
        assertThat(row.get("lastChangeDate").asText()).isEqualTo("2026-05-20T10:19:17");
        assertThat(row.get("isCancel").asBoolean()).isFalse();
        assertThat(row.get("cancelDate").asText()).isEqualTo("0001-01-01T00:00:00");
        assertThat(row.get("warehouseName").asText()).isEqualTo("Коледино");
        assertThat(row.get("warehouseType").asText()).isEqualTo("Склад WB");
        assertThat(row.get("nmId").asLong()).isEqualTo(product.nmId());
        assertThat(row.get("supplierArticle").asText()).isEqualTo(product.vendorCode());
        assertThat(row.get("barcode").asText())
                .isEqualTo(product.sizes().getFirst().barcode());
        assertThat(row.get("priceWithDisc").asDouble())
                .isLessThanOrEqualTo(row.get("totalPrice").asDouble());
        assertThat(row.get("finishedPrice").asDouble())
                .isLessThanOrEqualTo(row.get("priceWithDisc").asDouble());
        for (String field : List.of(
                "countryName",
                "oblastOkrugName",
                "regionName",
                "category",
                "subject",
                "brand",
                "techSize",
                "incomeID",
                "isSupply",
                "isRealization",
                "discountPercent",
                "spp",
                "sticker",
                "gNumber")) {
            assertThat(row.has(field)).as(field).isTrue();
        }
        assertThat(row.has("orderType")).isFalse();
    }

    @Test
    void aCancellationUpdatesTheSameRowAndMovesLastChangeDateForward() {
        SandboxSeller seller = start(80_000);
        Product product = product(seller);
        String srid = seller.shop()
                .placeOrder(product.nmId(), product.sizes().getFirst().chrtId(), "Коледино");
        clock.advance(Duration.ofMinutes(5));
        seller.shop().cancelOrder(srid);

        JsonNode rows = orders(seller, "2026-05-20T10:20:00", 0);
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("srid").asText()).isEqualTo(srid);
        assertThat(row.get("date").asText()).isEqualTo("2026-05-20T10:19:17");
        assertThat(row.get("isCancel").asBoolean()).isTrue();
        assertThat(row.get("cancelDate").asText()).isEqualTo("2026-05-20T10:24:17");
        assertThat(row.get("lastChangeDate").asText()).isEqualTo("2026-05-20T10:24:17");
        assertThat(orders(seller, "2026-05-01", 0)).hasSize(1);
    }

    @Test
    void buyoutAndReturnAppearAsSalesWithSAndRIds() {
        SandboxSeller seller = start(80_000);
        Product product = product(seller);
        String srid = seller.shop()
                .placeOrder(product.nmId(), product.sizes().getFirst().chrtId(), "Коледино");
        clock.advance(Duration.ofDays(3));
        String saleId = seller.shop().buyout(srid);
        clock.advance(Duration.ofDays(4));
        String returnId = seller.shop().returnOrder(srid);

        assertThat(saleId).matches("S\\d{10}");
        assertThat(returnId).matches("R\\d{10}");
        HttpResponse<String> response =
                new WbHttp(sandbox.baseUrl()).get(SALES + "?dateFrom=2026-05-01", seller.token());
        JsonNode sales = json(response);
        assertThat(sales).hasSize(2);
        JsonNode buyout = sales.get(0);
        JsonNode ret = sales.get(1);
        assertThat(buyout.get("saleID").asText()).isEqualTo(saleId);
        assertThat(buyout.get("srid").asText()).isEqualTo(srid);
        assertThat(buyout.get("date").asText()).isEqualTo("2026-05-23T10:19:17");
        assertThat(buyout.get("forPay").asDouble()).isPositive();
        assertThat(buyout.has("isCancel")).isFalse();
        assertThat(ret.get("saleID").asText()).isEqualTo(returnId);
        assertThat(ret.get("srid").asText()).isEqualTo(srid);
        assertThat(ret.get("date").asText()).isEqualTo("2026-05-27T10:19:17");
        assertThat(ret.get("forPay").asDouble()).isEqualTo(-buyout.get("forPay").asDouble());
    }

    @Test
    void missingOrMalformedDateFromIsA400InWbShapes() {
        SandboxSeller seller = start(80_000);
        WbHttp http = new WbHttp(sandbox.baseUrl());

        HttpResponse<String> missing = http.get(ORDERS, seller.token());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("errors").get(0).asText()).isEqualTo("dateFrom: field required");

        HttpResponse<String> malformed = http.get(SALES + "?dateFrom=yesterday", seller.token());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("errors").asText()).isEqualTo("dateFrom: Value not validated");
    }

    @Test
    void placingAnOrderTakesTheUnitFromThatWarehouse() {
        SandboxSeller seller = start(80_000);
        Product product = product(seller);
        long chrtId = product.sizes().getFirst().chrtId();
        seller.shop().setStock(product.nmId(), chrtId, "Казань", 1);
        seller.shop().placeOrder(product.nmId(), chrtId, "Казань");
        assertThat(seller.shop().stockQuantity(product.nmId(), chrtId, "Казань"))
                .isZero();
        assertThatThrownBy(() -> seller.shop().placeOrder(product.nmId(), chrtId, "Казань"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no stock");
    }

    private static Product product(SandboxSeller seller) {
        return seller.shop().products().getFirst();
    }

    private static List<String> srids(JsonNode rows) {
        List<String> srids = new ArrayList<>();
        rows.forEach(r -> srids.add(r.get("srid").asText()));
        Set<String> unique = new HashSet<>(srids);
        assertThat(unique).hasSameSizeAs(srids);
        return srids;
    }
}
