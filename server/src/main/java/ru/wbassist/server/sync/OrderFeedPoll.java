package ru.wbassist.server.sync;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.CabinetState;
import ru.wbassist.server.cabinets.WbToken;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbException;
import ru.wbassist.server.wb.WbFeedOrder;

/**
 * One live poll of one cabinet: WB's order feed read from the newest status time seen (minus the overlap), stored
 * into {@code wb_orders} and reported to the {@link EventSink} in one transaction with the cursor, as the sync does.
 * Orders and events share their keys with the statistics path (srid), so whichever source tells first notifies and
 * the other only enriches the stored order. The first poll of a cabinet is its baseline: stored, nobody told.
 *
 * <p>It never waits out WB's limit: when the next request would wait longer than {@code maxWait} (a Base token's
 * 3 hours, or the pause a 429 asked for) the poll is put off until then.
 */
public final class OrderFeedPoll implements FeedRunner {

    private static final System.Logger LOG = System.getLogger(OrderFeedPoll.class.getName());
    /** A key that cannot poll (no Analytics) is looked at again this often (it may have been replaced). */
    static final Duration RECHECK_OFF = Duration.ofHours(1);
    /** WB's feed keeps 31 days; a start a little later than that is always accepted. */
    static final Duration WB_WINDOW = Duration.ofDays(31).minusHours(1);
    /** Why the live source is off or slowed ({@code order_feed_state.reason}; the bot and console word them). */
    static final String NO_ANALYTICS = "no_analytics";

    static final String KEY_REJECTED = "key_rejected";
    static final String BASE_TOKEN = "base_token";

    private static final String INSERT = """
            INSERT INTO wb_orders (cabinet_id, srid, nm_id, chrt_id, tech_size, warehouse_name, warehouse_type, warehouse_region,
                destination_city, destination_district, is_b2b, price_with_disc, order_date, last_change_date, is_cancel,
                cancel_date, cancel_type, status, feed_status, feed_status_at, source, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'feed',?)""";
    private static final String UPDATE = """
            UPDATE wb_orders SET chrt_id = COALESCE(?, chrt_id), tech_size = COALESCE(tech_size, ?),
                warehouse_region = COALESCE(?, warehouse_region),
                destination_city = COALESCE(?, destination_city), destination_district = COALESCE(?, destination_district),
                is_b2b = COALESCE(?, is_b2b), cancel_type = COALESCE(?, cancel_type), is_cancel = ?,
                cancel_date = COALESCE(cancel_date, ?), status = ?, feed_status = ?, feed_status_at = ?
             WHERE cabinet_id = ? AND srid = ?""";

    private final Database db;
    private final CabinetRepository cabinets;
    private final WbClient wb;
    private final EventSink events;
    private final FeedSettings settings;
    private final Clock clock;
    private final ServerMeters meters;
    private final KeyStatus keyStatus;

    public OrderFeedPoll(
            Database db,
            CabinetRepository cabinets,
            WbClient wb,
            EventSink events,
            FeedSettings settings,
            Clock clock,
            ServerMeters meters) {
        this.db = db;
        this.cabinets = cabinets;
        this.wb = wb;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.keyStatus = new KeyStatus(db, events, clock, meters);
    }

