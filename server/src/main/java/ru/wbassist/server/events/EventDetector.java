package ru.wbassist.server.events;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ru.wbassist.db.Sql;
import ru.wbassist.server.cabinets.CabinetState;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.time.Moscow;

/**
 * Turns what a sync stored into events and hands them to the fan-out, inside the sync's transaction (see
 * {@link EventSink}). It reads the stored rows (with product title, vendor code and photo), records each event
 * once under its unique key, and notifies only the events recorded now, so calling it twice is harmless.
 */
public final class EventDetector implements EventSink {

    private static final int REASON_MAX = 300;

    private final EventLog log = new EventLog();
    private final Notifier notifier;
    private final Clock clock;
    private final ServerMeters meters;

    public EventDetector(Notifier notifier, Clock clock, ServerMeters meters) {
        this.notifier = notifier;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void ordersStored(
            Connection c, long cabinetId, Collection<String> newSrids, Collection<String> newlyCancelledSrids)
            throws SQLException {
        if (newSrids.isEmpty() && newlyCancelledSrids.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Set<String> wanted = new HashSet<>(newSrids);
        wanted.addAll(newlyCancelledSrids);
        Map<String, OrderRow> rows = new HashMap<>();
        for (OrderRow row : inChunks(c, ORDERS_SQL, cabinetId, wanted, EventDetector::orderRow)) {
            rows.put(row.srid, row);
        }
        DayTally tally = DayTally.load(
                c,
                cabinetId,
                newSrids.stream()
                        .map(rows::get)
                        .filter(r -> r != null)
                        .map(r -> r.orderDate)
                        .toList());
        Map<Long, ProductPulse> pulses = ProductPulse.load(
                c,
                cabinetId,
                newSrids.stream()
                        .map(rows::get)
                        .filter(r -> r != null)
                        .map(OrderRow::nmId)
                        .distinct()
                        .toList(),
                now);
        List<EventLog.Candidate> created = new ArrayList<>();
        for (String srid : newSrids) {
            OrderRow row = rows.get(srid);
            if (row != null) {
                created.add(new EventLog.Candidate(
                        srid,
                        row.facts(tally.count(row.orderDate), tally.sum(row.orderDate), pulses.get(row.nmId)),
                        row.orderDate));
            }
        }
        List<EventLog.Candidate> cancelled = new ArrayList<>();
        for (String srid : newlyCancelledSrids) {
            OrderRow row = rows.get(srid);
            if (row != null) {
                cancelled.add(new EventLog.Candidate(
                        srid,
                        row.facts(0, BigDecimal.ZERO, ProductPulse.NONE),
                        row.cancelDate != null ? row.cancelDate : now));
            }
        }
        announce(c, cabinetId, EventType.NEW_ORDER, created, now);
        announce(c, cabinetId, EventType.ORDER_CANCELLATION, cancelled, now);
    }

    @Override
    public void orderStatusesStored(
            Connection c, long cabinetId, Collection<String> boughtOutSrids, Collection<String> returnedSrids)
            throws SQLException {
        if (boughtOutSrids.isEmpty() && returnedSrids.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>(boughtOutSrids);
        wanted.addAll(returnedSrids);
        Map<String, OrderRow> rows = new HashMap<>();
        for (OrderRow row : inChunks(c, ORDERS_SQL, cabinetId, wanted, EventDetector::orderRow)) {
            rows.put(row.srid, row);
        }
        Instant now = clock.instant();
        announce(c, cabinetId, EventType.ORDER_BUYOUT, statusCandidates(boughtOutSrids, rows, now), now);
        announce(c, cabinetId, EventType.ORDER_RETURN, statusCandidates(returnedSrids, rows, now), now);
    }

    /** Buyouts and returns the feed reported, keyed by srid like the sale rows that will follow. */
    private static List<EventLog.Candidate> statusCandidates(
            Collection<String> srids, Map<String, OrderRow> rows, Instant now) {
        List<EventLog.Candidate> candidates = new ArrayList<>();
        for (String srid : srids) {
            OrderRow row = rows.get(srid);
            if (row != null) {
                EventFacts.Sale facts = row.statusFacts();
                candidates.add(new EventLog.Candidate(srid, facts, facts.saleDate() != null ? facts.saleDate() : now));
            }
        }
        return candidates;
    }

    @Override
    public void salesStored(Connection c, long cabinetId, Collection<String> newSaleIds) throws SQLException {
        if (newSaleIds.isEmpty()) {
            return;
        }
        List<EventLog.Candidate> buyouts = new ArrayList<>();
        List<EventLog.Candidate> returns = new ArrayList<>();
        for (SaleRow row : inChunks(c, SALES_SQL, cabinetId, new HashSet<>(newSaleIds), EventDetector::saleRow)) {
            // keyed by srid: the order feed may have told this buyout or return already (a sale without one: its id)
            String key =
                    row.facts.srid() != null && !row.facts.srid().isEmpty() ? row.facts.srid() : row.facts.saleId();
            (row.isReturn ? returns : buyouts).add(new EventLog.Candidate(key, row.facts, row.facts.saleDate()));
        }
        Instant now = clock.instant();
        announce(c, cabinetId, EventType.ORDER_BUYOUT, buyouts, now);
        announce(c, cabinetId, EventType.ORDER_RETURN, returns, now);
    }

    @Override
    public void reviewsStored(Connection c, long cabinetId, Collection<String> newReviewIds) throws SQLException {
        if (newReviewIds.isEmpty()) {
            return;
        }
        // A review is an event when it is negative for at least one member; the fan-out marks it suppressed
        // ("rating_above_threshold") for members with a stricter threshold.
        int loosest = DetectionRules.loosestReviewThreshold(notifier.members(c, cabinetId));
        List<EventLog.Candidate> negative = new ArrayList<>();
        for (EventFacts.Review review :
                inChunks(c, REVIEWS_SQL, cabinetId, new HashSet<>(newReviewIds), EventDetector::review)) {
            if (DetectionRules.negativeForSomeone(review.rating(), loosest)) {
                negative.add(new EventLog.Candidate(review.reviewId(), review, review.createdDate()));
            }
        }
        announce(c, cabinetId, EventType.NEGATIVE_REVIEW, negative, clock.instant());
    }

    @Override
    public void questionsStored(Connection c, long cabinetId, Collection<String> newQuestionIds) throws SQLException {
        if (newQuestionIds.isEmpty()) {
            return;
        }
        List<EventLog.Candidate> questions = new ArrayList<>();
        for (EventFacts.Question q :
                inChunks(c, QUESTIONS_SQL, cabinetId, new HashSet<>(newQuestionIds), EventDetector::question)) {
            questions.add(new EventLog.Candidate(q.questionId(), q, q.createdDate()));
        }
        announce(c, cabinetId, EventType.NEW_QUESTION, questions, clock.instant());
    }

    @Override
    public void stocksStored(
            Connection c, long cabinetId, Map<Long, Integer> totalsBefore, Map<Long, Integer> totalsAfter)
            throws SQLException {
        Set<Long> changed = DetectionRules.changedTotals(totalsBefore, totalsAfter);
        if (changed.isEmpty()) {
            return;
        }
        List<CabinetMember> members = notifier.members(c, cabinetId);
        Set<String> alerted = alertKeys(c, "critical_stock_alerts", cabinetId);
        Set<String> runwayAlerted = alertKeys(c, "stock_runway_alerts", cabinetId);
        Map<String, Integer> overrides = new HashMap<>();
        for (var row : Sql.query(
                c,
                "SELECT user_id, nm_id, threshold FROM product_stock_thresholds WHERE cabinet_id = ?",
                rs -> Map.entry(rs.getLong(1) + ":" + rs.getLong(2), rs.getInt(3)),
                cabinetId)) {
            overrides.put(row.getKey(), row.getValue());
        }
        Instant now = clock.instant();
        Map<Long, StockRunway> runways = StockRunway.of(c, cabinetId, totalsAfter, changed, now);
        for (long nmId : changed) {
            int before = totalsBefore.getOrDefault(nmId, 0);
            int after = totalsAfter.getOrDefault(nmId, 0);
            List<Long> told = new ArrayList<>();
            List<Long> toldRunway = new ArrayList<>();
            for (CabinetMember member : members) {
                String key = member.userId() + ":" + nmId;
                int threshold = DetectionRules.stockThreshold(member, overrides.get(key));
                // whether the user's critical alert is open after this sync (told now or earlier)
                boolean critical = switch (StockWatch.judge(before, after, threshold, alerted.contains(key))) {
                    case FIRE -> {
                        Sql.update(
                                c,
                                "INSERT INTO critical_stock_alerts (user_id, cabinet_id, nm_id, fired_at) VALUES (?,?,?,?)",
                                member.userId(),
                                cabinetId,
                                nmId,
                                now);
                        told.add(member.userId());
                        yield true;
                    }
                    case REARM -> {
                        Sql.update(
                                c,
                                "DELETE FROM critical_stock_alerts WHERE user_id = ? AND cabinet_id = ? AND nm_id = ?",
                                member.userId(),
                                cabinetId,
                                nmId);
                        yield false;
                    }
                    case NONE -> alerted.contains(key);
                };
                switch (runways.get(nmId).judge(before, member.runwayDays(), runwayAlerted.contains(key))) {
                    case FIRE -> {
                        // remembered either way: a product the user was told is critical is not told twice
                        Sql.update(
                                c,
                                "INSERT INTO stock_runway_alerts (user_id, cabinet_id, nm_id, fired_at) VALUES (?,?,?,?)",
                                member.userId(),
                                cabinetId,
                                nmId,
                                now);
                        if (!critical) {
                            toldRunway.add(member.userId());
                        }
                    }
                    case REARM ->
                        Sql.update(
                                c,
                                "DELETE FROM stock_runway_alerts WHERE user_id = ? AND cabinet_id = ?"
                                        + " AND nm_id = ?",
                                member.userId(),
                                cabinetId,
                                nmId);
                    case NONE -> {}
                }
            }
            if (!told.isEmpty()) {
                // One event per fall, numbered per product; the alert rows keep a repeated call from telling anyone
                // twice.
                EventLog.Candidate candidate = new EventLog.Candidate(
                        DetectionRules.criticalStockId(nmId, falls(c, cabinetId, EventType.CRITICAL_STOCK, nmId)),
                        stockFacts(c, cabinetId, nmId, before, after),
                        now);
                notifier.notify(c, record(c, cabinetId, EventType.CRITICAL_STOCK, List.of(candidate), now), told);
            }
            if (!toldRunway.isEmpty()) {
                EventLog.Candidate candidate = new EventLog.Candidate(
                        DetectionRules.criticalStockId(nmId, falls(c, cabinetId, EventType.STOCK_RUNWAY, nmId)),
                        runwayFacts(c, cabinetId, runways.get(nmId)),
                        now);
                notifier.notify(c, record(c, cabinetId, EventType.STOCK_RUNWAY, List.of(candidate), now), toldRunway);
            }
        }
    }

    /** "user:nm" of the alert rows (critical or runway) of a cabinet. */
    private static Set<String> alertKeys(Connection c, String table, long cabinetId) throws SQLException {
        return new HashSet<>(Sql.query(
                c,
                "SELECT user_id, nm_id FROM " + table + " WHERE cabinet_id = ?",
                rs -> rs.getLong(1) + ":" + rs.getLong(2),
                cabinetId));
    }

    /** The product's earlier falls of this type (critical or runway: {@link DetectionRules#criticalStockId}). */
    private static long falls(Connection c, long cabinetId, EventType type, long nmId) throws SQLException {
        return Sql.queryLong(
                c,
                "SELECT COUNT(*) FROM events WHERE cabinet_id = ? AND event_type = ?" + " AND external_id LIKE ?",
                cabinetId,
                type.code(),
                nmId + "#%");
    }

    @Override
    public void pricesStored(Connection c, long cabinetId, Map<Long, PriceLevel> before, Map<Long, PriceLevel> after)
            throws SQLException {
        // keyed by card and sync time: the same report twice records nothing new, a later change is another event
        Instant now = clock.instant();
        List<EventLog.Candidate> changed = new ArrayList<>();
        List<EventLog.Candidate> quarantined = new ArrayList<>();
        for (var entry : new TreeMap<>(after).entrySet()) {
            long nmId = entry.getKey();
            PriceLevel next = entry.getValue();
            PriceLevel previous = before.get(nmId);
            if (previous != null && next.changedFrom(previous)) {
                String[] p = product(c, cabinetId, nmId);
                changed.add(new EventLog.Candidate(
                        nmId + "@" + now.toEpochMilli(),
                        new EventFacts.Price(
                                nmId,
                                p[0],
                                p[1],
                                previous.price(),
                                previous.discount(),
                                previous.discountedPrice(),
                                next.price(),
                                next.discount(),
                                next.discountedPrice(),
                                p[2]),
                        now));
            }
            // a card first seen with a quarantine is baseline, like any first sight of a card
            if (previous != null && next.newQuarantineSince(previous)) {
                String[] p = product(c, cabinetId, nmId);
                quarantined.add(new EventLog.Candidate(
                        nmId + "@" + now.toEpochMilli(),
                        new EventFacts.Price(
                                nmId,
                                p[0],
                                p[1],
                                next.price(),
                                next.discount(),
                                next.discountedPrice(),
                                null,
                                next.quarantineDiscount(),
                                next.quarantinePrice(),
                                p[2]),
                        now));
            }
        }
        announce(c, cabinetId, EventType.PRICE_CHANGED, changed, now);
        announce(c, cabinetId, EventType.PRICE_QUARANTINE, quarantined, now);
    }

    @Override
    public void keyInvalid(Connection c, long cabinetId, String reason) throws SQLException {
        Instant now = clock.instant();
        // The invalidation's start names it: told once per invalidation, however many syncs fail meanwhile.
        Instant since = CabinetState.keyInvalidSince(c, cabinetId, now);
        String cleanReason =
                reason == null ? null : reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason;
        announce(
                c,
                cabinetId,
                EventType.KEY_INVALID,
                List.of(new EventLog.Candidate(
                        DetectionRules.keyInvalidId(since), new EventFacts.Key(cleanReason, null, null), since)),
                now);
    }

    @Override
    public void keyExpiring(Connection c, long cabinetId, int daysLeft, Instant expiresAt) throws SQLException {
        Instant now = clock.instant();
        announce(
                c,
                cabinetId,
                EventType.KEY_EXPIRING,
                List.of(new EventLog.Candidate(
                        DetectionRules.keyExpiringId(daysLeft, expiresAt),
                        new EventFacts.Key(null, daysLeft, expiresAt),
                        now)),
                now);
    }

    /** Records the candidates and tells every member of the cabinet about the ones recorded now. */
    private void announce(
            Connection c, long cabinetId, EventType type, List<EventLog.Candidate> candidates, Instant now)
            throws SQLException {
        if (candidates.isEmpty()) {
            return;
        }
        List<RecordedEvent> recorded = record(c, cabinetId, type, candidates, now);
        if (!recorded.isEmpty()) {
            notifier.notify(
                    c,
                    recorded,
                    notifier.members(c, cabinetId).stream()
                            .map(CabinetMember::userId)
                            .toList());
        }
    }

    /** Records the candidates once each; returns (and counts) the ones recorded now. */
    private List<RecordedEvent> record(
            Connection c, long cabinetId, EventType type, List<EventLog.Candidate> candidates, Instant now)
            throws SQLException {
        List<RecordedEvent> recorded = log.record(c, cabinetId, cabinetName(c, cabinetId), type, candidates, now);
        meters.eventsDetected(type.code(), recorded.size());
        return recorded;
    }

    private static String cabinetName(Connection c, long cabinetId) throws SQLException {
        return Sql.queryOne(c, "SELECT name FROM wb_cabinets WHERE id = ?", rs -> rs.getString(1), cabinetId)
                .orElse("");
    }

    private static EventFacts.Stock stockFacts(Connection c, long cabinetId, long nmId, int before, int after)
            throws SQLException {
        List<EventFacts.WarehouseLevel> levels = Sql.query(
                c,
                "SELECT warehouse_name, SUM(quantity) AS q FROM wb_stocks"
                        + " WHERE cabinet_id = ? AND nm_id = ? GROUP BY warehouse_name HAVING SUM(quantity) > 0"
                        + " ORDER BY q DESC, warehouse_name LIMIT 10",
                rs -> new EventFacts.WarehouseLevel(rs.getString(1), rs.getInt(2)),
                cabinetId,
                nmId);
        String[] p = product(c, cabinetId, nmId);
        return new EventFacts.Stock(nmId, p[0], p[1], before, after, levels, p[2]);
    }

    private static EventFacts.Runway runwayFacts(Connection c, long cabinetId, StockRunway runway) throws SQLException {
        String[] p = product(c, cabinetId, runway.nmId());
        return new EventFacts.Runway(
                runway.nmId(), p[0], p[1], runway.total(), runway.perDay(), runway.daysLeft(), p[2]);
    }

    /** Title, vendor code and photo of a product card (nulls when it is not synced). */
    private static String[] product(Connection c, long cabinetId, long nmId) throws SQLException {
        return Sql.queryOne(
                        c,
                        "SELECT title, vendor_code, image_url FROM wb_products WHERE cabinet_id = ? AND nm_id = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        cabinetId,
                        nmId)
                .orElse(new String[3]);
    }

    private static <T> List<T> inChunks(
            Connection c, String sql, long cabinetId, Set<String> keys, Sql.RowMapper<T> mapper) throws SQLException {
        List<String> all = new ArrayList<>(keys);
        List<T> rows = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += Sql.MAX_LIST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Sql.MAX_LIST));
            List<Object> params = new ArrayList<>(chunk);
            params.add(cabinetId);
            rows.addAll(Sql.query(c, sql.replace("KEYS", Sql.keyList(chunk.size())), mapper, params.toArray()));
        }
        return rows;
    }

