package ru.wbassist.emulators.wb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import ru.wbassist.emulators.wb.ShopRecords.Geo;
import ru.wbassist.emulators.wb.ShopRecords.OrderRecord;
import ru.wbassist.emulators.wb.ShopRecords.Pricing;
import ru.wbassist.emulators.wb.ShopRecords.QuestionRecord;
import ru.wbassist.emulators.wb.ShopRecords.ReviewRecord;
import ru.wbassist.emulators.wb.ShopRecords.SaleRecord;
import ru.wbassist.emulators.wb.ShopRecords.StockKey;
import ru.wbassist.emulators.wb.ShopRecords.StockLevel;
import ru.wbassist.emulators.wb.ShopRecords.StockRow;

/**
 * The marketplace state of one sandbox seller: cards, orders, sales, reviews and per-warehouse stock. The scripted
 * methods act "now" (the sandbox clock) so tests can provoke each kind of event; the generator drives the same
 * methods with its own timestamps. All methods are thread-safe (one monitor per shop); readers get snapshots.
 */
public final class SandboxShop {

    private static final List<Geo> GEOS = List.of(
            new Geo("Россия", "Центральный федеральный округ", "Московская", "Подольск", "Подольский"),
            new Geo("Россия", "Центральный федеральный округ", "Москва", "Москва", "Пресненский"),
            new Geo(
                    "Россия",
                    "Северо-Западный федеральный округ",
                    "Санкт-Петербург",
                    "Санкт-Петербург",
                    "Василеостровский"),
            new Geo("Россия", "Приволжский федеральный округ", "Республика Татарстан", "Казань", "Вахитовский"),
            new Geo("Россия", "Приволжский федеральный округ", "Нижегородская", "Нижний Новгород", "Советский"),
            new Geo("Россия", "Южный федеральный округ", "Краснодарский край", "Краснодар", "Центральный"),
            new Geo("Россия", "Уральский федеральный округ", "Свердловская", "Екатеринбург", "Ленинский"),
            new Geo("Россия", "Сибирский федеральный округ", "Новосибирская", "Новосибирск", "Центральный"),
            new Geo("Беларусь", "Минская область", "Минск", "Минск", "Фрунзенский"),
            new Geo("Казахстан", "Алматинская область", "Алматы", "Алматы", "Медеуский"));
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Random random;
    private final Clock clock;
    private final Map<Long, Product> products = new LinkedHashMap<>();
    private final Map<String, OrderRecord> orders = new HashMap<>();
    private final Map<String, SaleRecord> sales = new HashMap<>();
    private final Map<String, String> buyoutBySrid = new HashMap<>();
    private final Map<String, String> returnBySrid = new HashMap<>();
    private final Map<String, ReviewRecord> reviews = new LinkedHashMap<>();
    private final Map<String, QuestionRecord> questions = new LinkedHashMap<>();
    private final Map<String, List<String>> answersReceived = new HashMap<>();
    private final TreeMap<StockKey, StockLevel> stocks = new TreeMap<>();
    private final Map<Long, PriceLevel> prices = new HashMap<>();
    private final Map<Long, Quarantined> quarantine = new LinkedHashMap<>();
    private long seq;
    private ShopSimulator simulator;

    SandboxShop(Random random, Clock clock, List<Product> catalog) {
        this.random = random;
        this.clock = clock;
        catalog.forEach(p -> products.put(p.nmId(), p));
    }

    void attach(ShopSimulator simulator) {
        this.simulator = simulator;
    }

    /** A card's price before the seller's discount and that discount in %; WB sells at {@link #discounted()}. */
    public record PriceLevel(int price, int discount) {

        public int discounted() {
            return price * (100 - discount) / 100;
        }
    }

    /** A price upload WB held back: the card keeps selling at {@code current}. */
    public record Quarantined(long nmId, PriceLevel current, PriceLevel rejected) {}

    // ---------------------------------------------------------------- scripted API (acts at the sandbox clock's now)

    /** The card's price and discount now (the catalog's until a price upload changes them). */
    public synchronized PriceLevel price(long nmId) {
        Product product = product(nmId);
        return prices.getOrDefault(nmId, new PriceLevel(product.price(), product.discountPercent()));
    }

