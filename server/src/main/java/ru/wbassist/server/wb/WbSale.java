package ru.wbassist.server.wb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of statistics {@code /api/v1/supplier/sales}: a buyout ({@code S…}) or a return ({@code R…}). */
public record WbSale(
        Instant date,
        Instant lastChangeDate,
        String warehouseName,
        String warehouseType,
        String countryName,
        String oblastOkrugName,
        String regionName,
        String supplierArticle,
        long nmId,
        String barcode,
        String category,
        String subject,
        String brand,
        String techSize,
        @JsonProperty("incomeID") Long incomeId,
        BigDecimal totalPrice,
        Integer discountPercent,
        BigDecimal spp,
        BigDecimal paymentSaleAmount,
        BigDecimal forPay,
        BigDecimal finishedPrice,
        BigDecimal priceWithDisc,
        @JsonProperty("saleID") String saleId,
        String sticker,
        @JsonProperty("gNumber") String gNumber,
        String srid)
        implements StatisticsRow {

    /** What the sale id's prefix says; empty for prefixes WB no longer documents (D, A, B, …). */
    public java.util.Optional<SaleType> type() {
        return SaleType.of(saleId);
    }

    @Override
    public String key() {
        return saleId;
    }
}
