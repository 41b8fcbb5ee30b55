package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.wbassist.emulators.wb.ShopRecords.FeedRow;

/**
 * {@code POST /api/analytics/v1/order-feed}: every order of the shop with its current status, in real time. The
 * period filters by the time of the order's current status and may reach back at most 31 days; rows come newest
 * status first. The first page fixes a {@code snapshotTime}; a later page that repeats it sees the shop as it was
 * then, so paging neither skips nor repeats a row while orders keep changing.
 */
final class OrderFeedApi {

    static final int MAX_LIMIT = 10_000;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_NM_IDS = 1000;
    static final Duration MAX_PERIOD = Duration.ofDays(31);
    private static final ZoneOffset MSK = ZoneOffset.ofHours(3);
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Clock clock;

    OrderFeedApi(Clock clock) {
        this.clock = clock;
    }

    record Order(
            long nmId,
            long chrtId,
            String srid,
            String createdAt,
            String updatedAt,
            String status,
            String cancelType,
            String warehouseName,
            String warehouseRegion,
            boolean isMp,
            String destinationCity,
            String destinationDistrict,
            double sellerPrice,
            boolean isB2b) {}

    record Data(String snapshotTime, String currency, List<Order> orders) {}

    record Answer(Data data) {}

    /** The request, validated. */
    private record Request(
            Instant start,
            Instant end,
            Set<Long> nmIds,
            Set<Long> subjectIds,
            Set<String> brands,
            boolean tagFilter,
            int limit,
            int offset,
            Instant snapshot) {}

    /** Says what is wrong with the request; becomes a 400. */
    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    void orders(Call call, SandboxSeller seller) throws IOException {
        Request request;
        try {
            request = parse(call.bodyJson());
        } catch (Call.BadBody | Invalid e) {
            call.respond(400, Call.PROBLEM_JSON, Problem.of(400, "bad request", e.getMessage()));
            return;
        }
        List<Order> page = seller.shop().feedRows(request.snapshot()).stream()
                .filter(r -> !r.statusTime().isBefore(request.start())
                        && !r.statusTime().isAfter(request.end()))
                .filter(r -> matches(request, r.order().product()))
                .sorted(Comparator.comparing(FeedRow::statusTime)
                        .reversed()
                        .thenComparing(r -> r.order().srid()))
                .skip(request.offset())
                .limit(request.limit())
                .map(OrderFeedApi::order)
                .toList();
        call.respond(200, new Answer(new Data(wire(request.snapshot()), "RUB", page)));
    }

    private Request parse(JsonNode body) throws Invalid {
        // The snapshot is the last whole second: rows stamped later in this second belong to the next snapshot.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonNode period = body.path("selectedPeriod");
        if (!period.isObject()) {
            throw new Invalid("selectedPeriod: field required");
        }
        Instant start = time(period, "start", "selectedPeriod.start", null);
        Instant end = time(period, "end", "selectedPeriod.end", now);
        if (start.isBefore(now.minus(MAX_PERIOD))) {
            throw new Invalid("selectedPeriod.start: the feed keeps the last 31 days only");
        }
        if (end.isBefore(start)) {
            throw new Invalid("selectedPeriod: end is before start");
        }
        Set<Long> nmIds = longs(body, "nmIds");
        if (nmIds.size() > MAX_NM_IDS) {
            throw new Invalid("nmIds: at most " + MAX_NM_IDS + " items");
        }
        Set<Long> subjectIds = longs(body, "subjectIds");
        Set<String> brands = new HashSet<>();
        array(body, "brandNames").forEach(b -> brands.add(b.asText()));
        boolean tagFilter = !array(body, "tagIds").isEmpty();
        JsonNode pagination = body.path("pagination");
        if (!pagination.isMissingNode() && !pagination.isNull() && !pagination.isObject()) {
            throw new Invalid("pagination: must be an object");
        }
        int limit = integer(pagination, "limit", DEFAULT_LIMIT);
        int offset = integer(pagination, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Invalid("pagination.limit: must be from 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new Invalid("pagination.offset: must not be negative");
        }
        Instant snapshot = time(pagination, "snapshotTime", "pagination.snapshotTime", now.minusSeconds(1));
        if (snapshot.isAfter(now)) {
            throw new Invalid("pagination.snapshotTime: is in the future; repeat the snapshotTime of the first page");
        }
        return new Request(start, end, nmIds, subjectIds, brands, tagFilter, limit, offset, snapshot);
    }

    private static boolean matches(Request request, Product product) {
        return (request.nmIds().isEmpty() || request.nmIds().contains(product.nmId()))
                && (request.subjectIds().isEmpty() || request.subjectIds().contains(product.subjectId()))
                && (request.brands().isEmpty() || request.brands().contains(product.brand()))
                // the sandbox's cards carry no tags: a tag filter matches nothing
                && !request.tagFilter();
    }

    private static Order order(FeedRow row) {
        ShopRecords.OrderRecord o = row.order();
        return new Order(
                o.product().nmId(),
                o.size().chrtId(),
                o.srid(),
                wire(o.date()),
                wire(row.statusTime()),
                row.status(),
                row.cancelType() == null ? null : row.cancelType().wire(),
                o.warehouse().name(),
                o.warehouse().regionName(),
                false,
                o.geo().city(),
                o.geo().district(),
                o.pricing().priceWithDisc(),
                false);
    }

    private static String wire(Instant instant) {
        return WIRE.format(instant.atOffset(MSK));
    }

    private static Instant time(JsonNode parent, String field, String name, Instant absent) throws Invalid {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            if (absent == null) {
                throw new Invalid(name + ": field required");
            }
            return absent;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeException e) {
            throw new Invalid(name + ": must be a date-time with an offset, e.g. 2026-12-07T10:00:00+03:00");
        }
    }

    private static int integer(JsonNode parent, String field, int absent) throws Invalid {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return absent;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new Invalid("pagination." + field + ": must be an integer");
        }
        return node.asInt();
    }

    private static JsonNode array(JsonNode body, String field) throws Invalid {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw new Invalid(field + ": must be an array");
        }
        return node;
    }

    private static Set<Long> longs(JsonNode body, String field) throws Invalid {
        Set<Long> ids = new HashSet<>();
        for (JsonNode id : array(body, field)) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                throw new Invalid(field + ": must hold integers");
            }
            ids.add(id.asLong());
        }
        return ids;
    }
}
