package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import ru.wbassist.emulators.wb.ShopRecords.OrderRecord;
import ru.wbassist.emulators.wb.ShopRecords.SaleRecord;

/**
 * The statistics API's {@code /api/v1/supplier/orders} and {@code /sales} (docs/wb-api.md): bare JSON arrays,
 * naive MSK times, {@code flag=0} = rows changed at or after {@code dateFrom} (sorted, capped per page),
 * {@code flag=1} = rows whose {@code date} falls on that MSK calendar day.
 */
final class StatisticsApi {

    private static final String FBW = "Склад WB";

    private final int pageCap;
    private final Supplier<Optional<Instant>> publishedUpTo;

    /**
     * @param publishedUpTo the instant up to which WB has published its statistics (now minus the sandbox's
     *                      statistics lag), or empty when everything is published at once
     */
    StatisticsApi(int pageCap, Supplier<Optional<Instant>> publishedUpTo) {
        this.pageCap = pageCap;
        this.publishedUpTo = publishedUpTo;
    }

    private record Query(Instant dateFrom, int flag) {}

    void orders(Call call, SandboxSeller seller) throws IOException {
        Optional<Query> query = query(call);
        if (query.isEmpty()) {
            return;
        }
        Optional<Instant> cutoff = publishedUpTo.get();
        List<OrderRecord> rows = select(
                query.get(),
                filter -> seller.shop().orders(o -> true).stream()
                        .map(o -> cutoff.isEmpty() ? o : asPublished(o, cutoff.get()))
                        .filter(Objects::nonNull)
                        .filter(filter)
                        .toList(),
                OrderRecord::date,
                OrderRecord::lastChangeDate,
                Comparator.comparingLong(OrderRecord::seq));
        call.respond(200, rows.stream().map(StatisticsApi::orderItem).toList());
    }

    void sales(Call call, SandboxSeller seller) throws IOException {
        Optional<Query> query = query(call);
        if (query.isEmpty()) {
            return;
        }
        // A sale row never changes after it is written: its lastChangeDate is its date.
        Optional<Instant> cutoff = publishedUpTo.get();
        List<SaleRecord> rows = select(
                query.get(),
                filter -> seller.shop().sales(s -> cutoff.isEmpty() || !s.date().isAfter(cutoff.get())).stream()
                        .filter(filter)
                        .toList(),
                SaleRecord::date,
                SaleRecord::date,
                Comparator.comparingLong(SaleRecord::seq));
        call.respond(200, rows.stream().map(StatisticsApi::saleItem).toList());
    }

    /** The order as WB's statistics showed it at {@code cutoff}: null when placed later, not cancelled yet. */
    private static OrderRecord asPublished(OrderRecord o, Instant cutoff) {
        if (o.date().isAfter(cutoff)) {
            return null;
        }
        if (o.cancelled() && o.cancelDate().isAfter(cutoff)) {
            return new OrderRecord(
                    o.seq(),
                    o.srid(),
                    o.gNumber(),
                    o.date(),
                    o.date(),
                    o.product(),
                    o.size(),
                    o.warehouse(),
                    o.geo(),
                    o.pricing(),
                    o.sticker(),
                    false,
                    null,
                    null);
        }
        return o;
    }

    private <T> List<T> select(
            Query query,
            Function<Predicate<T>, List<T>> source,
            Function<T, Instant> date,
            Function<T, Instant> lastChange,
            Comparator<T> tieBreak) {
        if (query.flag() == 1) {
            LocalDate day = MskTime.mskDate(query.dateFrom());
            return source.apply(row -> MskTime.mskDate(date.apply(row)).equals(day)).stream()
                    .sorted(Comparator.comparing(date).thenComparing(tieBreak))
                    .toList();
        }
        return source.apply(row -> !lastChange.apply(row).isBefore(query.dateFrom())).stream()
                .sorted(Comparator.comparing(lastChange).thenComparing(tieBreak))
                .limit(pageCap)
                .toList();
    }

