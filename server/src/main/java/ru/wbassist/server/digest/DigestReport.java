package ru.wbassist.server.digest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.wbassist.api.Insights;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.StockRunway;
import ru.wbassist.server.insights.Activity;
import ru.wbassist.server.insights.Period;
import ru.wbassist.server.insights.ReviewFigures;
import ru.wbassist.server.time.Moscow;

/**
 * Reads a digest's facts from the synced rows, with the analytics' definitions (docs/api.md): orders by order date
 * (cancelled ones included), cancellations by cancel date, buyouts and returns by sale date, sums of the price after
 * the seller's discount.
 */
final class DigestReport {

    static final int TOP = 3;
    static final int RUNNING_OUT_MAX = 5;
    static final int CHART_DAYS = 14;

    private DigestReport() {}

    static EventFacts.Digest build(Connection c, long cabinetId, DigestSpan span, int runwayDays, Instant now)
            throws SQLException {
        EventFacts.DigestFigures current = figures(c, cabinetId, span.from(), span.to());
        EventFacts.DigestFigures weekAgo = figures(c, cabinetId, span.weekAgoFrom(), span.weekAgoTo());
        List<EventFacts.TopLine> top = Activity.topProducts(c, cabinetId, span.from(), span.to(), TOP).stream()
                .map(p -> new EventFacts.TopLine(p.nmId(), p.title(), p.count(), p.sum()))
                .toList();
        List<EventFacts.Runway> runningOut = runningOut(c, cabinetId, runwayDays, now);
        long unansweredReviews = Sql.queryLong(
                c, "SELECT COUNT(*) FROM wb_reviews WHERE cabinet_id = ? AND is_answered = FALSE", cabinetId);
        long unansweredQuestions = ReviewFigures.unansweredQuestions(c, cabinetId);
        List<Period.Day> chartDays = new ArrayList<>();
        for (int back = CHART_DAYS - 1; back >= 0; back--) {
            chartDays.add(Period.Day.of(span.date().minusDays(back)));
        }
        List<EventFacts.ChartDay> chart = Activity.daily(c, cabinetId, chartDays).stream()
                .map(d -> new EventFacts.ChartDay(d.date(), countSum(d.orders()), countSum(d.buyouts())))
                .toList();
        return new EventFacts.Digest(
                span.date(),
                span.upTo(),
                current,
                weekAgo,
                top,
                runwayDays,
                runningOut,
                unansweredReviews,
                unansweredQuestions,
                chart);
    }

    /** The figures of [from, to): one Moscow day from its midnight, whose end may be the digest time. */
    private static EventFacts.DigestFigures figures(Connection c, long cabinetId, Instant from, Instant to)
            throws SQLException {
        Insights.DayFigures day = Activity.daily(c, cabinetId, List.of(new Period.Day(Moscow.day(from), from, to)))
                .getFirst();
        BigDecimal rate = new Activity.Settlement(day.buyouts(), day.returns()).buyoutRate();
        return new EventFacts.DigestFigures(
                day.orders().count(),
                day.orders().sum(),
                day.buyouts().count(),
                day.buyouts().sum(),
                day.cancellations().count(),
                day.returns().count(),
                rate);
    }

    /** Products whose stock runs out within the user's horizon, soonest first. */
    private static List<EventFacts.Runway> runningOut(Connection c, long cabinetId, int runwayDays, Instant now)
            throws SQLException {
        List<StockRunway> soon = StockRunway.all(c, cabinetId, now).stream()
                .filter(r -> r.within(runwayDays))
                .sorted(Comparator.comparing(StockRunway::daysLeft).thenComparing(StockRunway::nmId))
                .limit(RUNNING_OUT_MAX)
                .toList();
        List<EventFacts.Runway> lines = new ArrayList<>(soon.size());
        for (StockRunway r : soon) {
            String title = Sql.queryOne(
                            c,
                            "SELECT title FROM wb_products WHERE cabinet_id = ? AND nm_id = ?",
                            rs -> rs.getString(1),
                            cabinetId,
                            r.nmId())
                    .orElse(null);
            lines.add(new EventFacts.Runway(r.nmId(), title, null, r.total(), r.perDay(), r.daysLeft(), null));
        }
        return lines;
    }

    private static EventFacts.CountSum countSum(Insights.Tally tally) {
        return new EventFacts.CountSum(tally.count(), tally.sum());
    }
}
