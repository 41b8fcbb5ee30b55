package ru.wbassist.server.wb;

/**
 * WB did not answer with data. Messages describe the call and WB's reason, never the key.
 * Subclasses say what the caller should do about it.
 */
public class WbException extends RuntimeException {

    private final int status;

    public WbException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status WB answered with, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** WB rejected the key (401/403): the cabinet's key is invalid until the user replaces it. Never retried. */
    public static final class KeyRejected extends WbException {
        private final String reason;

        public KeyRejected(int status, String reason) {
            super("WB rejected the API key (" + status + "): " + reason, status, null);
            this.reason = reason;
        }

        /** WB's own explanation, e.g. "token scope not allowed". */
        public String reason() {
            return reason;
        }
    }

    /** WB could not be reached, or kept timing out, after the retries. */
    public static final class Unreachable extends WbException {
        public Unreachable(String message, Throwable cause) {
            super(message, 0, cause);
        }
    }
}
