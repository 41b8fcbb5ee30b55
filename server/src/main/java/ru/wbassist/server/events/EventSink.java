package ru.wbassist.server.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * Where the sync reports what it stored, inside the transaction that stored it and before it advances the data
 * set's cursor: store rows → record events → fan out → advance cursor, as one unit, so a crash loses or repeats nothing.
 * The sync does not call it for a cabinet's baseline sync (the first one stores history and notifies nothing).
 * Implementations record events with the unique key (cabinet, type, external id), so a repeated call for the same
 * rows creates nothing new.
 */
public interface EventSink {

    /** Orders rows upserted: srids seen for the first time, and srids whose {@code is_cancel} turned true now. */
    void ordersStored(Connection c, long cabinetId, Collection<String> newSrids, Collection<String> newlyCancelledSrids)
            throws SQLException;

    /**
     * The order feed moved stored orders (by srid) to {@code buyout} or to {@code return}/{@code returnDefective}.
     * A buyout and a return of one srid are the same events as the statistics sale rows that will follow.
     */
    void orderStatusesStored(
            Connection c, long cabinetId, Collection<String> boughtOutSrids, Collection<String> returnedSrids)
            throws SQLException;

    /** Sales rows inserted for the first time (buyouts and returns), by sale id. */
    void salesStored(Connection c, long cabinetId, Collection<String> newSaleIds) throws SQLException;

    /** Reviews inserted for the first time, by WB feedback id. */
    void reviewsStored(Connection c, long cabinetId, Collection<String> newReviewIds) throws SQLException;

    /** Questions inserted for the first time, by WB question id. */
    void questionsStored(Connection c, long cabinetId, Collection<String> newQuestionIds) throws SQLException;

    /**
     * Stock rows replaced. Totals are per nm_id, summed over warehouses (available quantity); a product absent from
     * a map has total 0 there. Units moving between warehouses leave the total unchanged.
     */
    void stocksStored(Connection c, long cabinetId, Map<Long, Integer> totalsBefore, Map<Long, Integer> totalsAfter)
            throws SQLException;

    /**
     * Price rows replaced: each card's level before and after (a card absent from {@code before} is new, not changed).
     */
    void pricesStored(Connection c, long cabinetId, Map<Long, PriceLevel> before, Map<Long, PriceLevel> after)
            throws SQLException;

    /** WB rejected the cabinet's key (401/403); told to each user once per invalidation. */
    void keyInvalid(Connection c, long cabinetId, String reason) throws SQLException;

    /** The key expires within {@code daysLeft} days (3 or 1); told to each user once per threshold and key. */
    void keyExpiring(Connection c, long cabinetId, int daysLeft, java.time.Instant expiresAt) throws SQLException;
}