    @Override
    public Optional<Instant> poll(long cabinetId) {
        Optional<Boolean> keyValid = db.withConnection(c -> Sql.queryOne(
                c,
                "SELECT key_invalid_since FROM wb_cabinets" + " WHERE id = ? AND active = TRUE",
                rs -> rs.getObject(1) == null,
                cabinetId));
        if (keyValid.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        OrderFeedState state = db.withConnection(c -> OrderFeedState.read(c, cabinetId))
                .orElseGet(OrderFeedState::initial)
                .started(now);
        state.lateness().ifPresent(meters::orderFeedLateness);
        String key = cabinets.apiKey(cabinetId);
        if (!CabinetSync.scopesOf(key).contains(WbToken.Scope.ANALYTICS)) {
            return Optional.of(save(cabinetId, state.mode("off", NO_ANALYTICS, now.plus(RECHECK_OFF))));
        }
        if (!keyValid.get()) {
            // the sync tries the key every interval and clears the mark when WB takes it again
            return Optional.of(save(cabinetId, state.mode("off", KEY_REJECTED, now.plus(settings.interval()))));
        }
        boolean base = isBaseToken(key);
        String mode = base ? "slowed" : "on";
        String reason = base ? BASE_TOKEN : null;
        WbCredentials credentials = WbCredentials.ofCabinet(cabinetId, key);
        Duration wait = wb.orderFeedWait(credentials, base);
        if (wait.compareTo(settings.maxWait()) > 0) {
            return Optional.of(save(cabinetId, state.mode(mode, reason, now.plus(wait))));
        }
        Instant start = start(state.cursor(), now);
        try {
            WbClient.FeedListing listing = wb.orderFeed(credentials, base, start);
            Instant polledAt = clock.instant();
            Instant next = nextPoll(credentials, base, polledAt);
            boolean baseline = state.cursor() == null;
            meters.afterCommit(() -> db.inTransaction(c -> {
                CabinetState.lock(c, cabinetId);
                store(
                        c,
                        cabinetId,
                        listing.orders(),
                        start,
                        baseline ? Optional.empty() : Optional.of(events),
                        polledAt);
                CabinetState.markKeyValid(c, cabinetId);
                state.mode(mode, reason, next)
                        .polled(
                                cursor(state.cursor(), start, listing),
                                listing.skipped() > 0 ? "partial" : "success",
                                listing.skipped() > 0 ? listing.skipped() + " rows WB sent could not be stored" : null,
                                polledAt,
                                next)
                        .write(c, cabinetId);
                return null;
            }));
            return Optional.of(next);
        } catch (WbException.KeyRejected e) {
            keyStatus.markInvalid(cabinetId, e);
            return Optional.of(save(
                    cabinetId,
                    state.mode("off", KEY_REJECTED, null)
                            .polled(
                                    state.cursor(),
                                    "failed",
                                    e.getMessage(),
                                    clock.instant(),
                                    now.plus(settings.interval()))));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "cabinet " + cabinetId + ": the order feed poll failed: " + e.getMessage(),
                    e instanceof WbException ? null : e);
            Instant at = clock.instant();
            Instant next = nextPoll(credentials, base, at);
            String error = e instanceof WbException
                    ? e.getMessage()
                    : "internal error: " + e.getClass().getSimpleName();
            return Optional.of(
                    save(cabinetId, state.mode(mode, reason, null).polled(state.cursor(), "failed", error, at, next)));
        }
    }

    /** The next poll: an interval after this one, or later when WB's limit (or a 429's pause) says so. */
    private Instant nextPoll(WbCredentials credentials, boolean base, Instant now) {
        Duration wait = wb.orderFeedWait(credentials, base);
        return now.plus(wait.compareTo(settings.interval()) > 0 ? wait : settings.interval());
    }

    private Instant save(long cabinetId, OrderFeedState state) {
        db.withConnection(c -> {
            state.write(c, cabinetId);
            return null;
        });
        return state.nextPollAt();
    }

    /** From the newest status time seen, less the overlap (the baseline reads the overlap back from now). */
    Instant start(Instant cursor, Instant now) {
        Instant start = (cursor == null ? now : cursor).minus(settings.overlap());
        Instant oldest = now.minus(WB_WINDOW);
        return start.isBefore(oldest) ? oldest : start;
    }

    /**
     * The newest status time stored, but never past a row WB sent that could not be stored: the next poll reads it
     * again. A skipped row without a time keeps the cursor where it was.
     */
    static Instant cursor(Instant previous, Instant start, WbClient.FeedListing listing) {
        Instant floor = previous != null ? previous : start;
        if (listing.skippedUndated()) {
            return floor;
        }
        Instant newest = floor;
        for (WbFeedOrder row : listing.orders()) {
            if (row.updatedAt().isAfter(newest)) {
                newest = row.updatedAt();
            }
        }
        if (listing.earliestSkipped() != null && listing.earliestSkipped().isBefore(newest)) {
            Instant before = listing.earliestSkipped().minusMillis(1);
            return before.isAfter(floor) ? before : floor;
        }
        return newest;
    }

