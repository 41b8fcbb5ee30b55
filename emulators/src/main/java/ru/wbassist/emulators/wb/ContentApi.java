package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST /content/v2/get/cards/list} (docs/wb-api.md): cursor paging by (updatedAt, nmID), descending unless
 * {@code sort.ascending}, and WB's trap that {@code filter.withPhoto} defaults to 0 = cards WITHOUT photos only.
 */
final class ContentApi {

    static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 10;

    record Cursor(String updatedAt, long nmID, int total) {}

    record Page(List<Card> cards, Cursor cursor) {}

    record Card(
            long nmID,
            long imtID,
            String nmUUID,
            long subjectID,
            String subjectName,
            String vendorCode,
            String brand,
            String title,
            String description,
            boolean needKiz,
            boolean kizMarked,
            List<Product.Photo> photos,
            Wholesale wholesale,
            Dimensions dimensions,
            List<Characteristic> characteristics,
            List<CardSize> sizes,
            List<Object> tags,
            String createdAt,
            String updatedAt) {}

    record Wholesale(boolean enabled, int quantum) {}

    record Dimensions(int length, int width, int height, double weightBrutto, boolean isValid) {}

    record Characteristic(long id, String name, List<String> value) {}

    record CardSize(long chrtID, String techSize, String wbSize, List<String> skus) {}

    record ContentError(Object data, boolean error, String errorText, Object additionalErrors) {}

    /** Thrown for a body WB would refuse with its content error envelope. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    void list(Call call, SandboxSeller seller) throws IOException {
        JsonNode body;
        try {
            body = call.bodyJson();
        } catch (Call.BadBody e) {
            call.respondText(400, "Request body can not be decoded");
            return;
        }
        try {
            call.respond(200, page(body.path("settings"), seller.shop().products()));
        } catch (BadRequest e) {
            call.respond(400, new ContentError(null, true, e.getMessage(), e.getMessage()));
        }
    }

    private static Page page(JsonNode settings, List<Product> products) throws BadRequest {
        JsonNode cursor = settings.path("cursor");
        int limit = cursor.path("limit").isMissingNode()
                ? DEFAULT_LIMIT
                : cursor.path("limit").asInt(-1);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("Invalid cursor limit: must be from 1 to " + MAX_LIMIT);
        }
        boolean ascending = settings.path("sort").path("ascending").asBoolean(false);
        Instant afterUpdatedAt =
                cursor.hasNonNull("updatedAt") ? instant(cursor.get("updatedAt").asText()) : null;
        long afterNmId = cursor.path("nmID").asLong(0);
        Comparator<Product> order = Comparator.comparing(Product::updatedAt).thenComparingLong(Product::nmId);
        if (!ascending) {
            order = order.reversed();
        }
        Predicate<Product> afterCursor = afterUpdatedAt == null
                ? p -> true
                : p -> {
                    int byTime = p.updatedAt().compareTo(afterUpdatedAt);
                    int cmp = byTime != 0 ? byTime : Long.compare(p.nmId(), afterNmId);
                    return ascending ? cmp > 0 : cmp < 0;
                };
        List<Product> page = products.stream()
                .filter(filter(settings.path("filter")))
                .filter(afterCursor)
                .sorted(order)
                .limit(limit)
                .toList();
        Cursor next = page.isEmpty()
                ? new Cursor(afterUpdatedAt == null ? null : afterUpdatedAt.toString(), afterNmId, 0)
                : new Cursor(
                        page.getLast().updatedAt().toString(), page.getLast().nmId(), page.size());
        return new Page(page.stream().map(ContentApi::card).toList(), next);
    }

    private static Predicate<Product> filter(JsonNode filter) throws BadRequest {
        int withPhoto = filter.path("withPhoto").asInt(0);
        Predicate<Product> result = switch (withPhoto) {
            case -1 -> p -> true;
            case 0 -> p -> p.photos().isEmpty();
            case 1 -> p -> !p.photos().isEmpty();
            default -> throw new BadRequest("Invalid withPhoto: must be -1, 0 or 1");
        };
        String text = filter.path("textSearch").asText("").strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            result = result.and(p -> p.vendorCode().toLowerCase(Locale.ROOT).contains(text)
                    || p.title().toLowerCase(Locale.ROOT).contains(text)
                    || String.valueOf(p.nmId()).equals(text));
        }
        Set<String> brands = new HashSet<>();
        filter.path("brands").forEach(b -> brands.add(b.asText()));
        if (!brands.isEmpty()) {
            result = result.and(p -> brands.contains(p.brand()));
        }
        Set<Long> subjects = new HashSet<>();
        filter.path("objectIDs").forEach(id -> subjects.add(id.asLong()));
        if (!subjects.isEmpty()) {
            result = result.and(p -> subjects.contains(p.subjectId()));
        }
        if (filter.hasNonNull("imtID")) {
            long imtId = filter.get("imtID").asLong();
            result = result.and(p -> p.imtId() == imtId);
        }
        return result;
    }

    private static Instant instant(String text) throws BadRequest {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new BadRequest("Invalid cursor updatedAt: " + text);
        }
    }

    private static Card card(Product p) {
        int seed = (int) (p.nmId() % 97);
        return new Card(
                p.nmId(),
                p.imtId(),
                p.nmUuid(),
                p.subjectId(),
                p.subject(),
                p.vendorCode(),
                p.brand(),
                p.title(),
                p.description(),
                false,
                false,
                p.photos(),
                new Wholesale(false, 0),
                new Dimensions(20 + seed % 30, 15 + seed % 20, 3 + seed % 12, 0.2 + seed / 50.0, true),
                List.of(new Characteristic(14177449, "Цвет", List.of(p.color()))),
                p.sizes().stream()
                        .map(s -> new CardSize(s.chrtId(), s.techSize(), s.wbSize(), List.of(s.barcode())))
                        .toList(),
                List.of(),
                p.createdAt().toString(),
                p.updatedAt().toString());
    }
}
