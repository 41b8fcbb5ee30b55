package ru.wbassist.console.api;

/** A failed admin API call, with a message fit to show the operator (never containing the secret). */
public final class AdminApiException extends RuntimeException {

    public enum Kind {
        UNREACHABLE,
        UNAUTHORIZED,
        CONFLICT,
        NOT_FOUND,
        BAD_REQUEST,
        SERVER_ERROR,
        PROTOCOL
    }

    private final Kind kind;
    private final int status;

    public AdminApiException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public AdminApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when no response came. */
    public int status() {
        return status;
    }

    public static AdminApiException forStatus(int status, String message) {
        Kind kind = switch (status) {
            case 401 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 400 -> Kind.BAD_REQUEST;
            default -> Kind.SERVER_ERROR;
        };
        return new AdminApiException(kind, status, message);
    }
}