    private static final String ORDERS_SQL = """
            SELECT o.srid, o.nm_id, o.supplier_article, o.tech_size, o.subject, o.brand, o.total_price, o.discount_percent,
                   o.price_with_disc, o.finished_price, o.warehouse_name, o.region_name, o.order_date, o.cancel_date,
                   o.warehouse_type, o.cancel_type, o.destination_city, o.destination_district, o.feed_status,
                   o.feed_status_at, p.title, p.vendor_code, p.image_url
              FROM KEYS JOIN wb_orders o ON o.cabinet_id = ? AND o.srid = k.ext_id
              LEFT JOIN wb_products p ON p.cabinet_id = o.cabinet_id AND p.nm_id = o.nm_id""";

    private static final String SALES_SQL = """
            SELECT s.sale_id, s.srid, s.nm_id, s.supplier_article, s.tech_size, s.subject, s.brand, s.price_with_disc,
                   s.for_pay, s.warehouse_name, s.region_name, s.sale_date, s.sale_type, p.title, p.vendor_code, p.image_url
              FROM KEYS JOIN wb_sales s ON s.cabinet_id = ? AND s.sale_id = k.ext_id
              LEFT JOIN wb_products p ON p.cabinet_id = s.cabinet_id AND p.nm_id = s.nm_id""";