    /**
     * Uploads a price as WB's price method does: a discounted price at least 3× below the current one is not applied
     * but put in price quarantine (the card keeps its price); any other one is applied and lifts a quarantine.
     *
     * @return false when the price went to quarantine
     */
    public synchronized boolean setPrice(long nmId, int price, int discount) {
        if (price <= 0 || discount < 0 || discount > 99) {
            throw new IllegalArgumentException("price must be positive and discount 0..99");
        }
        PriceLevel current = price(nmId);
        PriceLevel next = new PriceLevel(price, discount);
        if ((long) next.discounted() * 3 <= current.discounted()) {
            quarantine.put(nmId, new Quarantined(nmId, current, next));
            return false;
        }
        prices.put(nmId, next);
        quarantine.remove(nmId);
        return true;
    }

    /** The cards in price quarantine, in the order they went there. */
    public synchronized List<Quarantined> quarantined() {
        return List.copyOf(quarantine.values());
    }

    public synchronized List<Product> products() {
        return List.copyOf(products.values());
    }

    public List<Warehouse> warehouses() {
        return Warehouse.ALL;
    }

    /** Places an order of one unit from that warehouse; fails if the warehouse has none of it. Returns the srid. */
    public synchronized String placeOrder(long nmId, long chrtId, String warehouseName) {
        Product product = product(nmId);
        return placeOrderAt(product, product.size(chrtId), Warehouse.byName(warehouseName), now())
                .srid();
    }

    /** Places an order of a random size that has stock somewhere (for demos and chaos runs). Returns the srid. */
    public synchronized String placeRandomOrder() {
        List<StockKey> stocked = stocks.entrySet().stream()
                .filter(e -> e.getValue().quantity() > 0)
                .map(Map.Entry::getKey)
                .toList();
        if (stocked.isEmpty()) {
            throw new IllegalStateException("the shop has no stock left");
        }
        StockKey key = stocked.get(random.nextInt(stocked.size()));
        Product product = product(key.nmId());
        return placeOrderAt(product, product.size(key.chrtId()), warehouse(key.warehouseId()), now())
                .srid();
    }

    /** The buyer cancelled the order before pickup (the order feed's {@code cancelType} {@code app}). */
    public synchronized void cancelOrder(String srid) {
        cancelAt(srid, now(), ShopRecords.CancelType.APP);
    }

    /**
     * Cancels the order for a reason: {@code app} (the buyer, before pickup), {@code receipt} (refused at pickup),
     * {@code expire} (not picked up in time) or {@code other}.
     */
    public synchronized void cancelOrder(String srid, String cancelType) {
        cancelAt(srid, now(), cancelType(cancelType));
    }

    /** The buyer picked the order up. Returns the sale id ({@code S…}). */
    public synchronized String buyout(String srid) {
        return buyoutAt(srid, now());
    }

    /** The buyer returned a bought-out order. Returns the return's sale id ({@code R…}). */
    public synchronized String returnOrder(String srid) {
        return returnAt(srid, now(), false);
    }

    /** The buyer returned a bought-out order, faulty when {@code defective}. Returns the return's sale id. */
    public synchronized String returnOrder(String srid, boolean defective) {
        return returnAt(srid, now(), defective);
    }