    /** Parses dateFrom and flag, or answers 400 in WB's statistics shapes and returns empty. */
    private static Optional<Query> query(Call call) throws IOException {
        Optional<String> dateFrom = call.query("dateFrom");
        if (dateFrom.isEmpty() || dateFrom.get().isBlank()) {
            call.respond(400, Map.of("errors", List.of("dateFrom: field required")));
            return Optional.empty();
        }
        Optional<Instant> from = MskTime.parseDateFrom(dateFrom.get());
        if (from.isEmpty()) {
            call.respond(400, Map.of("errors", "dateFrom: Value not validated"));
            return Optional.empty();
        }
        String flag = call.query("flag").orElse("0");
        if (!flag.equals("0") && !flag.equals("1")) {
            call.respond(400, Map.of("errors", "flag: Value not validated"));
            return Optional.empty();
        }
        return Optional.of(new Query(from.get(), Integer.parseInt(flag)));
    }

    record OrderItem(
            String date,
            String lastChangeDate,
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
            long incomeID,
            @JsonProperty("isSupply") boolean isSupply,
            @JsonProperty("isRealization") boolean isRealization,
            double totalPrice,
            int discountPercent,
            double spp,
            double finishedPrice,
            double priceWithDisc,
            @JsonProperty("isCancel") boolean isCancel,
            String cancelDate,
            String sticker,
            String gNumber,
            String srid) {}

    record SaleItem(
            String date,
            String lastChangeDate,
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
            long incomeID,
            @JsonProperty("isSupply") boolean isSupply,
            @JsonProperty("isRealization") boolean isRealization,
            double totalPrice,
            int discountPercent,
            double spp,
            int paymentSaleAmount,
            double forPay,
            double finishedPrice,
            double priceWithDisc,
            String saleID,
            String sticker,
            String gNumber,
            String srid) {}

    private static OrderItem orderItem(OrderRecord o) {
        Product p = o.product();
        return new OrderItem(
                MskTime.naive(o.date()),
                MskTime.naive(o.lastChangeDate()),
                o.warehouse().name(),
                FBW,
                o.geo().countryName(),
                o.geo().oblastOkrugName(),
                o.geo().regionName(),
                p.vendorCode(),
                p.nmId(),
                o.size().barcode(),
                p.category(),
                p.subject(),
                p.brand(),
                o.size().techSize(),
                p.incomeId(),
                false,
                true,
                o.pricing().totalPrice(),
                o.pricing().discountPercent(),
                o.pricing().spp(),
                o.pricing().finishedPrice(),
                o.pricing().priceWithDisc(),
                o.cancelled(),
                o.cancelled() ? MskTime.naive(o.cancelDate()) : MskTime.NOT_CANCELLED,
                o.sticker(),
                o.gNumber(),
                o.srid());
    }

    private static SaleItem saleItem(SaleRecord s) {
        OrderRecord o = s.order();
        Product p = o.product();
        int sign = s.isReturn() ? -1 : 1;
        return new SaleItem(
                MskTime.naive(s.date()),
                MskTime.naive(s.date()),
                o.warehouse().name(),
                FBW,
                o.geo().countryName(),
                o.geo().oblastOkrugName(),
                o.geo().regionName(),
                p.vendorCode(),
                p.nmId(),
                o.size().barcode(),
                p.category(),
                p.subject(),
                p.brand(),
                o.size().techSize(),
                p.incomeId(),
                false,
                true,
                o.pricing().totalPrice(),
                o.pricing().discountPercent(),
                o.pricing().spp(),
                s.paymentSaleAmount(),
                s.forPay(),
                sign * o.pricing().finishedPrice(),
                sign * o.pricing().priceWithDisc(),
                s.saleId(),
                o.sticker(),
                o.gNumber(),
                o.srid());
    }
}
