package ru.wbassist.server.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The facts a notification is rendered from, read from the stored rows at detection time and kept as JSON in
 * {@code events.payload}, so a text can be rendered again (grouping, another language) without the rows.
 */
public sealed interface EventFacts {

    /**
     * A new or cancelled order line; {@code dayOrders}/{@code daySum} count the cabinet's orders of its Moscow day up
     * to it. A new order also carries its product's {@link ProductPulse} (nulls when unknown, and in events stored
     * before). {@code region} is where the buyer is (the feed's city and district, else the statistics region);
     * {@code warehouseType} is WB's ("Склад WB") or the seller's; {@code cancelType} is the feed's reason
     * (app, receipt, expire, other), null when unknown.
     */
    record Order(
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
            int dayOrders,
            BigDecimal daySum,
            Integer stockLeft,
            BigDecimal daysLeft,
            BigDecimal buyoutRate30d,
            String warehouseType,
            String cancelType)
            implements EventFacts {}

    /**
     * A buyout or a return of an order: from a sale row (saleID S… or R…) or from the order feed (no sale id yet).
     * {@code defective} is true for a return of a faulty item, null when the source does not say.
     */
    record Sale(
            String saleId,
            String srid,
            long nmId,
            String title,
            String vendorCode,
            String size,
            BigDecimal priceWithDisc,
            BigDecimal forPay,
            String warehouse,
            String region,
            Instant saleDate,
            String imageUrl,
            Boolean defective)
            implements EventFacts {}

    record Review(
            String reviewId,
            long nmId,
            String productName,
            String vendorCode,
            int rating,
            String text,
            String pros,
            String cons,
            String userName,
            Instant createdDate,
            String imageUrl)
            implements EventFacts {}

    /** A buyer's question; WB names no buyer for questions. */
    record Question(
            String questionId,
            long nmId,
            String productName,
            String vendorCode,
            String text,
            Instant createdDate,
            String imageUrl)
            implements EventFacts {}

    /** A product whose total available stock fell to or below a user's threshold; where the rest lies. */
    record Stock(
            long nmId,
            String title,
            String vendorCode,
            int totalBefore,
            int total,
            List<WarehouseLevel> warehouses,
            String imageUrl)
            implements EventFacts {}

    record WarehouseLevel(String warehouse, int quantity) {}

    /** A product whose stock lasts {@code daysLeft} days at its pace of the last 14 days ({@code perDay} orders a day). */
    record Runway(
            long nmId,
            String title,
            String vendorCode,
            int total,
            BigDecimal perDay,
            BigDecimal daysLeft,
            String imageUrl)
            implements EventFacts {}

    /**
     * A card's price before and after: for {@code price_changed} what it was and is; for {@code price_quarantine} the
     * price it still sells at ("old") and the upload WB held back ("new"). Prices before and after the seller's
     * discount; a quarantined upload has only its price after discount ({@code newPrice} null).
     */
    record Price(
            long nmId,
            String title,
            String vendorCode,
            BigDecimal oldPrice,
            int oldDiscount,
            BigDecimal oldDiscounted,
            BigDecimal newPrice,
            int newDiscount,
            BigDecimal newDiscounted,
            String imageUrl)
            implements EventFacts {}

    /**
     * A user's daily digest of one cabinet: the figures of {@code [from, to)} (a whole Moscow day, or the day up to the
     * digest time) beside the same span a week earlier, the day's top products, the products running out within the
     * user's horizon, unanswered reviews and questions, and the last 14 days for the chart.
     */
    record Digest(
            LocalDate date,
            LocalTime upTo,
            DigestFigures current,
            DigestFigures weekAgo,
            List<TopLine> top,
            int runwayDays,
            List<Runway> runningOut,
            long unansweredReviews,
            long unansweredQuestions,
            List<ChartDay> chart)
            implements EventFacts {}

    /** Counts and sums of a span; {@code buyoutRate} is buyouts ÷ (buyouts + returns), null without either. */
    record DigestFigures(
            long orders,
            BigDecimal ordersSum,
            long buyouts,
            BigDecimal buyoutsSum,
            long cancellations,
            long returns,
            BigDecimal buyoutRate) {}

    record TopLine(long nmId, String title, long count, BigDecimal sum) {}

    /** One day of the chart: what the bot draws as bars (the same shape as the analytics API's days). */
    record ChartDay(LocalDate date, CountSum orders, CountSum buyouts) {}

    record CountSum(long count, BigDecimal sum) {}

    /** A key problem: invalid ({@code daysLeft} null) or expiring in {@code daysLeft} days. */
    record Key(String reason, Integer daysLeft, Instant expiresAt) implements EventFacts {}

    /** The plain "notifications work" test card. */
    record Test(String note) implements EventFacts {}
}
