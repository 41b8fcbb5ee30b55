package ru.wbassist.server.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The facts a notification is rendered from, read from the stored rows at detection time and kept as JSON in
 * {@code events.payload}, so a text can be rendered again (grouping, another language) without the rows.
 */
public sealed interface EventFacts {

    /** A new or cancelled order line; {@code dayOrders}/{@code daySum} count the cabinet's orders of its Moscow day up to it. */
    record Order(String srid, long nmId, String title, String vendorCode, String size, BigDecimal totalPrice,
                 Integer discountPercent, BigDecimal priceWithDisc, BigDecimal finishedPrice, String warehouse,
                 String region, Instant orderDate, Instant cancelDate, String imageUrl, int dayOrders,
                 BigDecimal daySum) implements EventFacts {
    }

    /** A buyout (saleID S…) or a return (saleID R…). */
    record Sale(String saleId, String srid, long nmId, String title, String vendorCode, String size,
                BigDecimal priceWithDisc, BigDecimal forPay, String warehouse, String region, Instant saleDate,
                String imageUrl) implements EventFacts {
    }

    record Review(String reviewId, long nmId, String productName, String vendorCode, int rating, String text,
                  String pros, String cons, String userName, Instant createdDate, String imageUrl) implements EventFacts {
    }

    /** A buyer's question; WB names no buyer for questions. */
    record Question(String questionId, long nmId, String productName, String vendorCode, String text,
                    Instant createdDate, String imageUrl) implements EventFacts {
    }

    /** A product whose total available stock fell to or below a user's threshold; where the rest lies. */
    record Stock(long nmId, String title, String vendorCode, int totalBefore, int total, List<WarehouseLevel> warehouses,
                 String imageUrl) implements EventFacts {
    }

    record WarehouseLevel(String warehouse, int quantity) {
    }

    /** A key problem: invalid ({@code daysLeft} null) or expiring in {@code daysLeft} days. */
    record Key(String reason, Integer daysLeft, Instant expiresAt) implements EventFacts {
    }

    /** The plain "notifications work" test card. */
    record Test(String note) implements EventFacts {
    }
}
