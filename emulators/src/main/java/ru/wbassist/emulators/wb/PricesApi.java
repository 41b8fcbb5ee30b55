package ru.wbassist.emulators.wb;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The "Prices and discounts" reads of discounts-prices-api: {@code GET /api/v2/list/goods/filter} (the cards with their
 * prices, {@code limit} 1..1000 required, {@code offset}, {@code filterNmID}) and {@code GET /api/v2/quarantine/goods}
 * (the price uploads WB held back). Answers use WB's {@code {data, error, errorText}} envelope. Every size of a card
 * has the card's price (the sandbox has no per-size prices).
 */
final class PricesApi {

    static final int MAX_LIMIT = 1000;

    record Size(long sizeID, int price, double discountedPrice, double clubDiscountedPrice, String techSizeName) {}

    record Good(
            long nmID,
            String vendorCode,
            List<Size> sizes,
            String currencyIsoCode4217,
            int discount,
            int clubDiscount,
            boolean editableSizePrice) {}

    record QuarantineGood(
            long nmID,
            Long sizeID,
            String techSizeName,
            String currencyIsoCode4217,
            double newPrice,
            double oldPrice,
            int newDiscount,
            int oldDiscount,
            double priceDiff) {}

    record Envelope(Object data, boolean error, String errorText) {}

    void goods(Call call, SandboxSeller seller) throws IOException {
        Optional<int[]> page = page(call);
        if (page.isEmpty()) {
            return;
        }
        Optional<String> filter = call.query("filterNmID");
        if (filter.isPresent() && !filter.get().matches("\\d{1,18}")) {
            call.respond(400, new Envelope(null, true, "Invalid filterNmID"));
            return;
        }
        SandboxShop shop = seller.shop();
        List<Good> goods = shop.products().stream()
                .filter(p -> filter.isEmpty() || p.nmId() == Long.parseLong(filter.get()))
                .skip(page.get()[1])
                .limit(page.get()[0])
                .map(p -> good(p, shop.price(p.nmId())))
                .toList();
        call.respond(200, new Envelope(java.util.Map.of("listGoods", goods), false, ""));
    }

    void quarantine(Call call, SandboxSeller seller) throws IOException {
        Optional<int[]> page = page(call);
        if (page.isEmpty()) {
            return;
        }
        List<QuarantineGood> goods = seller.shop().quarantined().stream()
                .skip(page.get()[1])
                .limit(page.get()[0])
                .map(q -> new QuarantineGood(
                        q.nmId(),
                        null,
                        null,
                        "RUB",
                        q.rejected().discounted(),
                        q.current().discounted(),
                        q.rejected().discount(),
                        q.current().discount(),
                        q.rejected().discounted() - q.current().discounted()))
                .toList();
        call.respond(200, new Envelope(java.util.Map.of("quarantineGoods", goods), false, ""));
    }

    /** {limit, offset}, or empty after answering 400. */
    private static Optional<int[]> page(Call call) throws IOException {
        Optional<String> limit = call.query("limit");
        Optional<String> offset = call.query("offset");
        if (limit.isEmpty()
                || !limit.get().matches("\\d{1,4}")
                || Integer.parseInt(limit.get()) < 1
                || Integer.parseInt(limit.get()) > MAX_LIMIT) {
            call.respond(400, new Envelope(null, true, "Invalid limit: must be from 1 to " + MAX_LIMIT));
            return Optional.empty();
        }
        if (offset.isPresent() && !offset.get().matches("\\d{1,9}")) {
            call.respond(400, new Envelope(null, true, "Invalid offset"));
            return Optional.empty();
        }
        return Optional.of(new int[] {
            Integer.parseInt(limit.get()), offset.map(Integer::parseInt).orElse(0)
        });
    }

    private static Good good(Product p, SandboxShop.PriceLevel level) {
        List<Size> sizes = p.sizes().stream()
                .map(s -> new Size(s.chrtId(), level.price(), level.discounted(), level.discounted(), s.techSize()))
                .toList();
        return new Good(p.nmId(), p.vendorCode(), sizes, "RUB", level.discount(), 0, false);
    }
}
