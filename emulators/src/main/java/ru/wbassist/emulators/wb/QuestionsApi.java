package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import ru.wbassist.emulators.wb.FeedbacksApi.BadParameter;
import ru.wbassist.emulators.wb.FeedbacksApi.Counts;
import ru.wbassist.emulators.wb.FeedbacksApi.Envelope;
import ru.wbassist.emulators.wb.FeedbacksApi.ErrorEnvelope;
import ru.wbassist.emulators.wb.ShopRecords.QuestionRecord;

/**
 * The questions API: {@code GET /api/v1/questions}, {@code GET /api/v1/questions/count-unanswered} and
 * {@code PATCH /api/v1/questions} (mark viewed, reject, answer or edit the answer), in the feedbacks envelope. The
 * questions share the feedbacks' limit bucket, as on WB.
 */
final class QuestionsApi {

    /** WB: take and skip each at most 10,000, and together at most 10,000. */
    static final int MAX_WINDOW = 10_000;
    /** WB: an answer can be edited once within 60 days of sending it. */
    static final Duration EDIT_WINDOW = Duration.ofDays(60);

    private final Clock clock;

    QuestionsApi(Clock clock) {
        this.clock = clock;
    }

    record Page(long countUnanswered, long countArchive, List<QuestionItem> questions) {}

    record Answer(String text, boolean editable, String createDate) {}

    record ProductDetails(
            long imtId, long nmId, String productName, String supplierArticle, String supplierName, String brandName) {}

    record QuestionItem(
            String id,
            String text,
            String createdDate,
            String state,
            Answer answer,
            ProductDetails productDetails,
            boolean wasViewed,
            boolean isWarned) {}

    /** A request WB refuses with a status and its {@code errorText}. */
    private static final class Refused extends Exception {
        private final int status;

        Refused(int status, String errorText) {
            super(errorText, null, false, false);
            this.status = status;
        }
    }

    void list(Call call, SandboxSeller seller) throws IOException {
        try {
            listValidated(call, seller);
        } catch (BadParameter e) {
            call.respond(400, new ErrorEnvelope(null, true, e.getMessage(), null, FeedbacksApi.requestId()));
        }
    }

    private void listValidated(Call call, SandboxSeller seller) throws IOException, BadParameter {
        String isAnswered = call.query("isAnswered").orElse("");
        if (!isAnswered.equals("true") && !isAnswered.equals("false")) {
            throw new BadParameter("isAnswered");
        }
        boolean answered = Boolean.parseBoolean(isAnswered);
        long take = FeedbacksApi.required(call, "take", 1, MAX_WINDOW);
        long skip = FeedbacksApi.required(call, "skip", 0, MAX_WINDOW);
        if (take + skip > MAX_WINDOW) {
            throw new BadParameter("take");
        }
        Optional<Long> nmId = FeedbacksApi.optional(call, "nmId", 1);
        Optional<Long> dateFrom = FeedbacksApi.optional(call, "dateFrom", 0);
        Optional<Long> dateTo = FeedbacksApi.optional(call, "dateTo", 0);
        String order = call.query("order").orElse("dateDesc");
        if (!order.equals("dateAsc") && !order.equals("dateDesc")) {
            throw new BadParameter("order");
        }
        List<QuestionRecord> all = seller.shop().questions();
        Predicate<QuestionRecord> filter = q -> q.isAnswered() == answered
                && nmId.map(id -> q.product().nmId() == id).orElse(true)
                && dateFrom.map(from -> q.createdDate().getEpochSecond() >= from)
                        .orElse(true)
                && dateTo.map(to -> q.createdDate().getEpochSecond() <= to).orElse(true);
        Comparator<QuestionRecord> byDate =
                Comparator.comparing(QuestionRecord::createdDate).thenComparing(QuestionRecord::id);
        Instant now = clock.instant();
        List<QuestionItem> page = all.stream()
                .filter(filter)
                .sorted(order.equals("dateAsc") ? byDate : byDate.reversed())
                .skip(skip)
                .limit(take)
                .map(q -> item(q, seller.name(), now))
                .toList();
        long unanswered = all.stream().filter(q -> !q.isAnswered()).count();
        call.respond(200, new Envelope(new Page(unanswered, all.size() - unanswered, page), false, "", null));
    }

    void countUnanswered(Call call, SandboxSeller seller) throws IOException {
        LocalDate today = MskTime.mskDate(clock.instant());
        List<QuestionRecord> unanswered =
                seller.shop().questions().stream().filter(q -> !q.isAnswered()).toList();
        long todayCount = unanswered.stream()
                .filter(q -> MskTime.mskDate(q.createdDate()).equals(today))
                .count();
        call.respond(200, new Envelope(new Counts(unanswered.size(), todayCount), false, "", null));
    }

    /**
     * {@code {id, wasViewed}} marks a question viewed; {@code {id, answer:{text}, state}} answers it ({@code wbRu}) or
     * rejects it ({@code none}); answering an answered question edits the answer, once within 60 days.
     */
    void patch(Call call, SandboxSeller seller) throws IOException {
        try {
            patchValidated(call.bodyJson(), seller.shop());
            call.respond(200, new Envelope(null, false, "", null));
        } catch (Call.BadBody e) {
            call.respond(400, new ErrorEnvelope(null, true, "Something went wrong", null, FeedbacksApi.requestId()));
        } catch (Refused e) {
            call.respond(e.status, new ErrorEnvelope(null, true, e.getMessage(), null, FeedbacksApi.requestId()));
        }
    }

    private void patchValidated(JsonNode body, SandboxShop shop) throws Refused {
        String id = body.path("id").asText("");
        if (id.isBlank()) {
            throw new Refused(400, "Something went wrong");
        }
        synchronized (shop) {
            QuestionRecord question;
            try {
                question = shop.question(id);
            } catch (NoSuchElementException e) {
                throw new Refused(404, "Не найден вопрос");
            }
            if (body.has("wasViewed")) {
                if (!body.get("wasViewed").isBoolean()) {
                    throw new Refused(400, "Something went wrong");
                }
                shop.putQuestion(question.viewed(body.get("wasViewed").asBoolean()));
                return;
            }
            String text = body.path("answer").path("text").asText("");
            String state = body.path("state").asText("");
            if (text.isBlank() || !(state.equals("wbRu") || state.equals("none"))) {
                throw new Refused(400, "Something went wrong");
            }
            Instant now = clock.instant();
            if (question.isAnswered() && !editable(question, now)) {
                throw new Refused(400, "Ответ можно отредактировать только один раз в течение 60 дней");
            }
            shop.putQuestion(question.answered(text, state, now));
            shop.received(id, text);
        }
    }

    private static boolean editable(QuestionRecord q, Instant now) {
        return q.isAnswered()
                && q.answerEdits() == 0
                && now.isBefore(q.answeredAt().plus(EDIT_WINDOW));
    }

    private static QuestionItem item(QuestionRecord q, String supplierName, Instant now) {
        Product p = q.product();
        return new QuestionItem(
                q.id(),
                q.text(),
                FeedbacksApi.utc(q.createdDate()),
                q.state(),
                q.isAnswered() ? new Answer(q.answer(), editable(q, now), FeedbacksApi.utc(q.answeredAt())) : null,
                new ProductDetails(p.imtId(), p.nmId(), p.title(), p.vendorCode(), supplierName, p.brand()),
                q.wasViewed(),
                false);
    }
}
