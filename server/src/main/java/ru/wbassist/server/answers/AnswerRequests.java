package ru.wbassist.server.answers;

import java.util.regex.Pattern;
import ru.wbassist.api.Answers;
import ru.wbassist.api.InvalidRequest;

/**
 * Checks an answer to send: who sends it ({@code telegram_id}), from which cabinet, the text, and the idempotency key
 * the bot made for this reply (the same key on a retry or a double tap sends the answer once).
 */
final class AnswerRequests {

    /** Our own bound: WB's documents give none, and a Telegram message holds 4096 characters. */
    static final int MAX_TEXT = 4000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,100}");

    private AnswerRequests() {}

    /** The request with its text trimmed. */
    static Answers.AnswerRequest validated(Answers.AnswerRequest request) {
        positive("telegram_id", request.telegramId());
        positive("cabinet_id", request.cabinetId());
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new InvalidRequest("text", "text is required");
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidRequest("text", "text must be at most " + MAX_TEXT + " characters");
        }
        if (request.idempotencyKey() == null
                || !KEY.matcher(request.idempotencyKey()).matches()) {
            throw new InvalidRequest(
                    "idempotency_key", "idempotency_key must be 8 to 100 characters of letters, digits and _ . : -");
        }
        return new Answers.AnswerRequest(
                request.telegramId(), request.cabinetId(), text.strip(), request.idempotencyKey());
    }

    static long positive(String name, Long value) {
        if (value == null) {
            throw new InvalidRequest(name, name + " is required");
        }
        if (value <= 0) {
            throw new InvalidRequest(name, name + " must be a positive integer");
        }
        return value;
    }
}
