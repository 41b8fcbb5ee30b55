package ru.wbassist.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks "each cabinet synced once per interval" from {@code wb_sync_logs}: the data sets of a run are logged one
 * after another, and runs of one cabinet never run at once, so per cabinet every row must start after the previous
 * one ended (an overlap means two servers ran the cabinet together). Between the end of one row and the start of
 * the next there should be at most about one interval; longer idle stretches up to {@code until} are counted against
 * {@code gapLimit}, and rows left open by a killed server are counted as orphaned runs.
 */
final class SyncAudit {

    private static final int SAMPLES = 10;
    /**
     * @param gapsOverLimit idle stretches (nothing running, nothing started) longer than {@code gapLimit}
     * @param orphanedRuns  runs still open at {@code until} that began before {@code deadBefore}: their server was
     *                      killed, and nobody has taken the cabinet over
     */
    record Figures(
            int cabinets,
            int rows,
            int failedRows,
            int overlaps,
            int gapsOverLimit,
            Duration maxGap,
            Duration gapLimit,
            int orphanedRuns,
            List<String> samples) {}

    private record Log(long cabinetId, String dataSet, String status, Instant started, Instant completed) {}

    private SyncAudit() {}

    /**
     * @param until      the end of the audited stretch
     * @param gapLimit   the longest idle stretch that is not a gap
     * @param deadBefore every server process alive now started after this (the earliest of the servers' last kills):
     *                   a row begun before it and still open belongs to a killed process
     */
    static Figures audit(Connection db, Instant until, Duration gapLimit, Instant deadBefore) throws SQLException {
        List<Log> logs = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT cabinet_id, data_set, status, started_at, completed_at"
                        + " FROM wb_sync_logs ORDER BY cabinet_id, started_at, id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Timestamp completed = rs.getTimestamp(5);
                logs.add(new Log(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        completed == null ? null : completed.toInstant()));
            }
        }
        Map<Long, List<Log>> byCabinet =
                logs.stream().collect(Collectors.groupingBy(Log::cabinetId, LinkedHashMap::new, Collectors.toList()));
        Tally tally = new Tally(gapLimit);
        byCabinet.values().forEach(rows -> tally.cabinet(rows, until, deadBefore));
        int failed = (int) logs.stream()
                .filter(l -> !"success".equals(l.status()) && !"partial".equals(l.status()))
                .count();
        return new Figures(
                byCabinet.size(),
                logs.size(),
                failed,
                tally.overlaps,
                tally.gaps,
                tally.maxGap,
                gapLimit,
                tally.orphans,
                tally.samples);
    }

    /** Overlaps and gaps over all cabinets. */
    private static final class Tally {
        private final Duration gapLimit;
        private final List<String> samples = new ArrayList<>();
        private int overlaps;
        private int gaps;
        private int orphans;
        private Duration maxGap = Duration.ZERO;

        Tally(Duration gapLimit) {
            this.gapLimit = gapLimit;
        }

        /** One cabinet's rows, in start order. */
        void cabinet(List<Log> rows, Instant until, Instant deadBefore) {
            Log previous = rows.getFirst();
            Instant busyUntil = end(previous);
            for (Log log : rows.subList(1, rows.size())) {
                if (log.started().isBefore(busyUntil)) {
                    overlaps++;
                    sample("OVERLAP cabinet " + log.cabinetId() + ": " + log.dataSet() + " started " + log.started()
                            + " while " + previous.dataSet() + " (started " + previous.started() + ") ran until "
                            + (previous.completed() == null ? "never closed" : previous.completed()));
                } else if (log.started().isBefore(until)) {
                    gap(
                            Duration.between(busyUntil, log.started()),
                            "GAP cabinet " + log.cabinetId() + ": nothing from " + busyUntil + " to " + log.started());
                }
                previous = log;
                Instant end = end(log);
                busyUntil = end.isAfter(busyUntil) ? end : busyUntil;
            }
            if (busyUntil == Instant.MAX) {
                // still "running" although the process that began it is dead: db-scheduler has not revived the
                // cabinet's schedule yet (a live run may legitimately stay open for minutes, waiting on WB's limits)
                if (previous.started().isBefore(deadBefore)) {
                    orphans++;
                    sample("ORPHANED cabinet " + previous.cabinetId() + ": " + previous.dataSet() + " started "
                            + previous.started() + " is still open and nothing has run since");
                }
            } else if (busyUntil.isBefore(until)) {
                gap(
                        Duration.between(busyUntil, until),
                        "GAP cabinet " + previous.cabinetId() + ": nothing after " + previous.dataSet() + " ended "
                                + busyUntil);
            }
        }

        private void gap(Duration gap, String what) {
            if (gap.compareTo(maxGap) > 0) {
                maxGap = gap;
            }
            if (gap.compareTo(gapLimit) > 0) {
                gaps++;
                sample(what + " (" + gap.toSeconds() + " s)");
            }
        }

        private void sample(String line) {
            if (samples.size() < SAMPLES) {
                samples.add(line);
            }
        }
    }

    /** A row never closed is a run still going (or cut short): anything after it overlaps. */
    private static Instant end(Log log) {
        return log.completed() == null ? Instant.MAX : log.completed();
    }
}
