package ru.wbassist.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The bot read API ({@code /api/v1/bot/*}, docs/api.md "Bot read API"): every route answers
 * {@code {"cabinets":[block, …]}}, one block per cabinet of the user.
 */
public final class Insights {

    public static final String PATH = "/api/v1/bot";
    public static final String DASHBOARD = "/dashboard";
    public static final String RECENT_ORDERS = "/orders/recent";
    public static final String CRITICAL_STOCKS = "/stocks/critical";
    public static final String REVIEW_SUMMARY = "/reviews/summary";
    public static final String SALES_ANALYTICS = "/analytics/sales";
    public static final String RECENT_SALES = "/sales/recent";
    public static final String SALES_STATISTICS = "/sales/statistics";

    private Insights() {}

    /** A count of rows and the sum of their amounts in roubles (always two decimals, so JSON shows {@code 1547.00}). */
    public record Tally(long count, BigDecimal sum) {

        public static final Tally ZERO = new Tally(0, BigDecimal.ZERO);

        public Tally {
            sum = roubles(sum);
        }

        public Tally plus(Tally other) {
            return new Tally(count + other.count, sum.add(other.sum));
        }

        /** Money with two decimals; null (SQL SUM over no rows) is zero. */
        public static BigDecimal roubles(BigDecimal amount) {
            return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** {@code GET /api/v1/bot/dashboard}. */
    public record Dashboard(
            long cabinetId,
            String name,
            Instant lastSyncAt,
            Tally ordersToday,
            Tally ordersYesterday,
            Tally buyoutsToday,
            Tally returnsToday,
            Tally cancellationsToday,
            long criticalStocks,
            long negativeReviewsNew,
            BigDecimal averageRating,
            long unansweredReviews,
            long unansweredQuestions) {}

    /** {@code GET /api/v1/bot/orders/recent}. */
    public record Orders(long cabinetId, String name, long total, List<OrderLine> orders) {}

    public record OrderLine(
            String srid,
            long nmId,
            String title,
            String imageUrl,
            String article,
            String size,
            BigDecimal price,
            BigDecimal finishedPrice,
            String warehouse,
            String region,
            String status,
            Instant orderDate,
            Instant cancelDate) {}

    /** {@code GET /api/v1/bot/stocks/critical}. */
    public record Stocks(long cabinetId, String name, int threshold, List<CriticalProduct> products) {}

    public record CriticalProduct(
            long nmId,
            String title,
            String article,
            String imageUrl,
            long total,
            List<Warehouse> warehouses,
            @JsonProperty("orders_7d") long orders7d,
            BigDecimal daysLeft) {}

    public record Warehouse(String name, long quantity, long inWayToClient, long inWayFromClient) {}

    /** {@code GET /api/v1/bot/reviews/summary}. */
    public record Reviews(
            long cabinetId,
            String name,
            long total,
            BigDecimal averageRating,
            Map<String, Long> distribution,
            long unanswered,
            List<Review> latest) {}

    public record Review(
            String reviewId,
            long nmId,
            String productName,
            int rating,
            String text,
            String pros,
            String cons,
            String userName,
            Instant createdDate,
            boolean isAnswered) {}

    /** {@code GET /api/v1/bot/analytics/sales}; {@code period} is {@code 1d|7d|30d|90d}. */
    public record Analytics(
            long cabinetId,
            String name,
            String period,
            List<DayFigures> days,
            Totals totals,
            BigDecimal buyoutRate,
            List<TopProduct> topProducts) {}

    public record DayFigures(LocalDate date, Tally orders, Tally buyouts, Tally returns, Tally cancellations) {}

    public record Totals(Tally orders, Tally buyouts, Tally returns, Tally cancellations) {}

    public record TopProduct(long nmId, String title, long count, BigDecimal sum) {}

    /** {@code GET /api/v1/bot/sales/recent}. */
    public record Sales(long cabinetId, String name, List<Sale> sales) {}

    public record Sale(
            String saleId,
            String srid,
            long nmId,
            String title,
            String saleType,
            Instant saleDate,
            BigDecimal price,
            BigDecimal forPay,
            String warehouse,
            String region) {}

    /** {@code GET /api/v1/bot/sales/statistics}. */
    public record SalesStatistics(
            long cabinetId,
            String name,
            String period,
            Tally buyouts,
            Tally returns,
            BigDecimal buyoutRate,
            BigDecimal averageCheck) {}
}
