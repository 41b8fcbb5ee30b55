package ru.wbassist.server.wb;

import java.math.BigDecimal;

/**
 * A price upload WB held in quarantine (the new price after discount is at least 3× below the old one): the card
 * keeps selling at {@code oldPrice} until the seller confirms or changes it. Prices are after the seller's discount.
 */
public record WbQuarantine(long nmId, BigDecimal oldPrice, BigDecimal newPrice, int oldDiscount, int newDiscount) {}