    private static final String REVIEWS_SQL = """
            SELECT r.review_id, r.nm_id, r.product_name, r.supplier_article, r.rating, r.text, r.pros, r.cons, r.user_name,
                   r.created_date, p.title, p.vendor_code, p.image_url
              FROM KEYS JOIN wb_reviews r ON r.cabinet_id = ? AND r.review_id = k.ext_id
              LEFT JOIN wb_products p ON p.cabinet_id = r.cabinet_id AND p.nm_id = r.nm_id""";

    private static final String QUESTIONS_SQL = """
            SELECT q.question_id, q.nm_id, q.product_name, q.supplier_article, q.text, q.created_date, p.title,
                   p.vendor_code, p.image_url
              FROM KEYS JOIN wb_questions q ON q.cabinet_id = ? AND q.question_id = k.ext_id
              LEFT JOIN wb_products p ON p.cabinet_id = q.cabinet_id AND p.nm_id = q.nm_id""";

    /** An order row as read, before the day tally is known. */
    private record OrderRow(
            String srid,
            long nmId,
            String title,
            String vendorCode,
            String size,
            BigDecimal totalPrice,
            Integer discountPercent,
            BigDecimal priceWithDisc,
            BigDecimal finishedPrice,
            String warehouse,
            String region,
            Instant orderDate,
            Instant cancelDate,
            String imageUrl,
            String warehouseType,
            String cancelType,
            String feedStatus,
            Instant feedStatusAt) {

        EventFacts.Order facts(int dayOrders, BigDecimal daySum, ProductPulse pulse) {
            return new EventFacts.Order(
                    srid,
                    nmId,
                    title,
                    vendorCode,
                    size,
                    totalPrice,
                    discountPercent,
                    priceWithDisc,
                    finishedPrice,
                    warehouse,
                    region,
                    orderDate,
                    cancelDate,
                    imageUrl,
                    dayOrders,
                    daySum,
                    pulse.stockLeft(),
                    pulse.daysLeft(),
                    pulse.buyoutRate30d(),
                    warehouseType,
                    cancelType);
        }

        /** The feed's buyout or return of this order (no sale id, nothing payable known yet). */
        EventFacts.Sale statusFacts() {
            return new EventFacts.Sale(
                    null,
                    srid,
                    nmId,
                    title,
                    vendorCode,
                    size,
                    priceWithDisc,
                    null,
                    warehouse,
                    region,
                    feedStatusAt,
                    imageUrl,
                    "returnDefective".equals(feedStatus)
                            ? Boolean.TRUE
                            : "return".equals(feedStatus) ? Boolean.FALSE : null);
        }
    }

