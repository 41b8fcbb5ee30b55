package ru.wbassist.server.sync;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.observability.LogContext;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.CabinetState;
import ru.wbassist.server.cabinets.WbToken;
import ru.wbassist.server.events.DetectionRules;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbException;

/**
 * One run of one cabinet: products, stocks, orders, sales, reviews, questions, each fetched from WB and then stored
 * in one transaction together with its events and its cursor. A data set without a cursor is in its baseline: its history is
 * stored and nothing is reported to the {@link EventSink}. When every data set has completed once the cabinet's
 * {@code baseline_completed_at} is set.
 *
 * <p>A key WB rejects (401/403) ends the run: the cabinet's key is marked invalid, the data set's log says why, and
 * the sink hears about it once per invalidation. The next interval tries again.
 */
public final class CabinetSync implements CabinetRunner {

    private static final System.Logger LOG = System.getLogger(CabinetSync.class.getName());

    private final Database db;
    private final CabinetRepository cabinets;
    private final EventSink events;
    private final Clock clock;
    private final List<DataSetStep<?>> steps;
    private final ServerMeters meters;
    private final KeyStatus keyStatus;

    public CabinetSync(
            Database db,
            CabinetRepository cabinets,
            WbClient wb,
            EventSink events,
            SyncSettings settings,
            Clock clock,
            ServerMeters meters) {
        this.db = db;
        this.meters = meters;
        this.cabinets = cabinets;
        this.events = events;
        this.clock = clock;
        this.keyStatus = new KeyStatus(db, events, clock, meters);
        Duration history = Duration.ofDays(settings.historyDays());
        this.steps = List.of(
                new ProductsStep(wb),
                new PricesStep(wb),
                new StocksStep(wb, db),
                new OrdersStep(wb, settings.overlap(), history),
                new SalesStep(wb, settings.overlap(), history),
                new ReviewsStep(wb, settings.overlap()),
                new QuestionsStep(wb, settings.overlap()));
    }

    /** How a run ended. */
    public enum Outcome {
        SUCCESS,
        FAILED,
        KEY_REJECTED,
        NO_CABINET,
        PAUSED
    }

    /**
     * Runs the cabinet once; {@code false} when it no longer exists or is inactive (stop scheduling it). A paused
     * cabinet stays scheduled, so it runs again at its interval once resumed.
     */
    @Override
    public boolean run(long cabinetId) {
        return sync(cabinetId) != Outcome.NO_CABINET;
    }

    /** Runs the cabinet once and says how it went; its log lines carry the cabinet id and a run id. */
    public Outcome sync(long cabinetId) {
        try (LogContext.Scope cabinet = LogContext.with("cabinet_id", cabinetId);
                LogContext.Scope run = LogContext.with("run_id", LogContext.newId())) {
            return syncLogged(cabinetId);
        }
    }

    private Outcome syncLogged(long cabinetId) {
        Optional<State> found = db.withConnection(c -> Sql.queryOne(
                c,
                "SELECT active, token_expires_at,"
                        + " baseline_completed_at, sync_paused_at FROM wb_cabinets WHERE id = ?",
                rs -> new State(
                        rs.getBoolean("active"),
                        Sql.instant(rs, "token_expires_at"),
                        Sql.instant(rs, "baseline_completed_at"),
                        rs.getObject("sync_paused_at") != null),
                cabinetId));
        if (found.isEmpty() || !found.get().active()) {
            return Outcome.NO_CABINET;
        }
        if (found.get().paused()) {
            LOG.log(Level.DEBUG, "cabinet {0}: sync paused by an operator; skipped", cabinetId);
            return Outcome.PAUSED;
        }
        State state = found.get();
        closeInterruptedRuns(cabinetId);
        String key = cabinets.apiKey(cabinetId);
        WbCredentials credentials = WbCredentials.ofCabinet(cabinetId, key);
        warnIfExpiring(cabinetId, state.tokenExpiresAt());
        Set<WbToken.Scope> scopes = scopesOf(key);
        boolean allDone = true;
        boolean anySucceeded = false;
        for (DataSetStep<?> step : steps) {
            if (Thread.currentThread().isInterrupted()) {
                // the server is shutting down: the schedule row stays and another run picks up from the cursors
                return Outcome.FAILED;
            }
            if (!scopes.contains(step.dataSet().scope())) {
                LOG.log(
                        Level.DEBUG,
                        "the key has no {0} category; {1} skipped",
                        step.dataSet().scope(),
                        step.dataSet().dbName());
                continue;
            }
            try {
                if (runStep(step, cabinetId, credentials)) {
                    anySucceeded = true;
                } else {
                    allDone = false;
                }
            } catch (WbException.KeyRejected e) {
                keyStatus.markInvalid(cabinetId, e);
                return Outcome.KEY_REJECTED;
            }
        }
        Instant now = clock.instant();
        boolean succeeded = anySucceeded;
        boolean complete = allDone;
        db.inTransaction(c -> {
            if (succeeded) {
                CabinetState.markKeyValid(c, cabinetId);
            }
            if (complete && state.baselineCompletedAt() == null) {
                CabinetState.markBaselineDone(c, cabinetId, now);
            }
            return null;
        });
        return allDone ? Outcome.SUCCESS : Outcome.FAILED;
    }