    /** What a poll changed, for the sink. */
    private record Changes(
            List<String> created, List<String> cancelled, List<String> boughtOut, List<String> returned) {
        Changes() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** What the stored row said before this poll. */
    private record Previous(boolean cancelled, String status, String feedStatus, Instant feedStatusAt) {}

    /**
     * Inserts orders the cabinet did not have and moves known ones to their new status. A new order is a
     * {@code new_order} when it was created inside the window read (an older one first seen now is only its status
     * event); each status change the stored order had not made yet is its event.
     */
    private void store(
            Connection c,
            long cabinetId,
            List<WbFeedOrder> rows,
            Instant windowStart,
            Optional<EventSink> sink,
            Instant now)
            throws SQLException {
        Map<String, Previous> existing = Jdbc.existing(
                c,
                "wb_orders",
                "srid",
                "is_cancel, status, feed_status, feed_status_at",
                cabinetId,
                rows.stream().map(WbFeedOrder::srid).toList(),
                rs -> new Previous(
                        rs.getBoolean("is_cancel"),
                        rs.getString("status"),
                        rs.getString("feed_status"),
                        Sql.instant(rs, "feed_status_at")));
        Map<Long, String> sizes = sizes(c, cabinetId, rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Changes changes = new Changes();
        for (WbFeedOrder o : rows) {
            WbFeedOrder.Status status = o.knownStatus();
            boolean cancel = status == WbFeedOrder.Status.CANCEL;
            Previous before = existing.get(o.srid());
            if (before == null) {
                inserts.add(new Object[] {
                    cabinetId,
                    o.srid(),
                    o.nmId(),
                    o.chrtId(),
                    sizes.get(o.chrtId()),
                    o.warehouseName(),
                    Boolean.TRUE.equals(o.isMp()) ? "Склад продавца" : "Склад WB",
                    o.warehouseRegion(),
                    o.destinationCity(),
                    o.destinationDistrict(),
                    o.isB2b(),
                    o.sellerPrice(),
                    o.createdAt(),
                    o.updatedAt(),
                    cancel,
                    cancel ? o.updatedAt() : null,
                    cancel ? o.cancelType() : null,
                    orderStatus(status, null),
                    status.wire(),
                    o.updatedAt(),
                    now
                });
                if (!o.createdAt().isBefore(windowStart)) {
                    changes.created().add(o.srid());
                }
                record(changes, status, o.srid());
            } else if (!status.wire().equals(before.feedStatus())
                    || !o.updatedAt().equals(before.feedStatusAt())) {
                boolean isNew = isNewStatus(status, before);
                updates.add(new Object[] {
                    o.chrtId(),
                    sizes.get(o.chrtId()),
                    o.warehouseRegion(),
                    o.destinationCity(),
                    o.destinationDistrict(),
                    o.isB2b(),
                    cancel ? o.cancelType() : null,
                    before.cancelled() || cancel,
                    cancel ? o.updatedAt() : null,
                    isNew ? orderStatus(status, before.status()) : before.status(),
                    status.wire(),
                    o.updatedAt(),
                    cabinetId,
                    o.srid()
                });
                if (isNew) {
                    record(changes, status, o.srid());
                }
            }
        }
        Jdbc.batch(c, INSERT, inserts, row -> row);
        Jdbc.batch(c, UPDATE, updates, row -> row);
        if (sink.isPresent()) {
            if (!changes.created().isEmpty() || !changes.cancelled().isEmpty()) {
                sink.get().ordersStored(c, cabinetId, changes.created(), changes.cancelled());
            }
            if (!changes.boughtOut().isEmpty() || !changes.returned().isEmpty()) {
                sink.get().orderStatusesStored(c, cabinetId, changes.boughtOut(), changes.returned());
            }
        }
    }

    /**
     * The seller's size of each chrtId the rows name, from the stored cards: the feed knows the id only. A size the
     * cards do not list stays unknown (null) until the statistics sync brings the order's {@code techSize}.
     */
    private static Map<Long, String> sizes(Connection c, long cabinetId, List<WbFeedOrder> rows) throws SQLException {
        Set<Long> chrtIds = new HashSet<>();
        rows.forEach(row -> {
            if (row.chrtId() != null) {
                chrtIds.add(row.chrtId());
            }
        });
        return Jdbc.existing(c, "wb_product_sizes", "chrt_id", "tech_size", cabinetId, chrtIds, rs -> rs.getString(2));
    }

    /** Whether the stored order has not made this step yet (whichever source stored it). */
    private static boolean isNewStatus(WbFeedOrder.Status status, Previous before) {
        return switch (status) {
            case CREATED -> false;
            case CANCEL -> !before.cancelled();
            case BUYOUT -> !"buyout".equals(before.status()) && !"return".equals(before.status());
            case RETURN, RETURN_DEFECTIVE -> !"return".equals(before.status());
        };
    }

    private static void record(Changes changes, WbFeedOrder.Status status, String srid) {
        switch (status) {
            case CREATED -> {}
            case CANCEL -> changes.cancelled().add(srid);
            case BUYOUT -> changes.boughtOut().add(srid);
            case RETURN, RETURN_DEFECTIVE -> changes.returned().add(srid);
        }
    }

    /** {@code wb_orders.status} for a feed status (the statistics path's vocabulary). */
    private static String orderStatus(WbFeedOrder.Status status, String previous) {
        return switch (status) {
            case CREATED -> previous == null ? "active" : previous;
            case CANCEL -> "canceled";
            case BUYOUT -> "buyout";
            case RETURN, RETURN_DEFECTIVE -> "return";
        };
    }

    private static boolean isBaseToken(String key) {
        try {
            return WbToken.parse(key).baseToken();
        } catch (InvalidRequest notAJwt) {
            return false;
        }
    }
}