    public synchronized String addReview(long nmId, int rating, String text) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1..5, got " + rating);
        }
        Product product = product(nmId);
        return addReviewAt(
                        product,
                        product.sizes().getFirst().techSize(),
                        rating,
                        new ReviewTexts.Texts(text == null ? "" : text, "", ""),
                        now())
                .id();
    }

    public synchronized void answerReview(String reviewId) {
        answerReview(reviewId, ReviewTexts.DEFAULT_ANSWER);
    }

    public synchronized void answerReview(String reviewId, String answerText) {
        ReviewRecord review = reviews.get(reviewId);
        if (review == null) {
            throw new NoSuchElementException("unknown review: " + reviewId);
        }
        reviews.put(reviewId, review.answered(answerText));
    }

    /** The seller's answer to a review, as WB's answer route gives it: an unknown id is accepted and ignored. */
    synchronized void answerReviewIfKnown(String reviewId, String answerText) {
        received(reviewId, answerText);
        reviews.computeIfPresent(reviewId, (id, review) -> review.answered(answerText));
    }

    /**
     * The simulated seller's own answer, scheduled when the review came: left out when the review was answered
     * meanwhile (through WB's answer route, from WB Assist), as a seller does not answer twice.
     */
    synchronized void answerReviewUnlessAnswered(String reviewId) {
        reviews.computeIfPresent(
                reviewId,
                (id, review) -> review.answer() == null ? review.answered(ReviewTexts.DEFAULT_ANSWER) : review);
    }

    /** The same for a question. */
    synchronized void answerQuestionUnlessAnswered(String questionId) {
        if (question(questionId).answer() == null) {
            answerQuestion(questionId, ReviewTexts.QUESTION_ANSWER);
        }
    }

    /** Every answer text WB's answer routes accepted for this review or question id, oldest first. */
    public synchronized List<String> answersReceived(String itemId) {
        return List.copyOf(answersReceived.getOrDefault(itemId, List.of()));
    }

    synchronized void received(String itemId, String answerText) {
        answersReceived.computeIfAbsent(itemId, k -> new ArrayList<>()).add(answerText);
    }

    /** A buyer asks about a product. Returns the question id. */
    public synchronized String addQuestion(long nmId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs a text");
        }
        return addQuestionAt(product(nmId), text, now()).id();
    }

    /** The seller answers a question for the storefront (as {@code PATCH /api/v1/questions} with {@code wbRu}). */
    public synchronized void answerQuestion(String questionId, String answerText) {
        questions.put(questionId, question(questionId).answered(answerText, "wbRu", now()));
    }

    synchronized QuestionRecord addQuestionAt(Product product, String text, Instant at) {
        QuestionRecord question =
                new QuestionRecord(alphanumeric(20), product, text, at, null, null, "suppliersPortalSynch", false, 0);
        questions.put(question.id(), question);
        return question;
    }

    synchronized QuestionRecord question(String questionId) {
        QuestionRecord question = questions.get(questionId);
        if (question == null) {
            throw new NoSuchElementException("unknown question: " + questionId);
        }
        return question;
    }

    synchronized void putQuestion(QuestionRecord question) {
        questions.put(question.id(), question);
    }

    public synchronized int questionCount() {
        return questions.size();
    }

    synchronized List<QuestionRecord> questions() {
        return List.copyOf(questions.values());
    }

    public synchronized void setStock(long nmId, long chrtId, String warehouseName, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
        StockKey key = stockKey(nmId, chrtId, Warehouse.byName(warehouseName));
        StockLevel level = stocks.getOrDefault(key, StockLevel.EMPTY);
        stocks.put(key, new StockLevel(quantity, level.inWayToClient(), level.inWayFromClient()));
    }

    /** Moves units between two WB warehouses: one row falls, the other rises, the total stays. */
    public synchronized void transferStock(
            long nmId, long chrtId, String fromWarehouse, String toWarehouse, int quantity) {
        StockKey from = stockKey(nmId, chrtId, Warehouse.byName(fromWarehouse));
        StockKey to = stockKey(nmId, chrtId, Warehouse.byName(toWarehouse));
        if (from.equals(to) || quantity <= 0) {
            throw new IllegalArgumentException("a transfer needs two different warehouses and a positive quantity");
        }
        int available = stocks.getOrDefault(from, StockLevel.EMPTY).quantity();
        if (available < quantity) {
            throw new IllegalStateException("only " + available + " units at " + fromWarehouse);
        }
        move(from, to, quantity);
    }

    public synchronized int stockQuantity(long nmId, long chrtId, String warehouseName) {
        return stocks.getOrDefault(stockKey(nmId, chrtId, Warehouse.byName(warehouseName)), StockLevel.EMPTY)
                .quantity();
    }

    public synchronized int orderCount() {
        return orders.size();
    }

    /**
     * Bulk orders for benchmarks: {@code count} orders spread uniformly over [from, to), about 12% of them cancelled
     * within the interval. Unlike {@link #placeOrder} this leaves stock alone (a benchmark wants volume, not realism).
     */
    public synchronized List<String> generateOrders(int count, Instant from, Instant to) {
        long span = Duration.between(from, to).toSeconds();
        if (count < 0 || span <= 0) {
            throw new IllegalArgumentException("need count >= 0 and from < to");
        }
        List<Product> catalog = List.copyOf(products.values());
        List<String> srids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Product product = catalog.get(random.nextInt(catalog.size()));
            Product.Size size =
                    product.sizes().get(random.nextInt(product.sizes().size()));
            Warehouse warehouse = Warehouse.ALL.get(random.nextInt(Warehouse.ALL.size()));
            Instant date = from.plusSeconds((long) (random.nextDouble() * span));
            OrderRecord order = newOrder(product, size, warehouse, date);
            if (random.nextInt(100) < 12) {
                Instant cancelAt = date.plusSeconds(600 + random.nextInt(86_400));
                order = order.cancel(
                        ++seq, later(date, cancelAt.isBefore(to) ? cancelAt : date), ShopRecords.CancelType.APP);
            }
            orders.put(order.srid(), order);
            srids.add(order.srid());
        }
        return srids;
    }

    // ---------------------------------------------------------------- state changes with explicit timestamps

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    synchronized OrderRecord placeOrderAt(Product product, Product.Size size, Warehouse warehouse, Instant at) {
        StockKey key = stockKey(product.nmId(), size.chrtId(), warehouse);
        StockLevel level = stocks.getOrDefault(key, StockLevel.EMPTY);
        if (level.quantity() <= 0) {
            throw new IllegalStateException(
                    "no stock of nmId " + product.nmId() + " size " + size.techSize() + " at " + warehouse.name());
        }
        stocks.put(key, level.plus(-1, +1, 0));
        OrderRecord order = newOrder(product, size, warehouse, at);
        orders.put(order.srid(), order);
        return order;
    }

    synchronized void cancelAt(String srid, Instant at, ShopRecords.CancelType why) {
        OrderRecord order = order(srid);
        if (order.cancelled()) {
            throw new IllegalStateException("order " + srid + " is already cancelled");
        }
        if (buyoutBySrid.containsKey(srid)) {
            throw new IllegalStateException("order " + srid + " is already bought out");
        }
        // The row keeps its srid; lastChangeDate must move forward even within the same second.
        orders.put(srid, order.cancel(++seq, later(order.lastChangeDate(), at), why));
        adjustStock(order, +1, -1, 0);
    }

    synchronized String buyoutAt(String srid, Instant at) {
        OrderRecord order = order(srid);
        if (order.cancelled() || buyoutBySrid.containsKey(srid)) {
            throw new IllegalStateException("order " + srid + " is cancelled or already bought out");
        }
        double forPay = Math.round(order.pricing().priceWithDisc() * (75 + random.nextInt(11))) / 100.0;
        SaleRecord sale = new SaleRecord(
                ++seq,
                "S" + digits(10),
                later(order.date(), at),
                order,
                forPay,
                random.nextInt(4) == 0 ? random.nextInt(100) : 0,
                false);
        sales.put(sale.saleId(), sale);
        buyoutBySrid.put(srid, sale.saleId());
        adjustStock(order, 0, -1, 0);
        return sale.saleId();
    }

    synchronized String returnAt(String srid, Instant at, boolean defective) {
        String buyoutId = buyoutBySrid.get(srid);
        if (buyoutId == null || returnBySrid.containsKey(srid)) {
            throw new IllegalStateException("order " + srid + " is not bought out or is already returned");
        }
        SaleRecord buyout = sales.get(buyoutId);
        SaleRecord ret = new SaleRecord(
                ++seq,
                "R" + digits(10),
                later(buyout.date(), at),
                buyout.order(),
                -buyout.forPay(),
                -buyout.paymentSaleAmount(),
                defective);
        sales.put(ret.saleId(), ret);
        returnBySrid.put(srid, ret.saleId());
        adjustStock(buyout.order(), 0, 0, +1);
        StockKey key = stockKey(buyout.order());
        if (simulator != null) {
            simulator.scheduleAfter(Duration.ofHours(24 + random.nextInt(48)), stamp -> returnArrived(key));
        }
        return ret.saleId();
    }

    /** A returned unit reached its warehouse and is available again. */
    synchronized void returnArrived(StockKey key) {
        stocks.put(key, stocks.getOrDefault(key, StockLevel.EMPTY).plus(+1, 0, -1));
    }

    synchronized ReviewRecord addReviewAt(
            Product product, String size, int rating, ReviewTexts.Texts texts, Instant at) {
        String id = alphanumeric(20);
        ReviewRecord review = new ReviewRecord(
                id,
                product,
                size,
                rating,
                texts.text(),
                texts.pros(),
                texts.cons(),
                ReviewTexts.userName(random),
                at,
                null,
                rating >= 4 ? "ok" : "",
                "buyout",
                at.minus(Duration.ofDays(2 + random.nextInt(10))));
        reviews.put(id, review);
        return review;
    }

    synchronized void restock(StockKey key, int quantity) {
        stocks.put(key, stocks.getOrDefault(key, StockLevel.EMPTY).plus(quantity, 0, 0));
    }

    synchronized void move(StockKey from, StockKey to, int quantity) {
        stocks.put(from, stocks.get(from).plus(-quantity, 0, 0));
        stocks.put(to, stocks.getOrDefault(to, StockLevel.EMPTY).plus(quantity, 0, 0));
    }

    synchronized void touchCard(long nmId, Instant at) {
        products.computeIfPresent(nmId, (id, p) -> p.withUpdatedAt(at));
    }

    // ---------------------------------------------------------------- snapshots for the API

    synchronized List<OrderRecord> orders(Predicate<OrderRecord> filter) {
        return orders.values().stream().filter(filter).toList();
    }

    synchronized List<SaleRecord> sales(Predicate<SaleRecord> filter) {
        return sales.values().stream().filter(filter).toList();
    }

    /**
     * Every order placed by {@code asOf} with its status as it stood then: the latest of created, cancel, buyout and
     * return (or returnDefective) at or before that instant.
     */
    synchronized List<ShopRecords.FeedRow> feedRows(Instant asOf) {
        List<ShopRecords.FeedRow> rows = new ArrayList<>();
        for (OrderRecord order : orders.values()) {
            if (order.date().isAfter(asOf)) {
                continue;
            }
            SaleRecord returned = sales.get(returnBySrid.get(order.srid()));
            SaleRecord bought = sales.get(buyoutBySrid.get(order.srid()));
            if (returned != null && !returned.date().isAfter(asOf)) {
                rows.add(new ShopRecords.FeedRow(
                        order, returned.defective() ? "returnDefective" : "return", returned.date(), null));
            } else if (bought != null && !bought.date().isAfter(asOf)) {
                rows.add(new ShopRecords.FeedRow(order, "buyout", bought.date(), null));
            } else if (order.cancelled() && !order.cancelDate().isAfter(asOf)) {
                rows.add(new ShopRecords.FeedRow(order, "cancel", order.cancelDate(), order.cancelType()));
            } else {
                rows.add(new ShopRecords.FeedRow(order, "created", order.date(), null));
            }
        }
        return rows;
    }

    synchronized List<ReviewRecord> reviews() {
        return List.copyOf(reviews.values());
    }

    synchronized List<StockRow> stockRows() {
        return stocks.entrySet().stream()
                .map(e -> new StockRow(e.getKey(), warehouse(e.getKey().warehouseId()), e.getValue()))
                .toList();
    }

    synchronized Map<StockKey, StockLevel> stockLevels() {
        return new TreeMap<>(stocks);
    }

    synchronized int quantity(StockKey key) {
        return stocks.getOrDefault(key, StockLevel.EMPTY).quantity();
    }

    // ---------------------------------------------------------------- helpers

    private OrderRecord newOrder(Product product, Product.Size size, Warehouse warehouse, Instant at) {
        String srid = digits(19) + ".0.0";
        return new OrderRecord(
                ++seq,
                srid,
                digits(20),
                at,
                at,
                product,
                size,
                warehouse,
                GEOS.get(random.nextInt(GEOS.size())),
                Pricing.of(product, random.nextInt(31)),
                digits(9),
                false,
                null,
                null);
    }

    private void adjustStock(OrderRecord order, int quantity, int toClient, int fromClient) {
        StockKey key = stockKey(order);
        stocks.put(key, stocks.getOrDefault(key, StockLevel.EMPTY).plus(quantity, toClient, fromClient));
    }

    private Product product(long nmId) {
        Product product = products.get(nmId);
        if (product == null) {
            throw new NoSuchElementException("unknown nmId: " + nmId);
        }
        return product;
    }

    synchronized OrderRecord order(String srid) {
        OrderRecord order = orders.get(srid);
        if (order == null) {
            throw new NoSuchElementException("unknown srid: " + srid);
        }
        return order;
    }

    private StockKey stockKey(long nmId, long chrtId, Warehouse warehouse) {
        product(nmId).size(chrtId);
        return new StockKey(nmId, chrtId, warehouse.id());
    }

    private static ShopRecords.CancelType cancelType(String wire) {
        for (ShopRecords.CancelType type : ShopRecords.CancelType.values()) {
            if (type.wire().equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException("cancelType must be app, receipt, expire or other, got " + wire);
    }

    private static StockKey stockKey(OrderRecord order) {
        return new StockKey(
                order.product().nmId(), order.size().chrtId(), order.warehouse().id());
    }

    private static Warehouse warehouse(long id) {
        return Warehouse.ALL.stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    /** A change to an existing row is stamped strictly after the row's previous stamp. */
    private static Instant later(Instant previous, Instant at) {
        return at.isAfter(previous) ? at : previous.plusSeconds(1);
    }

    private String digits(int length) {
        StringBuilder out = new StringBuilder(length);
        out.append((char) ('1' + random.nextInt(9)));
        while (out.length() < length) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