    /**
     * Fetches and stores one data set, logging the run.
     *
     * @return false when it failed (the other data sets still run)
     * @throws WbException.KeyRejected when WB refused the key (the log row already says so)
     */
    private <T> boolean runStep(DataSetStep<T> step, long cabinetId, WbCredentials credentials) {
        try (LogContext.Scope scope = LogContext.with("data_set", step.dataSet().dbName())) {
            return runStepLogged(step, cabinetId, credentials);
        }
    }

    private <T> boolean runStepLogged(DataSetStep<T> step, long cabinetId, WbCredentials credentials) {
        DataSet dataSet = step.dataSet();
        Instant started = clock.instant();
        Optional<String> cursor = db.withConnection(c -> Cursors.read(c, cabinetId, dataSet));
        boolean baseline = cursor.isEmpty();
        long logId = db.withConnection(c -> RunLog.start(c, cabinetId, dataSet, baseline, started));
        try {
            DataSetStep.Fetched<T> fetched = step.fetch(credentials, cabinetId, cursor, started);
            String outcome = meters.afterCommit(() -> db.inTransaction(c -> {
                // the order-feed poll writes orders and events of this cabinet too: one writer at a time
                CabinetState.lock(c, cabinetId);
                Instant now = clock.instant();
                DataSetStep.Stored stored = step.store(
                        c, cabinetId, fetched.data(), baseline ? Optional.empty() : Optional.of(events), now);
                Cursors.write(c, cabinetId, dataSet, fetched.cursor(), now);
                String status = stored.skipped() > 0 ? "partial" : "success";
                RunLog.finish(
                        c,
                        logId,
                        status,
                        stored.records(),
                        stored.skipped() > 0 ? SyncFailure.rowsSkipped(stored.skipped()) : null,
                        now);
                return status;
            }));
            meters.syncRun(dataSet.dbName(), outcome, Duration.between(started, clock.instant()));
            return true;
        } catch (RuntimeException e) {
            // users see the plain reason and the error id (wb_sync_logs, /sync); the details stay in this log
            SyncFailure failure = SyncFailure.of(e);
            try (LogContext.Scope error = LogContext.with("error_id", failure.errorId())) {
                LOG.log(
                        Level.WARNING,
                        dataSet.dbName() + " failed: " + e.getMessage(),
                        e instanceof WbException ? null : e);
            }
            db.withConnection(c -> {
                RunLog.finish(c, logId, "failed", 0, failure, clock.instant());
                return null;
            });
            boolean keyRejected = e instanceof WbException.KeyRejected;
            meters.syncRun(
                    dataSet.dbName(),
                    keyRejected ? "key_rejected" : "failed",
                    Duration.between(started, clock.instant()));
            if (keyRejected) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Log rows still {@code running} when a run starts belong to a run that never finished (its server stopped): the
     * scheduler never runs one cabinet twice at once, so none of them is live.
     */
    private void closeInterruptedRuns(long cabinetId) {
        db.withConnection(c -> Sql.update(
                c,
                "UPDATE wb_sync_logs SET status = 'failed', completed_at = ?,"
                        + " error_message = ?, error_code = 'interrupted' WHERE cabinet_id = ? AND status = 'running'",
                clock.instant(),
                SyncFailure.INTERRUPTED,
                cabinetId));
    }

    /**
     * Marks the key invalid; the sink hears of it only when the key was valid until now. Other WB calls of the
     * cabinet (answers) report a rejected key here too.
     */
    public void markKeyInvalid(long cabinetId, WbException.KeyRejected e) {
        keyStatus.markInvalid(cabinetId, e);
    }

    /** Tells the sink when the key expires within 3 days or 1 day (it keeps one notice per threshold and key). */
    private void warnIfExpiring(long cabinetId, Instant expiresAt) {
        if (expiresAt == null) {
            return;
        }
        OptionalInt daysLeft = DetectionRules.expiryNoticeDays(clock.instant(), expiresAt);
        if (daysLeft.isEmpty()) {
            return;
        }
        meters.afterCommit(() -> db.inTransaction(c -> {
            events.keyExpiring(c, cabinetId, daysLeft.getAsInt(), expiresAt);
            return null;
        }));
    }

    /** The categories the key grants; all of them when it cannot be read (WB will answer for itself). */
    static Set<WbToken.Scope> scopesOf(String key) {
        return WbToken.tryParse(key).map(WbToken::scopes).orElse(EnumSet.allOf(WbToken.Scope.class));
    }

    private record State(boolean active, Instant tokenExpiresAt, Instant baselineCompletedAt, boolean paused) {}
}
