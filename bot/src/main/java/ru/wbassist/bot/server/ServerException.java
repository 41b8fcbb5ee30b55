package ru.wbassist.bot.server;

/**
 * The server answered with an error, or could not be reached (status 0). {@link #reason()} is the server's
 * human-readable message, safe to show: the server never puts secrets or stack traces in it.
 */
public final class ServerException extends RuntimeException {

    private final int status;
    private final String error;
    private final String reason;
    private final String errorId;

    public ServerException(int status, String error, String reason) {
        this(status, error, reason, null);
    }

    /** @param errorId the server's id for the details in its log (its 5xx answers carry one), or null */
    public ServerException(int status, String error, String reason, String errorId) {
        super(
                status + " " + error + ": " + reason + (errorId == null ? "" : " (error id " + errorId + ")"),
                null,
                false,
                false);
        this.status = status;
        this.error = error;
        this.reason = reason;
        this.errorId = errorId;
    }

    public int status() {
        return status;
    }

    /** The server's error code, e.g. {@code bad_request}, {@code conflict}, {@code unavailable}. */
    public String error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    /** What a user can quote so that the details are found in the server log; null when the server gave none. */
    public String errorId() {
        return errorId;
    }

    /** The request was wrong for a reason the user can fix (4xx), as opposed to an outage. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
