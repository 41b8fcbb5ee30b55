package ru.wbassist.api;

import java.time.Instant;
import java.util.List;

/**
 * Answering reviews and questions from the bot ({@code /api/v1/bot/*}, docs/api.md "Answering reviews and
 * questions"): the unanswered lists, the reply context, sending an answer once per idempotency key, templates, and
 * the owner's switch that lets members answer. Every route names the acting Telegram user.
 */
public final class Answers {

    public static final String PATH = "/api/v1/bot";
    public static final String UNANSWERED_REVIEWS = "/reviews/unanswered";
    public static final String UNANSWERED_QUESTIONS = "/questions/unanswered";
    public static final String REVIEW_REPLY = "/reviews/{id}/reply";
    public static final String QUESTION_REPLY = "/questions/{id}/reply";
    public static final String REVIEW_ANSWER = "/reviews/{id}/answer";
    public static final String QUESTION_ANSWER = "/questions/{id}/answer";
    public static final String TEMPLATES = "/templates";
    public static final String TEMPLATE = "/templates/{id}";
    public static final String ANSWERING = "/cabinets/{id}/answering";

    /** Why a user may not answer in a cabinet ({@code cannot_answer_reason}). */
    public static final String MEMBERS_MAY_NOT_ANSWER = "members_may_not_answer";

    public static final String KEY_LACKS_FEEDBACKS = "key_lacks_feedbacks";
    public static final String KEY_READ_ONLY = "key_read_only";

    private Answers() {}

    /** A review or question to answer; {@code buyer} and {@code rating} are null for questions. */
    public record ReplyItem(
            String kind,
            String itemId,
            long nmId,
            String product,
            String buyer,
            Integer rating,
            String text,
            Instant createdDate,
            boolean answered) {}

    /** One cabinet's unanswered reviews or questions, and whether the user may answer them. */
    public record Unanswered(
            long cabinetId,
            String name,
            boolean canAnswer,
            String cannotAnswerReason,
            long unanswered,
            List<ReplyItem> items) {}

    /** A template with its placeholders filled in for one item. */
    public record FilledTemplate(long id, String text, String filled) {}

    /** {@code GET …/{id}/reply}: what a reply needs. */
    public record ReplyContext(
            String kind,
            String itemId,
            long cabinetId,
            String cabinetName,
            ReplyItem item,
            boolean canAnswer,
            String cannotAnswerReason,
            List<FilledTemplate> templates) {}

    /** The body of {@code POST …/{id}/answer}. */
    public record AnswerRequest(Long telegramId, Long cabinetId, String text, String idempotencyKey) {}

    /** An answer sent to WB from WB Assist: who, when, and WB's verdict. */
    public record Answer(
            long id,
            long cabinetId,
            String kind,
            String itemId,
            String text,
            String status,
            long telegramId,
            Instant createdAt,
            Instant completedAt,
            String wbError) {}

    /** An answer template; {@code kind} ({@code review} or {@code question}) limits where it is offered, null: both. */
    public record Template(long id, String text, String kind) {}

    /**
     * One cabinet's templates ({@code GET …/templates}), the user's {@code role} there ({@code owner} or
     * {@code member}) and whether the owner lets members answer.
     */
    public record TemplateBlock(
            long cabinetId,
            String name,
            String role,
            boolean canAnswer,
            String cannotAnswerReason,
            boolean membersCanAnswer,
            List<Template> templates) {}

    /** The body of {@code POST …/templates}; {@code kind} is optional (null: offered for reviews and questions). */
    public record TemplateRequest(Long telegramId, Long cabinetId, String text, String kind) {}

    /** The body of {@code POST …/cabinets/{id}/answering}. */
    public record AnsweringRequest(Long telegramId, Boolean membersCanAnswer) {}

    public record Answering(long cabinetId, boolean membersCanAnswer) {}
}
