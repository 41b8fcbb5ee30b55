package ru.wbassist.emulators.telegram;

/** A Bot API error answered as {@code {"ok":false,"error_code":…,"description":…}}, with retry_after for 429. */
final class BotApiException extends RuntimeException {

    private final int errorCode;
    private final Integer retryAfter;

    private BotApiException(int errorCode, String description, Integer retryAfter) {
        super(description, null, false, false);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    static BotApiException badRequest(String detail) {
        return new BotApiException(400, "Bad Request: " + detail, null);
    }

    static BotApiException unauthorized() {
        return new BotApiException(401, "Unauthorized", null);
    }

    static BotApiException forbidden(String detail) {
        return new BotApiException(403, "Forbidden: " + detail, null);
    }

    static BotApiException notFound() {
        return new BotApiException(404, "Not Found", null);
    }

    static BotApiException conflict(String detail) {
        return new BotApiException(409, "Conflict: " + detail, null);
    }

    static BotApiException tooManyRequests(int retryAfterSeconds) {
        return new BotApiException(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    int errorCode() {
        return errorCode;
    }

    String description() {
        return getMessage();
    }

    /** Seconds to wait, for 429 answers; null otherwise. */
    Integer retryAfter() {
        return retryAfter;
    }
}
