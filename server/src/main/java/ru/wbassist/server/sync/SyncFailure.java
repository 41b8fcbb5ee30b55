package ru.wbassist.server.sync;

import ru.wbassist.observability.LogContext;
import ru.wbassist.server.wb.WbException;

/**
 * Why a data set did not sync, as users see it: a code the bot translates, a plain English reason for the console, and
 * an error id when the details are in the server log. Never exception text, SQL or WB's raw answers.
 *
 * @param errorId null when there are no details to look up
 */
record SyncFailure(String code, String reason, String errorId) {

    static final String INTERRUPTED =
            "the run was interrupted (its server stopped); the next run continued from the cursor";

    /** A failure of a data set; the caller logs the details under {@link #errorId()}. */
    static SyncFailure of(RuntimeException e) {
        String id = LogContext.newId();
        return switch (e) {
            case WbException.KeyRejected rejected ->
                new SyncFailure(
                        "key_rejected",
                        "WB rejected the API key (" + rejected.status()
                                + "); replace the key in the seller cabinet and connect it again",
                        id);
            case WbException.Unreachable unreachable ->
                new SyncFailure("wb_unavailable", "WB did not answer; the next sync tries again", id);
            case WbException wb ->
                new SyncFailure(
                        "wb_error",
                        "WB answered an error" + (wb.status() >= 300 ? " (HTTP " + wb.status() + ")" : "")
                                + "; the next sync tries again",
                        id);
            default -> new SyncFailure("internal", "internal error in the server; the next sync tries again", id);
        };
    }

    static SyncFailure rowsSkipped(int skipped) {
        return new SyncFailure("rows_skipped", skipped + " rows WB sent could not be stored", null);
    }

    /** What {@code wb_sync_logs.error_message} holds: the reason, with the id to quote. */
    String message() {
        if (errorId == null) {
            return reason;
        }
        int semicolon = reason.indexOf(';');
        String tag = " (error id " + errorId + ")";
        return semicolon < 0 ? reason + tag : reason.substring(0, semicolon) + tag + reason.substring(semicolon);
    }
}
