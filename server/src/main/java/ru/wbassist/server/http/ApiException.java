package ru.wbassist.server.http;

import io.helidon.http.Status;

/**
 * An error the client caused or must know about; rendered as {@code {"error","message","field"}} with its status.
 * Messages never contain secrets.
 */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final String field;

    private ApiException(Status status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(Status.BAD_REQUEST_400, "bad_request", message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND_404, "not_found", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(Status.FORBIDDEN_403, "forbidden", message, null);
    }

    /** WB answered and said no (a 4xx other than 429): the request as it stands will not pass. */
    public static ApiException wbRefused(String message) {
        return new ApiException(Status.UNPROCESSABLE_CONTENT_422, "wb_refused", message, null);
    }

    /** WB could not be reached, failed (5xx) or kept answering 429 past the retry budget: try again later. */
    public static ApiException wbUnavailable(String message) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "wb_unavailable", message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT_409, "conflict", message, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type", message, null);
    }

    public static ApiException methodNotAllowed(String allowed) {
        return new ApiException(
                Status.METHOD_NOT_ALLOWED_405,
                "method_not_allowed",
                "method not allowed here; allowed: " + allowed,
                null);
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload_too_large", message, null);
    }

    /** The server holds as many long-polls as it allows; the client retries shortly (or polls without wait). */
    public static ApiException tooManyWaiting(String message) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "too_many_waiting", message, null);
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
