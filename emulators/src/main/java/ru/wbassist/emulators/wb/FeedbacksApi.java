package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import ru.wbassist.emulators.wb.ShopRecords.ReviewRecord;

/**
 * The feedbacks API (docs/wb-api.md): {@code GET /api/v1/feedbacks} and {@code /api/v1/feedbacks/count-unanswered}
 * in WB's {@code {data, error, errorText, additionalErrors}} envelope, with {@code createdDate} in UTC ({@code Z}).
 * The sandbox counts answered feedbacks as the archive.
 */
final class FeedbacksApi {

    static final int MAX_TAKE = 5000;
    static final int MAX_SKIP = 199_990;

    private final Clock clock;

    FeedbacksApi(Clock clock) {
        this.clock = clock;
    }

    record Envelope(Object data, boolean error, String errorText, Object additionalErrors) {}

    record ErrorEnvelope(Object data, boolean error, String errorText, Object additionalErrors, String requestId) {}

    record Page(long countUnanswered, long countArchive, List<FeedbackItem> feedbacks) {}

    record Counts(long countUnanswered, long countUnansweredToday) {}

    record Answer(String text, String state, boolean editable) {}

    record ProductDetails(
            long imtId,
            long nmId,
            String productName,
            String supplierArticle,
            String supplierName,
            String brandName,
            String size) {}

    record FeedbackItem(
            String id,
            String text,
            String pros,
            String cons,
            int productValuation,
            String createdDate,
            Answer answer,
            String state,
            ProductDetails productDetails,
            Object video,
            boolean wasViewed,
            Object photoLinks,
            String userName,
            String matchingSize,
            String orderStatus,
            boolean isAbleSupplierFeedbackValuation,
            int supplierFeedbackValuation,
            boolean isAbleSupplierProductValuation,
            int supplierProductValuation,
            boolean isAbleReturnProductOrders,
            String returnProductOrdersDate,
            Object bables,
            long lastOrderShkId,
            String lastOrderCreatedAt,
            String color,
            long subjectId,
            String subjectName,
            String parentFeedbackId,
            String childFeedbackId) {}

    /** A query parameter WB would refuse; the message is WB's {@code errorText}. */
    static final class BadParameter extends Exception {
        BadParameter(String name) {
            super("Плохой формат " + name, null, false, false);
        }
    }

    void list(Call call, SandboxSeller seller) throws IOException {
        try {
            listValidated(call, seller);
        } catch (BadParameter e) {
            call.respond(400, new ErrorEnvelope(null, true, e.getMessage(), null, requestId()));
        }
    }

    private void listValidated(Call call, SandboxSeller seller) throws IOException, BadParameter {
        String isAnswered = call.query("isAnswered").orElse("");
        if (!isAnswered.equals("true") && !isAnswered.equals("false")) {
            throw new BadParameter("isAnswered");
        }
        boolean answered = Boolean.parseBoolean(isAnswered);
        long take = required(call, "take", 1, MAX_TAKE);
        long skip = required(call, "skip", 0, MAX_SKIP);
        Optional<Long> nmId = optional(call, "nmId", 1);
        Optional<Long> dateFrom = optional(call, "dateFrom", 0);
        Optional<Long> dateTo = optional(call, "dateTo", 0);
        String order = call.query("order").orElse("dateDesc");
        if (!order.equals("dateAsc") && !order.equals("dateDesc")) {
            throw new BadParameter("order");
        }
        List<ReviewRecord> all = seller.shop().reviews();
        Predicate<ReviewRecord> filter = r -> (r.answer() != null) == answered
                && nmId.map(id -> r.product().nmId() == id).orElse(true)
                && dateFrom.map(from -> r.createdDate().getEpochSecond() >= from)
                        .orElse(true)
                && dateTo.map(to -> r.createdDate().getEpochSecond() <= to).orElse(true);
        Comparator<ReviewRecord> byDate =
                Comparator.comparing(ReviewRecord::createdDate).thenComparing(ReviewRecord::id);
        List<FeedbackItem> page = all.stream()
                .filter(filter)
                .sorted(order.equals("dateAsc") ? byDate : byDate.reversed())
                .skip(skip)
                .limit(take)
                .map(r -> item(r, seller.name()))
                .toList();
        long unanswered = all.stream().filter(r -> r.answer() == null).count();
        call.respond(200, new Envelope(new Page(unanswered, all.size() - unanswered, page), false, "", null));
    }