    private record SaleRow(EventFacts.Sale facts, boolean isReturn) {}

    private static OrderRow orderRow(ResultSet rs) throws SQLException {
        return new OrderRow(
                rs.getString("srid"),
                rs.getLong("nm_id"),
                title(rs),
                vendorCode(rs),
                rs.getString("tech_size"),
                rs.getBigDecimal("total_price"),
                Sql.integer(rs, "discount_percent"),
                rs.getBigDecimal("price_with_disc"),
                rs.getBigDecimal("finished_price"),
                rs.getString("warehouse_name"),
                destination(rs),
                Sql.instant(rs, "order_date"),
                Sql.instant(rs, "cancel_date"),
                rs.getString("image_url"),
                rs.getString("warehouse_type"),
                rs.getString("cancel_type"),
                rs.getString("feed_status"),
                Sql.instant(rs, "feed_status_at"));
    }

    /** Where the buyer is: the feed's city and district when known, else the statistics region. */
    private static String destination(ResultSet rs) throws SQLException {
        String city = rs.getString("destination_city");
        if (city == null || city.isBlank()) {
            return rs.getString("region_name");
        }
        String district = rs.getString("destination_district");
        return district == null || district.isBlank() || district.equals(city) ? city : city + ", " + district;
    }

    private static SaleRow saleRow(ResultSet rs) throws SQLException {
        return new SaleRow(
                new EventFacts.Sale(
                        rs.getString("sale_id"),
                        rs.getString("srid"),
                        rs.getLong("nm_id"),
                        title(rs),
                        vendorCode(rs),
                        rs.getString("tech_size"),
                        rs.getBigDecimal("price_with_disc"),
                        rs.getBigDecimal("for_pay"),
                        rs.getString("warehouse_name"),
                        rs.getString("region_name"),
                        Sql.instant(rs, "sale_date"),
                        rs.getString("image_url"),
                        null),
                "return".equals(rs.getString("sale_type")));
    }

