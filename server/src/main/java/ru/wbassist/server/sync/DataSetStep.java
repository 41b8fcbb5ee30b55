package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

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
    }

    /** The outcome of a store. */
    record Stored(int records, int skipped) {
    }
}
