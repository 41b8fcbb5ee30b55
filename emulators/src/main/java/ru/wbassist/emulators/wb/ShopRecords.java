package ru.wbassist.emulators.wb;

import java.time.Instant;

/** The sandbox's internal, immutable rows; a change replaces a row, so readers can work on snapshots. */
final class ShopRecords {

    private ShopRecords() {}

    /** Where the buyer is: the statistics API's delivery geography and the order feed's city and district. */
    record Geo(String countryName, String oblastOkrugName, String regionName, String city, String district) {}

    /** The money of one order line, fixed when the order is placed. */
    record Pricing(int totalPrice, int discountPercent, int spp, double priceWithDisc, double finishedPrice) {

        static Pricing of(Product product, int spp) {
            double withDiscount = Math.round(product.price() * (100 - product.discountPercent()) / 100.0);
            double finished = Math.round(withDiscount * (100 - spp) / 100.0);
            return new Pricing(product.price(), product.discountPercent(), spp, withDiscount, finished);
        }
    }

    /** One order = one unit of goods; {@code seq} keeps the order of rows that changed in the same second. */
    record OrderRecord(
            long seq,
            String srid,
            String gNumber,
            Instant date,
            Instant lastChangeDate,
            Product product,
            Product.Size size,
            Warehouse warehouse,
            Geo geo,
            Pricing pricing,
            String sticker,
            boolean cancelled,
            Instant cancelDate,
            CancelType cancelType) {

        OrderRecord cancel(long newSeq, Instant at, CancelType why) {
            return new OrderRecord(
                    newSeq, srid, gNumber, date, at, product, size, warehouse, geo, pricing, sticker, true, at, why);
        }
    }

    /** Why an order was cancelled, as the order feed's {@code cancelType} names it. */
    enum CancelType {
        /** the buyer cancelled it before pickup */
        APP,
        /** the buyer refused it at the pickup point */
        RECEIPT,
        /** it was not picked up within the storage period */
        EXPIRE,
        OTHER;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A buyout ({@code S…}) or a return ({@code R…}) of an order. Amounts of a return are negative; {@code defective}
     * marks a return of a faulty item (the order feed's {@code returnDefective}).
     */
    record SaleRecord(
            long seq,
            String saleId,
            Instant date,
            OrderRecord order,
            double forPay,
            int paymentSaleAmount,
            boolean defective) {

        boolean isReturn() {
            return saleId.startsWith("R");
        }
    }

    /** An order as the order feed shows it: its status at the feed's snapshot and the time of that status. */
    record FeedRow(OrderRecord order, String status, Instant statusTime, CancelType cancelType) {}

    /** A buyer's feedback; {@code answer} is null until the seller answers. */
    record ReviewRecord(
            String id,
            Product product,
            String size,
            int rating,
            String text,
            String pros,
            String cons,
            String userName,
            Instant createdDate,
            String answer,
            String matchingSize,
            String orderStatus,
            Instant lastOrderCreatedAt) {

        ReviewRecord answered(String answerText) {
            return new ReviewRecord(
                    id,
                    product,
                    size,
                    rating,
                    text,
                    pros,
                    cons,
                    userName,
                    createdDate,
                    answerText,
                    matchingSize,
                    orderStatus,
                    lastOrderCreatedAt);
        }
    }

    /**
     * A buyer's question about a product; {@code answer} is null until the seller answers. {@code state} is WB's:
     * {@code suppliersPortalSynch} while new, {@code wbRu} once answered for the storefront, {@code none} when the
     * seller rejected it. {@code answerEdits} counts edits of the answer (WB allows one).
     */
    record QuestionRecord(
            String id,
            Product product,
            String text,
            Instant createdDate,
            String answer,
            Instant answeredAt,
            String state,
            boolean wasViewed,
            int answerEdits) {

        QuestionRecord answered(String answerText, String newState, Instant at) {
            boolean edit = answer != null;
            return new QuestionRecord(
                    id,
                    product,
                    text,
                    createdDate,
                    answerText,
                    edit ? answeredAt : at,
                    newState,
                    true,
                    edit ? answerEdits + 1 : answerEdits);
        }

        QuestionRecord viewed(boolean viewed) {
            return new QuestionRecord(id, product, text, createdDate, answer, answeredAt, state, viewed, answerEdits);
        }

        boolean isAnswered() {
            return answer != null;
        }
    }

    /** Key of one stock row: one size in one WB warehouse (the stocks report's row). */
    record StockKey(long nmId, long chrtId, long warehouseId) implements Comparable<StockKey> {

        @Override
        public int compareTo(StockKey other) {
            int byNm = Long.compare(nmId, other.nmId);
            if (byNm != 0) {
                return byNm;
            }
            int byChrt = Long.compare(chrtId, other.chrtId);
            return byChrt != 0 ? byChrt : Long.compare(warehouseId, other.warehouseId);
        }
    }

    record StockLevel(int quantity, int inWayToClient, int inWayFromClient) {

        static final StockLevel EMPTY = new StockLevel(0, 0, 0);

        StockLevel plus(int quantityDelta, int toClientDelta, int fromClientDelta) {
            return new StockLevel(
                    quantity + quantityDelta,
                    Math.max(0, inWayToClient + toClientDelta),
                    Math.max(0, inWayFromClient + fromClientDelta));
        }
    }

    /** A stock row as the report shows it. */
    record StockRow(StockKey key, Warehouse warehouse, StockLevel level) {}
}
