package ru.wbassist.server.wb;

import java.util.Optional;

/** The kinds of sales rows the sync stores, by saleID prefix (docs/wb-api.md, Orders and sales). */
public enum SaleType {
    BUYOUT("buyout"),
    RETURN("return");

    private final String dbValue;

    SaleType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value of {@code wb_sales.sale_type} and of the order status it sets. */
    public String dbValue() {
        return dbValue;
    }

    public static Optional<SaleType> of(String saleId) {
        if (saleId == null || saleId.isEmpty()) {
            return Optional.empty();
        }
        return switch (saleId.charAt(0)) {
            case 'S' -> Optional.of(BUYOUT);
            case 'R' -> Optional.of(RETURN);
            default -> Optional.empty();
        };
    }
}
