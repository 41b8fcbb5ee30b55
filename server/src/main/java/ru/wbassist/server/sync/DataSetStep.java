package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.wb.WbCredentials;

/**
 * One data set's part of a run: fetch from WB outside any transaction, then store in one transaction that also
 * reports the changes to the {@link EventSink}; the caller advances the cursor in that same transaction.
 *
 * @param <T> what the fetch brings
 */
interface DataSetStep<T> {

    DataSet dataSet();

    /** Fetches what changed since {@code cursor} (empty at the data set's first sync), with the cursor to store after. */
    Fetched<T> fetch(WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now);

    /**
     * Upserts the rows and reports what changed to {@code events} (absent during the baseline).
     *
     * @return how many rows were written, and how many WB sent that could not be kept
     */
    Stored store(Connection c, long cabinetId, T data, Optional<EventSink> events, Instant now) throws SQLException;

    /** What a fetch brought and the cursor that covers it. */
    record Fetched<T>(T data, String cursor) {

        /**
         * Rows read by creation time (reviews, questions): the cursor is the newest creation time seen, or the
         * previous cursor, or the fetch time when there was none (the next run then re-reads only the overlap).
         */
        static <R> Fetched<List<R>> byCreation(
                List<R> rows, Function<R, Instant> created, Optional<Instant> previous, Instant now) {
            Instant latest = previous.orElse(now);
            for (R row : rows) {
                Instant at = created.apply(row);
                if (at != null && at.isAfter(latest)) {
                    latest = at;
                }
            }
            return new Fetched<>(rows, latest.toString());
        }
    }

    /** The outcome of a store. */
    record Stored(int records, int skipped) {}
}
