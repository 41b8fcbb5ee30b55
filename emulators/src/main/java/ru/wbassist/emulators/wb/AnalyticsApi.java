package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.wbassist.emulators.wb.ShopRecords.StockRow;

/**
 * {@code POST /api/analytics/v1/stocks-report/wb-warehouses} (docs/wb-api.md), which replaces the retired statistics
 * stocks method. Unlike WB today (a single "Склад WB" row, id -999999), the sandbox returns one row per size per real
 * warehouse, so that transfers between warehouses can be tested.
 */
final class AnalyticsApi {

    static final int MAX_NM_IDS = 1000;
    static final int MAX_LIMIT = 250_000;

    record Item(
            long nmId,
            long chrtId,
            long warehouseId,
            String warehouseName,
            String regionName,
            int quantity,
            int inWayToClient,
            int inWayFromClient) {}

    record Report(List<Item> items) {}

    void stocksReport(Call call, SandboxSeller seller) throws IOException {
        JsonNode body;
        try {
            body = call.bodyJson();
        } catch (Call.BadBody e) {
            call.respond(400, Call.PROBLEM_JSON, Problem.of(400, "bad request", e.getMessage()));
            return;
        }
        Set<Long> nmIds = ids(body.path("nmIds"));
        Set<Long> chrtIds = ids(body.path("chrtIds"));
        long limit = body.path("limit").asLong(MAX_LIMIT);
        long offset = body.path("offset").asLong(0);
        String problem = notAnArray(body, "nmIds") || notAnArray(body, "chrtIds")
                ? "nmIds and chrtIds must be arrays"
                : nmIds.size() > MAX_NM_IDS
                        ? "nmIds: at most " + MAX_NM_IDS + " items"
                        : limit < 1 || limit > MAX_LIMIT
                                ? "limit: must be from 1 to " + MAX_LIMIT
                                : offset < 0 ? "offset: must not be negative" : null;
        if (problem != null) {
            call.respond(400, Call.PROBLEM_JSON, Problem.of(400, "bad request", problem));
            return;
        }
        List<Item> items = seller.shop().stockRows().stream()
                .filter(r -> nmIds.isEmpty() || nmIds.contains(r.key().nmId()))
                .filter(r -> chrtIds.isEmpty() || chrtIds.contains(r.key().chrtId()))
                .skip(offset)
                .limit(limit)
                .map(AnalyticsApi::item)
                .toList();
        call.respond(200, new Report(items));
    }

    private static boolean notAnArray(JsonNode body, String field) {
        return body.hasNonNull(field) && !body.get(field).isArray();
    }

    private static Set<Long> ids(JsonNode array) {
        Set<Long> ids = new HashSet<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static Item item(StockRow row) {
        return new Item(
                row.key().nmId(),
                row.key().chrtId(),
                row.warehouse().id(),
                row.warehouse().name(),
                row.warehouse().regionName(),
                row.level().quantity(),
                row.level().inWayToClient(),
                row.level().inWayFromClient());
    }
}
