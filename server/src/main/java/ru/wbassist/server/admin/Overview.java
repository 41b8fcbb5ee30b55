package ru.wbassist.server.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.insights.Period.Day;

/**
 * The operator's overview: how many users and cabinets there are, what happened to notifications in the last 24 h
 * and 7 days, how many sync runs failed in the last 24 h, and notifications and orders per Moscow day over the last
 * 14 days.
 */
final class Overview {

    static final int CHART_DAYS = 14;
    static final List<String> STATUSES = Notifications.Types.STATUSES;

    private Overview() {}

    static final String NOTIFICATIONS_PER_HOUR = """
            SELECT x.h, x.event_type, COUNT(*) AS n
              FROM (SELECT %s AS h, n.event_type FROM notification_history n
                     WHERE n.created_at >= ? AND n.created_at < ?) x
             GROUP BY x.h, x.event_type
            """.formatted(Day.hourOf("n.created_at"));

    /** Over all cabinets: no per-cabinet index applies, so this one reads the table (see docs/benchmarks.md). */
    static final String ORDERS_PER_HOUR = """
            SELECT x.h, COUNT(*) AS n
              FROM (SELECT %s AS h FROM wb_orders o WHERE o.order_date >= ? AND o.order_date < ?) x
             GROUP BY x.h
            """.formatted(Day.hourOf("o.order_date"));

    static Admin.Overview load(Database db, Instant now) {
        List<Day> days = Day.lastDays(now, CHART_DAYS);
        return db.withConnection(c -> new Admin.Overview(
                Sql.queryLong(c, "SELECT COUNT(*) FROM users"),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"),
                window(c, now.minus(Duration.ofHours(24))),
                window(c, now.minus(Duration.ofDays(7))),
                Sql.queryLong(
                        c,
                        "SELECT COUNT(*) FROM wb_sync_logs WHERE status = 'failed' AND started_at >= ?",
                        now.minus(Duration.ofHours(24))),
                notificationsPerDay(c, days),
                ordersPerDay(c, days)));
    }

    private static Admin.Window window(Connection c, Instant since) throws SQLException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        Sql.query(
                        c,
                        "SELECT status, COUNT(*) AS n FROM notification_history WHERE created_at >= ? GROUP BY status",
                        rs -> Map.entry(rs.getString("status"), rs.getLong("n")),
                        since)
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        Map<String, Long> byType = new LinkedHashMap<>();
        Sql.query(
                        c,
                        "SELECT event_type, COUNT(*) AS n FROM notification_history WHERE created_at >= ?"
                                + " GROUP BY event_type ORDER BY event_type",
                        rs -> Map.entry(rs.getString("event_type"), rs.getLong("n")),
                        since)
                .forEach(e -> byType.put(e.getKey(), e.getValue()));
        return new Admin.Window(byStatus, byType);
    }

    /** Per day and type, days and types in order; only the pairs that occurred. */
    private static List<Admin.TypeCount> notificationsPerDay(Connection c, List<Day> days) throws SQLException {
        Map<LocalDate, Map<String, Long>> counts = new TreeMap<>();
        Sql.query(
                        c,
                        NOTIFICATIONS_PER_HOUR,
                        rs -> new Admin.TypeCount(
                                Day.dateOfHour(rs.getLong("h")), rs.getString("event_type"), rs.getLong("n")),
                        days.getFirst().start(),
                        days.getLast().end())
                .forEach(t ->
                        counts.computeIfAbsent(t.date(), d -> new TreeMap<>()).merge(t.type(), t.count(), Long::sum));
        List<Admin.TypeCount> perDay = new ArrayList<>();
        counts.forEach(
                (date, types) -> types.forEach((type, count) -> perDay.add(new Admin.TypeCount(date, type, count))));
        return perDay;
    }

    /** Every one of the days, with zero for days without orders. */
    private static List<Admin.DayCount> ordersPerDay(Connection c, List<Day> days) throws SQLException {
        Map<LocalDate, Long> counts = new HashMap<>();
        Sql.query(
                        c,
                        ORDERS_PER_HOUR,
                        rs -> Map.entry(Day.dateOfHour(rs.getLong("h")), rs.getLong("n")),
                        days.getFirst().start(),
                        days.getLast().end())
                .forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
        return days.stream()
                .map(day -> new Admin.DayCount(day.date(), counts.getOrDefault(day.date(), 0L)))
                .toList();
    }
}
