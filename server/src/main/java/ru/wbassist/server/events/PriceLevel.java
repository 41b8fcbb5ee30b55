package ru.wbassist.server.events;

import java.math.BigDecimal;

/**
 * A card's stored price: before the seller's discount, the discount in %, after it; and the upload WB holds in
 * quarantine (price after discount and its discount), null when none.
 */
public record PriceLevel(
        BigDecimal price,
        int discount,
        BigDecimal discountedPrice,
        BigDecimal quarantinePrice,
        Integer quarantineDiscount) {

    /** The price or the discount differs (what a seller sees change), whatever WB's rounding of the rest. */
    public boolean changedFrom(PriceLevel before) {
        return price.compareTo(before.price) != 0 || discount != before.discount;
    }

    /** A quarantine that {@code before} did not have (none, or another upload). */
    public boolean newQuarantineSince(PriceLevel before) {
        return quarantinePrice != null
                && (before == null
                        || before.quarantinePrice == null
                        || quarantinePrice.compareTo(before.quarantinePrice) != 0
                        || !quarantineDiscount.equals(before.quarantineDiscount));
    }
}
