package ru.wbassist.server.wb;

import java.math.BigDecimal;

/**
 * A card's price from discounts-prices-api: the price before the seller's discount, the discount in %, and the
 * price after it (what the buyer is charged before WB's own discounts). Taken from the card's first size: sizes have
 * one price unless the seller set per-size prices.
 */
public record WbPrice(long nmId, BigDecimal price, int discount, BigDecimal discountedPrice) {}