    private static EventFacts.Review review(ResultSet rs) throws SQLException {
        String name = rs.getString("title") != null ? rs.getString("title") : rs.getString("product_name");
        return new EventFacts.Review(
                rs.getString("review_id"),
                rs.getLong("nm_id"),
                name,
                vendorCode(rs),
                rs.getInt("rating"),
                rs.getString("text"),
                rs.getString("pros"),
                rs.getString("cons"),
                rs.getString("user_name"),
                Sql.instant(rs, "created_date"),
                rs.getString("image_url"));
    }

    private static EventFacts.Question question(ResultSet rs) throws SQLException {
        String name = rs.getString("title") != null ? rs.getString("title") : rs.getString("product_name");
        return new EventFacts.Question(
                rs.getString("question_id"),
                rs.getLong("nm_id"),
                name,
                vendorCode(rs),
                rs.getString("text"),
                Sql.instant(rs, "created_date"),
                rs.getString("image_url"));
    }

    /** The card's title, else "subject brand" from the statistics row (cards sync later than orders sometimes). */
    private static String title(ResultSet rs) throws SQLException {
        String title = rs.getString("title");
        if (title != null && !title.isBlank()) {
            return title;
        }
        String fallback = ((rs.getString("subject") == null ? "" : rs.getString("subject")) + " "
                        + (rs.getString("brand") == null ? "" : rs.getString("brand")))
                .strip();
        return fallback.isEmpty() ? null : fallback;
    }