    void countUnanswered(Call call, SandboxSeller seller) throws IOException {
        LocalDate today = MskTime.mskDate(clock.instant());
        List<ReviewRecord> unanswered =
                seller.shop().reviews().stream().filter(r -> r.answer() == null).toList();
        long todayCount = unanswered.stream()
                .filter(r -> MskTime.mskDate(r.createdDate()).equals(today))
                .count();
        call.respond(200, new Envelope(new Counts(unanswered.size(), todayCount), false, "", null));
    }

    /**
     * {@code POST /api/v1/feedbacks/answer}: 204. WB does not validate the id, so an unknown one is accepted and
     * changes nothing; a body that is not JSON gets WB's {@code bad request} answer.
     */
    void answer(Call call, SandboxSeller seller) throws IOException {
        if (!call.header("Content-Type")
                .map(t -> t.startsWith("application/json"))
                .orElse(false)) {
            call.respond(400, new BadRequest("bad request", requestId(), "fbapi", "content-type header not specified"));
            return;
        }
        JsonNode body;
        try {
            body = call.bodyJson();
        } catch (Call.BadBody e) {
            call.respond(400, new BadRequest("bad request", requestId(), "fbapi", "Неверный синтаксис JSON"));
            return;
        }
        String id = body.path("id").asText("");
        String text = body.path("text").asText("");
        if (id.isBlank() || text.isBlank()) {
            call.respond(
                    400,
                    new BadRequest(
                            "bad request", requestId(), "fbapi", id.isBlank() ? "id is required" : "text is required"));
            return;
        }
        seller.shop().answerReviewIfKnown(id, text);
        call.respondEmpty(204);
    }

    /** The answer routes' 400 body (not the envelope). */
    record BadRequest(String title, String requestId, String origin, String detail) {}

    static long required(Call call, String name, long min, long max) throws BadParameter {
        return parse(call.query(name).orElseThrow(() -> new BadParameter(name)), name, min, max);
    }

    static Optional<Long> optional(Call call, String name, long min) throws BadParameter {
        Optional<String> raw = call.query(name);
        return raw.isEmpty() ? Optional.empty() : Optional.of(parse(raw.get(), name, min, Long.MAX_VALUE));
    }

    private static long parse(String raw, String name, long min, long max) throws BadParameter {
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through: WB answers a malformed and an out-of-range value alike
        }
        throw new BadParameter(name);
    }

    private static FeedbackItem item(ReviewRecord r, String supplierName) {
        Product p = r.product();
        boolean answered = r.answer() != null;
        return new FeedbackItem(
                r.id(),
                r.text(),
                r.pros(),
                r.cons(),
                r.rating(),
                utc(r.createdDate()),
                answered ? new Answer(r.answer(), "wbRu", false) : null,
                answered ? "wbRu" : "none",
                new ProductDetails(p.imtId(), p.nmId(), p.title(), p.vendorCode(), supplierName, p.brand(), r.size()),
                null,
                answered,
                null,
                r.userName(),
                r.matchingSize(),
                r.orderStatus(),
                false,
                0,
                false,
                0,
                false,
                null,
                null,
                Math.abs((long) r.id().hashCode()) * 1000 + p.nmId() % 1000,
                utc(r.lastOrderCreatedAt()),
                p.color(),
                p.subjectId(),
                p.subject(),
                null,
                null);
    }

    static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String requestId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
