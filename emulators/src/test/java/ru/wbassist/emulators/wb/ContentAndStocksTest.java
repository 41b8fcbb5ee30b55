package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContentAndStocksTest {

    private static final String CARDS = "/content/v2/get/cards/list";
    private static final String STOCKS = "/api/analytics/v1/stocks-report/wb-warehouses";

    private WbSandbox sandbox;
    private SandboxSeller seller;
    private WbHttp http;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().seed(3).historyDays(0).relaxedLimits(true));
        seller = sandbox.createSeller("Cards shop");
        http = new WbHttp(sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void cursorPagingAscendingVisitsEveryCardOnceUntilTotalIsBelowLimit() {
        List<Long> seen = new ArrayList<>();
        String cursor = "{\"limit\":7}";
        List<String> updatedAts = new ArrayList<>();
        while (true) {
            JsonNode page = cards("{\"settings\":{\"sort\":{\"ascending\":true},\"filter\":{\"withPhoto\":-1},"
                    + "\"cursor\":" + cursor + "}}");
            page.get("cards").forEach(card -> {
                seen.add(card.get("nmID").asLong());
                updatedAts.add(card.get("updatedAt").asText());
            });
            JsonNode next = page.get("cursor");
            assertThat(next.get("total").asInt()).isEqualTo(page.get("cards").size());
            if (next.get("total").asInt() < 7) {
                break;
            }
            cursor = "{\"limit\":7,\"updatedAt\":\"" + next.get("updatedAt").asText() + "\",\"nmID\":"
                    + next.get("nmID").asLong() + "}";
        }
        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        seller.shop().products().stream().map(Product::nmId).toList());
        assertThat(updatedAts).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        assertThat(updatedAts.getFirst()).endsWith("Z");
    }

    @Test
    void withPhotoDefaultsToCardsWithoutPhotosOnly() {
        List<Long> withoutPhotos = seller.shop().products().stream()
                .filter(p -> p.photos().isEmpty())
                .map(Product::nmId)
                .toList();
        List<Long> defaultFilter = nmIds(cards("{\"settings\":{\"cursor\":{\"limit\":100}}}"));
        List<Long> all = nmIds(cards("{\"settings\":{\"cursor\":{\"limit\":100},\"filter\":{\"withPhoto\":-1}}}"));

        assertThat(withoutPhotos).isNotEmpty();
        assertThat(defaultFilter).containsExactlyInAnyOrderElementsOf(withoutPhotos);
        assertThat(all).hasSize(seller.shop().products().size());
        assertThat(all.size()).isGreaterThan(defaultFilter.size());
    }

    @Test
    void cardsCarryPhotosSizesAndBarcodes() {
        Product product = seller.shop().products().stream()
                .filter(p -> !p.photos().isEmpty())
                .findFirst()
                .orElseThrow();
        JsonNode card = cards("{\"settings\":{\"cursor\":{\"limit\":100},\"filter\":{\"withPhoto\":1,"
                        + "\"textSearch\":\"" + product.vendorCode() + "\"}}}")
                .get("cards")
                .get(0);
        assertThat(card.get("nmID").asLong()).isEqualTo(product.nmId());
        assertThat(card.get("title").asText()).isEqualTo(product.title());
        JsonNode photo = card.get("photos").get(0);
        for (String rendition : List.of("big", "c246x328", "c516x688", "square", "tm")) {
            assertThat(photo.get(rendition).asText())
                    .startsWith("https://basket-")
                    .contains("/" + product.nmId() + "/images/" + rendition + "/1.webp");
        }
        JsonNode size = card.get("sizes").get(0);
        assertThat(size.get("chrtID").asLong())
                .isEqualTo(product.sizes().getFirst().chrtId());
        assertThat(size.get("skus").get(0).asText())
                .isEqualTo(product.sizes().getFirst().barcode());
    }

    @Test
    void aLimitAbove100OrAnUndecodableBodyIs400() {
        HttpResponse<String> tooMany = http.post(CARDS, seller.token(), "{\"settings\":{\"cursor\":{\"limit\":101}}}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("error").asBoolean()).isTrue();
        HttpResponse<String> garbage = http.post(CARDS, seller.token(), "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).isEqualTo("Request body can not be decoded");
    }

    @Test
    void stocksReportHasOneRowPerSizeAndWarehouse() {
        Product product = seller.shop().products().getFirst();
        JsonNode items = stocks("{\"nmIds\":[" + product.nmId() + "]}");
        Map<Long, List<String>> warehousesBySize = new HashMap<>();
        items.forEach(item -> {
            assertThat(item.get("nmId").asLong()).isEqualTo(product.nmId());
            assertThat(item.get("warehouseId").asLong()).isPositive();
            assertThat(item.get("regionName").asText()).isNotBlank();
            assertThat(item.has("inWayToClient") && item.has("inWayFromClient")).isTrue();
            warehousesBySize
                    .computeIfAbsent(item.get("chrtId").asLong(), k -> new ArrayList<>())
                    .add(item.get("warehouseName").asText());
        });
        assertThat(warehousesBySize.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        product.sizes().stream().map(Product.Size::chrtId).toList());
        warehousesBySize
                .values()
                .forEach(names -> assertThat(names)
                        .contains("Коледино")
                        .hasSizeGreaterThan(1)
                        .doesNotHaveDuplicates());
    }

    @Test
    void aTransferMovesUnitsBetweenWarehousesAndKeepsTheTotal() {
        Product product = seller.shop().products().getFirst();
        long chrtId = product.sizes().getFirst().chrtId();
        seller.shop().setStock(product.nmId(), chrtId, "Коледино", 40);
        seller.shop().setStock(product.nmId(), chrtId, "Электросталь", 5);
        Map<String, Integer> before = quantities(product.nmId(), chrtId);

        seller.shop().transferStock(product.nmId(), chrtId, "Коледино", "Электросталь", 15);

        Map<String, Integer> after = quantities(product.nmId(), chrtId);
        assertThat(after.get("Коледино")).isEqualTo(25);
        assertThat(after.get("Электросталь")).isEqualTo(20);
        assertThat(after.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(before.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void anOrderShowsAsInWayToClientInTheReport() {
        Product product = seller.shop().products().getFirst();
        long chrtId = product.sizes().getFirst().chrtId();
        seller.shop().setStock(product.nmId(), chrtId, "Подольск", 3);
        seller.shop().placeOrder(product.nmId(), chrtId, "Подольск");
        JsonNode row = findRow(stocks("{\"chrtIds\":[" + chrtId + "]}"), "Подольск");
        assertThat(row.get("quantity").asInt()).isEqualTo(2);
        assertThat(row.get("inWayToClient").asInt()).isEqualTo(1);
    }

    @Test
    void stocksReportPagesWithLimitAndOffset() {
        JsonNode all = stocks("{}");
        JsonNode first = stocks("{\"limit\":5,\"offset\":0}");
        JsonNode second = stocks("{\"limit\":5,\"offset\":5}");
        assertThat(all.size()).isGreaterThan(10);
        assertThat(first.get(0)).isEqualTo(all.get(0));
        assertThat(second.get(0)).isEqualTo(all.get(5));
        assertThat(http.post(STOCKS, seller.token(), "{\"limit\":250001}").statusCode())
                .isEqualTo(400);
        assertThat(http.post(STOCKS, seller.token(), "{\"nmIds\":123}").statusCode())
                .isEqualTo(400);
    }

    private Map<String, Integer> quantities(long nmId, long chrtId) {
        Map<String, Integer> quantities = new HashMap<>();
        stocks("{\"nmIds\":[" + nmId + "],\"chrtIds\":[" + chrtId + "]}")
                .forEach(item -> quantities.put(
                        item.get("warehouseName").asText(), item.get("quantity").asInt()));
        return quantities;
    }

    private static JsonNode findRow(JsonNode items, String warehouse) {
        for (JsonNode item : items) {
            if (item.get("warehouseName").asText().equals(warehouse)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + warehouse);
    }

    private JsonNode cards(String body) {
        HttpResponse<String> response = http.post(CARDS + "?locale=ru", seller.token(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private JsonNode stocks(String body) {
        HttpResponse<String> response = http.post(STOCKS, seller.token(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("items");
    }

    private static List<Long> nmIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("cards").forEach(card -> ids.add(card.get("nmID").asLong()));
        return ids;
    }
}
