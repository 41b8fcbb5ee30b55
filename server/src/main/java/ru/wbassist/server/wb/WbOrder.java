package ru.wbassist.server.wb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of statistics {@code /api/v1/supplier/orders} (one unit of one order). {@code cancelDate} is null when WB
 * sends {@code 0001-01-01T00:00:00}. Times are the instants of WB's naive Moscow strings.
 */
public record WbOrder(
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
        BigDecimal finishedPrice,
        BigDecimal priceWithDisc,
        boolean isCancel,
        Instant cancelDate,
        String sticker,
        @JsonProperty("gNumber") String gNumber,
        String srid)
        implements StatisticsRow {

    @Override
    public String key() {
        return srid;
    }
}
