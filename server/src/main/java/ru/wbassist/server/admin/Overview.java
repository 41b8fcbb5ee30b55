package ru.wbassist.server.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.insights.Period.Day;
import ru.wbassist.server.time.Moscow;

/**
 * The operator's overview: how many users and cabinets there are, what happened to notifications in the last 24 h
 * and 7 days, how many sync runs failed in the last 24 h, and notifications and orders per Moscow day over the last
 * 14 days.
 */
record Overview(long users, long cabinets, @JsonProperty("notifications_24h") Window notifications24h,
                @JsonProperty("notifications_7d") Window notifications7d,
                @JsonProperty("sync_failures_24h") long syncFailures24h, List<TypeCount> notificationsPerDay,
                List<DayCount> ordersPerDay) {

    static final int CHART_DAYS = 14;
    static final List<String> STATUSES = List.of("pending", "sent", "failed", "skipped");

    /** Notifications created in a window: per status (every status present) and per type (types that occurred). */
    record Window(Map<String, Long> byStatus, Map<String, Long> byType) {
    }

    record TypeCount(LocalDate date, String type, long count) {
    }

    record DayCount(LocalDate date, long count) {
    }

    static final String NOTIFICATIONS_PER_DAY = """
            SELECT d.day_start, n.event_type, COUNT(*) AS n
              FROM %s
              JOIN notification_history n ON n.created_at >= d.day_start AND n.created_at < d.day_end
             GROUP BY d.day_start, n.event_type
             ORDER BY d.day_start, n.event_type
            """;

    static final String ORDERS_PER_DAY = """
            SELECT d.day_start, COUNT(o.id) AS n
              FROM %s
              JOIN wb_orders o ON o.order_date >= d.day_start AND o.order_date < d.day_end
             WHERE o.order_date >= ? AND o.order_date < ?
             GROUP BY d.day_start
            """;

    static Overview load(Database db, Instant now) {
        List<Day> days = Day.lastDays(now, CHART_DAYS);
        return db.withConnection(c -> new Overview(Sql.queryLong(c, "SELECT COUNT(*) FROM users"),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"),
                window(c, now.minus(Duration.ofHours(24))), window(c, now.minus(Duration.ofDays(7))),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_sync_logs WHERE status = 'failed' AND started_at >= ?",
                        now.minus(Duration.ofHours(24))),
                Sql.query(c, NOTIFICATIONS_PER_DAY.formatted(Day.sqlTable(days.size())),
                        rs -> new TypeCount(Moscow.day(Sql.instant(rs, "day_start")), rs.getString("event_type"),
                                rs.getLong("n")), Day.bounds(days).toArray()),
                ordersPerDay(c, days)));
    }

    private static Window window(Connection c, Instant since) throws SQLException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        Sql.query(c, "SELECT status, COUNT(*) AS n FROM notification_history WHERE created_at >= ? GROUP BY status",
                rs -> Map.entry(rs.getString("status"), rs.getLong("n")), since)
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        Map<String, Long> byType = new LinkedHashMap<>();
        Sql.query(c, "SELECT event_type, COUNT(*) AS n FROM notification_history WHERE created_at >= ?"
                        + " GROUP BY event_type ORDER BY event_type",
                rs -> Map.entry(rs.getString("event_type"), rs.getLong("n")), since)
                .forEach(e -> byType.put(e.getKey(), e.getValue()));
        return new Window(byStatus, byType);
    }

    /** Every one of the days, with zero for days without orders. */
    private static List<DayCount> ordersPerDay(Connection c, List<Day> days) throws SQLException {
        Map<Instant, Long> counts = new LinkedHashMap<>();
        List<Object> params = Day.bounds(days);
        params.add(days.getFirst().start());
        params.add(days.getLast().end());
        Sql.query(c, ORDERS_PER_DAY.formatted(Day.sqlTable(days.size())),
                rs -> Map.entry(Sql.instant(rs, "day_start"), rs.getLong("n")), params.toArray())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        List<DayCount> perDay = new ArrayList<>(days.size());
        days.forEach(day -> perDay.add(new DayCount(day.date(), counts.getOrDefault(day.start(), 0L))));
        return perDay;
    }
}
