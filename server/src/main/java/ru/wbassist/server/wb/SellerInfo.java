package ru.wbassist.server.wb;

/** common-api {@code /api/v1/seller-info}: the seller's name, id and trade mark. */
public record SellerInfo(String name, String sid, String tradeMark) {}