    private static String vendorCode(ResultSet rs) throws SQLException {
        String code = rs.getString("vendor_code");
        return code != null && !code.isBlank() ? code : rs.getString("supplier_article");
    }

    /**
     * The cabinet's orders per Moscow day, to tell "today's count and sum" as of each new order: one aggregate for
     * the part of the day before the earliest new order, and the rows from it on (usually just the new ones).
     */
    private static final class DayTally {

        private record Day(long baseCount, BigDecimal baseSum, List<Instant> times, List<BigDecimal> sums) {}

        private final Map<LocalDate, Day> days = new HashMap<>();

        static DayTally load(Connection c, long cabinetId, List<Instant> orderDates) throws SQLException {
            DayTally tally = new DayTally();
            Map<LocalDate, Instant> earliest = new HashMap<>();
            orderDates.forEach(d -> earliest.merge(Moscow.day(d), d, (a, b) -> a.isBefore(b) ? a : b));
            for (var entry : earliest.entrySet()) {
                Instant dayStart = Moscow.startOf(entry.getKey());
                Instant dayEnd = Moscow.startOf(entry.getKey().plusDays(1));
                Object[] base = Sql.queryOne(
                                c,
                                "SELECT COUNT(*), COALESCE(SUM(price_with_disc), 0) FROM wb_orders"
                                        + " WHERE cabinet_id = ? AND order_date >= ? AND order_date < ?",
                                rs -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)},
                                cabinetId,
                                dayStart,
                                entry.getValue())
                        .orElseThrow();
                List<Instant> times = new ArrayList<>();
                List<BigDecimal> sums = new ArrayList<>();
                BigDecimal running = BigDecimal.ZERO;
                for (Object[] row : Sql.query(
                        c,
                        "SELECT order_date, price_with_disc FROM wb_orders WHERE cabinet_id = ?"
                                + " AND order_date >= ? AND order_date < ? ORDER BY order_date",
                        rs -> new Object[] {Sql.instant(rs, "order_date"), rs.getBigDecimal("price_with_disc")},
                        cabinetId,
                        entry.getValue(),
                        dayEnd)) {
                    running = running.add(row[1] == null ? BigDecimal.ZERO : (BigDecimal) row[1]);
                    times.add((Instant) row[0]);
                    sums.add(running);
                }
                tally.days.put(entry.getKey(), new Day((Long) base[0], (BigDecimal) base[1], times, sums));
            }
            return tally;
        }

        /** Orders of that Moscow day placed at or before {@code at}. */
        int count(Instant at) {
            Day day = days.get(Moscow.day(at));
            return day == null ? 0 : (int) day.baseCount() + upTo(day, at);
        }

        BigDecimal sum(Instant at) {
            Day day = days.get(Moscow.day(at));
            if (day == null) {
                return BigDecimal.ZERO;
            }
            int n = upTo(day, at);
            return n == 0 ? day.baseSum() : day.baseSum().add(day.sums().get(n - 1));
        }

        private static int upTo(Day day, Instant at) {
            int lo = 0;
            int hi = day.times().size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (!day.times().get(mid).isAfter(at)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
