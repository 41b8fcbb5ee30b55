package ru.wbassist.api;

import java.time.Instant;
import java.util.List;

/** {@code /api/v1/bot/sync}: start a user's syncs now and see how the last ones went. */
public final class Syncs {

    public static final String PATH = "/api/v1/bot/sync";
    public static final String START = "/start";
    public static final String STATUS = "/status";

    /** The data sets a cabinet's sync runs, in the order it runs them ({@link DataSetRun#dataSet()}). */
    public static final List<String> DATA_SETS =
            List.of("products", "prices", "stocks", "orders", "sales", "reviews", "questions");

    /** The outcomes of a data set's run ({@code partial}: some rows were skipped). */
    public static final List<String> STATUSES = List.of("running", "success", "failed", "partial");

    private Syncs() {}

    /** {@code POST /api/v1/bot/sync/start}: per cabinet {@code started}, {@code already_running} or {@code paused}. */
    public record Started(long cabinetId, String status) {}

    /** {@code GET /api/v1/bot/sync/status}: one block per cabinet; a paused one (by an operator) has no next run. */
    public record CabinetStatus(
            long cabinetId,
            String name,
            boolean running,
            boolean paused,
            Instant nextRunAt,
            List<DataSetRun> dataSets,
            LiveOrders liveOrders) {}

    /**
     * A cabinet's live order source (WB's order feed): {@code state} is {@code on}, {@code off} ({@code reason}
     * {@code no_analytics}: the key lacks Analytics; {@code key_rejected}: WB refused the key), {@code slowed}
     * ({@code base_token}: WB allows the key one request per 3 hours) or {@code pending} (not polled yet).
     * {@code lagSeconds} is how old the live view is: the time since the last poll WB answered; null before the first.
     */
    public record LiveOrders(
            String state,
            String reason,
            Instant lastPollAt,
            String lastStatus,
            String lastError,
            Instant nextPollAt,
            Long lagSeconds) {}

    /**
     * One data set's latest run. A failure is {@code error}, a plain reason (for operators), {@code errorCode}, what the
     * bot translates for users ({@link #ERROR_CODES}), and {@code errorId}, what the server logged the details under.
     */
    public record DataSetRun(
            String dataSet,
            String status,
            Instant startedAt,
            Instant completedAt,
            int records,
            String error,
            String errorCode,
            String errorId) {}

    /** Why a data set failed, as {@link DataSetRun#errorCode()} says it. */
    public static final List<String> ERROR_CODES =
            List.of("wb_unavailable", "wb_error", "key_rejected", "internal", "rows_skipped", "interrupted");
}
