package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The per-cabinet blocks of the bot read API, field for field as docs/api.md "Bot read API" lists them. */
final class Blocks {

    private Blocks() {
    }

    record Dashboard(long cabinetId, String name, Instant lastSyncAt, Tally ordersToday, Tally ordersYesterday,
                     Tally buyoutsToday, Tally returnsToday, Tally cancellationsToday, long criticalStocks,
                     long negativeReviewsNew, BigDecimal averageRating, long unansweredReviews) {
    }

    record Orders(long cabinetId, String name, long total, List<RecentLists.OrderLine> orders) {
    }

    record Stocks(long cabinetId, String name, int threshold, List<StockFigures.CriticalProduct> products) {
    }

    record Reviews(long cabinetId, String name, long total, BigDecimal averageRating, Map<String, Long> distribution,
                   long unanswered, List<ReviewFigures.Review> latest) {
    }

    record Analytics(long cabinetId, String name, Period period, List<Activity.DayFigures> days, Activity.Totals totals,
                     BigDecimal buyoutRate, List<Activity.TopProduct> topProducts) {
    }

    record Sales(long cabinetId, String name, List<RecentLists.Sale> sales) {
    }

    record SalesStatistics(long cabinetId, String name, Period period, Tally buyouts, Tally returns,
                           BigDecimal buyoutRate, BigDecimal averageCheck) {
    }

    /** Every read route answers {@code {"cabinets":[block, ...]}}. */
    record Answer<T>(List<T> cabinets) {
    }
}
