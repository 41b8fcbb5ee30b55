package ru.wbassist.emulators.wb;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import ru.wbassist.emulators.wb.ShopRecords.OrderRecord;
import ru.wbassist.emulators.wb.ShopRecords.StockKey;
import ru.wbassist.emulators.wb.ShopRecords.StockLevel;

/**
 * Marketplace activity of one shop as a discrete-event simulation on a simulated timeline. History runs the timeline
 * over the past (events are stamped with their simulated time); live mode runs it {@code acceleration} times faster
 * than the wall clock and stamps events with the real "now", so a 3-day buyout delay takes 3 days / acceleration.
 */
final class ShopSimulator {

    /** Relative order intensity per MSK hour: quiet nights, a peak in the evening. */
    private static final double[] HOUR_WEIGHTS = {
        0.35, 0.2, 0.12, 0.1, 0.1, 0.15, 0.3, 0.5, 0.7, 0.9, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.1, 1.3, 1.5, 1.8, 2.0, 2.0,
        1.6, 0.9
    };

    private static final double MEAN_HOUR_WEIGHT =
            Arrays.stream(HOUR_WEIGHTS).average().orElseThrow();
    private static final int RESTOCK_BELOW = 15;
    /** The showcase's product selling down: this many times its usual demand, from this many days of stock. */
    private static final int SELL_DOWN_DEMAND = 4;

    private static final double SELL_DOWN_DAYS = 7.5;

    private record Pending(Instant at, long seq, Consumer<Instant> action) {}

    private final SandboxShop shop;
    private final Random random;
    /** Price changes draw from their own sequence, so they leave the orders, stocks and reviews of a seed as they were. */
    private final Random pricing;

    private final List<Product> catalog;
    private final double[] cumulativePopularity;
    private final double ordersPerDay;
    private final PriorityQueue<Pending> pending =
            new PriorityQueue<>(Comparator.comparing(Pending::at).thenComparingLong(Pending::seq));
    private long pendingSeq;
    private Instant simNow;
    private Instant eventTime;
    private LocalDate scheduledDay;
    private boolean live;
    private Instant liveAnchorReal;
    private Instant liveAnchorSim;
    private double acceleration;
    /** The product {@link #showcaseForesight} sells down until it is sold out; null otherwise. */
    private Product sellingDown;

    private double sellingDownShare;

    ShopSimulator(SandboxShop shop, Random random, Instant start) {
        this.shop = shop;
        this.random = random;
        this.catalog = shop.products();
        this.pricing = new Random(catalog.isEmpty() ? 0 : catalog.getFirst().nmId());
        this.simNow = start;
        this.ordersPerDay = 40 + random.nextInt(81);
        List<Double> weights = new ArrayList<>();
        for (int rank = 1; rank <= catalog.size(); rank++) {
            weights.add(1 / Math.pow(rank, 0.8));
        }
        Collections.shuffle(weights, random);
        cumulativePopularity = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += weights.get(i);
            cumulativePopularity[i] = sum;
        }
    }

    /** Opening stock: every size at the main warehouse, plus one to three other warehouses. */
    void seedStock() {
        List<Warehouse> others = Warehouse.ALL.subList(1, Warehouse.ALL.size());
        for (Product product : catalog) {
            for (Product.Size size : product.sizes()) {
                shop.restock(new StockKey(product.nmId(), size.chrtId(), Warehouse.MAIN.id()), 30 + random.nextInt(91));
                List<Warehouse> shuffled = new ArrayList<>(others);
                Collections.shuffle(shuffled, random);
                for (Warehouse warehouse : shuffled.subList(0, 1 + random.nextInt(3))) {
                    shop.restock(new StockKey(product.nmId(), size.chrtId(), warehouse.id()), 10 + random.nextInt(71));
                }
            }
        }
    }

    /** Runs the past up to {@code end}; events are stamped with their own (simulated = real) time. */
    void runHistory(Instant end) {
        synchronized (shop) {
            advance(end);
        }
    }

    void startLive(Instant realNow, double factor) {
        synchronized (shop) {
            live = true;
            acceleration = factor;
            liveAnchorReal = realNow;
            liveAnchorSim = simNow;
        }
    }

    /** Live mode: catches the simulated timeline up with the accelerated wall clock. */
    void tick(Instant realNow) {
        synchronized (shop) {
            if (!live) {
                return;
            }
            long realMillis = Duration.between(liveAnchorReal, realNow).toMillis();
            advance(liveAnchorSim.plusMillis((long) (realMillis * acceleration)));
        }
    }

    /**
     * Makes the shop show runway alerts and price watch soon after this moment (the demo's shop). Its best seller of
     * the last 14 days keeps {@value #SELL_DOWN_DAYS} days of stock at that pace (all at the main warehouse), is
     * ordered {@value #SELL_DOWN_DEMAND} times as often from now on and is not restocked until it sells out: its runway
     * falls within a week first, its stock to a few pieces later. And a card's price changes every 8–16 simulated
     * hours (one change in ten a slip into quarantine).
     */
    void showcaseForesight() {
        synchronized (shop) {
            Instant from = simNow.minus(Duration.ofDays(14));
            Map<Long, Integer> sold = new HashMap<>();
            for (OrderRecord order :
                    shop.orders(o -> !o.cancelled() && !o.date().isBefore(from))) {
                sold.merge(order.product().nmId(), 1, Integer::sum);
            }
            int best = 0;
            for (int i = 1; i < catalog.size(); i++) {
                long nmId = catalog.get(i).nmId();
                if (sold.getOrDefault(nmId, 0)
                        > sold.getOrDefault(catalog.get(best).nmId(), 0)) {
                    best = i;
                }
            }
            sellingDown = catalog.get(best);
            sellingDownShare = (cumulativePopularity[best] - (best == 0 ? 0 : cumulativePopularity[best - 1]))
                    / cumulativePopularity[cumulativePopularity.length - 1];
            int units = (int) Math.ceil(sold.getOrDefault(sellingDown.nmId(), 0) * SELL_DOWN_DAYS / 14);
            shop.stockLevels().forEach((key, level) -> {
                if (key.nmId() == sellingDown.nmId()) {
                    shop.restock(key, -level.quantity());
                }
            });
            List<Product.Size> sizes = sellingDown.sizes();
            for (int i = 0; i < sizes.size(); i++) {
                int share = units / sizes.size() + (i < units % sizes.size() ? 1 : 0);
                shop.restock(new StockKey(sellingDown.nmId(), sizes.get(i).chrtId(), Warehouse.MAIN.id()), share);
            }
            schedulePriceChange();
        }
    }

    /** The product {@link #showcaseForesight} sells down, until it sold out; null without one. */
    Product sellingDown() {
        synchronized (shop) {
            return sellingDown;
        }
    }

    private void schedulePriceChange() {
        schedule(after(Duration.ofMinutes(8 * 60 + pricing.nextInt(8 * 60))), stamp -> {
            changePrice(
                    catalog.get(pricing.nextInt(catalog.size())).nmId(),
                    5 + pricing.nextInt(11),
                    pricing.nextInt(10) == 0);
            schedulePriceChange();
        });
    }

    /** Schedules a follow-up (a return reaching its warehouse, a buyout…) on the simulated timeline. */
    void scheduleAfter(Duration delay, Consumer<Instant> action) {
        synchronized (shop) {
            schedule(after(delay), action);
        }
    }

    private void advance(Instant target) {
        while (simNow.isBefore(target)) {
            Instant nextHour = simNow.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant chunkEnd = nextHour.isBefore(target) ? nextHour : target;
            scheduleDailyJobs();
            scheduleArrivals(simNow, chunkEnd);
            while (!pending.isEmpty() && pending.peek().at().isBefore(chunkEnd)) {
                Pending next = pending.poll();
                run(next);
            }
            simNow = chunkEnd;
        }
    }

    private void run(Pending event) {
        Instant stamp = live ? shop.now() : event.at().truncatedTo(ChronoUnit.SECONDS);
        eventTime = event.at();
        try {
            event.action().accept(stamp);
        } catch (IllegalStateException stateChangedByScript) {
            // A scripted call already moved this order on (cancelled, bought out…): the planned step no longer applies.
        } finally {
            eventTime = null;
        }
    }

    private void schedule(Instant at, Consumer<Instant> action) {
        pending.add(new Pending(at, pendingSeq++, action));
    }

    private void scheduleArrivals(Instant from, Instant to) {
        double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
        double lambda = ordersPerDay / 24 * HOUR_WEIGHTS[MskTime.mskHour(from)] / MEAN_HOUR_WEIGHT * hours;
        int count = poisson(lambda);
        long spanMillis = Math.max(1, Duration.between(from, to).toMillis());
        for (int i = 0; i < count; i++) {
            schedule(from.plusMillis((long) (random.nextDouble() * spanMillis)), this::newOrder);
        }
        if (sellingDown != null) {
            Product product = sellingDown;
            int extra = poisson(lambda * sellingDownShare * (SELL_DOWN_DEMAND - 1));
            for (int i = 0; i < extra; i++) {
                schedule(from.plusMillis((long) (random.nextDouble() * spanMillis)), stamp -> newOrder(product, stamp));
            }
        }
    }

    private void scheduleDailyJobs() {
        LocalDate day = MskTime.mskDate(simNow);
        if (day.equals(scheduledDay)) {
            return;
        }
        scheduledDay = day;
        Instant midnight = day.atStartOfDay(MskTime.MOSCOW).toInstant();
        scheduleIfAhead(midnight.plus(Duration.ofMinutes(9 * 60 + random.nextInt(180))), stamp -> restockLowSizes());
        if (random.nextInt(100) < 30) {
            scheduleIfAhead(midnight.plus(Duration.ofMinutes(13 * 60 + random.nextInt(240))), stamp -> transfer());
        }
        int questions = random.nextInt(5);
        for (int i = 0; i < questions; i++) {
            Product product = catalog.get(pickProductIndex());
            scheduleIfAhead(
                    midnight.plus(Duration.ofMinutes(8 * 60 + random.nextInt(15 * 60))),
                    stamp -> question(product, stamp));
        }
        if (random.nextInt(100) < 15) {
            long nmId = catalog.get(random.nextInt(catalog.size())).nmId();
            scheduleIfAhead(
                    midnight.plus(Duration.ofMinutes(10 * 60 + random.nextInt(480))),
                    stamp -> shop.touchCard(nmId, stamp));
        }
        if (pricing.nextInt(100) < 30) {
            long nmId = catalog.get(pricing.nextInt(catalog.size())).nmId();
            boolean slip = pricing.nextInt(10) == 0;
            int step = 5 + pricing.nextInt(11);
            scheduleIfAhead(
                    midnight.plus(Duration.ofMinutes(11 * 60 + pricing.nextInt(420))),
                    stamp -> changePrice(nmId, step, slip));
        }
    }

    private void scheduleIfAhead(Instant at, Consumer<Instant> action) {
        if (!at.isBefore(simNow)) {
            schedule(at, action);
        }
    }

    private void newOrder(Instant stamp) {
        newOrder(catalog.get(pickProductIndex()), stamp);
    }

    private void newOrder(Product product, Instant stamp) {
        Product.Size size = product.sizes().get(random.nextInt(product.sizes().size()));
        Warehouse warehouse = pickStockedWarehouse(product, size);
        if (warehouse == null) {
            return; // sold out everywhere: the demand is lost, as on the real marketplace
        }
        OrderRecord order = shop.placeOrderAt(product, size, warehouse, stamp);
        String srid = order.srid();
        int fate = random.nextInt(100);
        if (fate < 9) {
            schedule(
                    after(Duration.ofMinutes(20 + random.nextInt(30 * 60))),
                    at -> shop.cancelAt(srid, at, ShopRecords.CancelType.APP));
        } else if (fate < 13) {
            // Not picked up from the pickup point: WB cancels it after the storage period.
            schedule(
                    after(Duration.ofHours(5 * 24 + random.nextInt(72))),
                    at -> shop.cancelAt(srid, at, ShopRecords.CancelType.EXPIRE));
        } else {
            schedule(after(Duration.ofMinutes(2 * 24 * 60 + random.nextInt(5 * 24 * 60))), at -> afterBuyout(srid, at));
        }
    }

    private void afterBuyout(String srid, Instant stamp) {
        shop.buyoutAt(srid, stamp);
        if (random.nextInt(100) < 6) {
            // every fourth return is of a faulty item; decided by the srid so the random sequence stays as it was
            boolean defective = Math.floorMod(srid.hashCode(), 4) == 0;
            schedule(after(Duration.ofHours(48 + random.nextInt(12 * 24))), at -> shop.returnAt(srid, at, defective));
        }
        if (random.nextInt(100) < 22) {
            OrderRecord order = shop.order(srid);
            schedule(after(Duration.ofHours(24 + random.nextInt(9 * 24))), at -> review(order, at));
        }
    }

    private void review(OrderRecord order, Instant stamp) {
        int rating = ReviewTexts.rating(random);
        String id = shop.addReviewAt(
                        order.product(), order.size().techSize(), rating, ReviewTexts.texts(random, rating), stamp)
                .id();
        if (random.nextInt(100) < 75) {
            schedule(
                    after(Duration.ofMinutes(60 + random.nextInt(47 * 60))), at -> shop.answerReviewUnlessAnswered(id));
        }
    }

    private void question(Product product, Instant stamp) {
        String id =
                shop.addQuestionAt(product, ReviewTexts.question(random), stamp).id();
        if (random.nextInt(100) < 70) {
            schedule(
                    after(Duration.ofMinutes(120 + random.nextInt(28 * 60))),
                    at -> shop.answerQuestionUnlessAnswered(id));
        }
    }

    private void restockLowSizes() {
        Map<StockKey, Integer> totals = new HashMap<>();
        shop.stockLevels()
                .forEach((key, level) ->
                        totals.merge(new StockKey(key.nmId(), key.chrtId(), 0), level.quantity(), Integer::sum));
        if (sellingDown != null) {
            long nmId = sellingDown.nmId();
            boolean soldOut = totals.entrySet().stream()
                    .filter(e -> e.getKey().nmId() == nmId)
                    .allMatch(e -> e.getValue() <= 0);
            if (!soldOut) {
                totals.keySet().removeIf(size -> size.nmId() == nmId);
            } else {
                sellingDown = null; // sold out: restocked from today, and sells as usual again
            }
        }
        totals.forEach((size, total) -> {
            if (total < RESTOCK_BELOW) {
                Warehouse warehouse =
                        random.nextBoolean() ? Warehouse.MAIN : Warehouse.ALL.get(random.nextInt(Warehouse.ALL.size()));
                shop.restock(new StockKey(size.nmId(), size.chrtId(), warehouse.id()), 40 + random.nextInt(111));
            }
        });
    }

    /**
     * The seller (or a promotion) moves a card's discount up or down by {@code step} points; now and then a slip
     * uploads a quarter of the price, which WB puts in quarantine.
     */
    private void changePrice(long nmId, int step, boolean slip) {
        SandboxShop.PriceLevel now = shop.price(nmId);
        if (slip) {
            shop.setPrice(nmId, Math.max(1, now.price() / 4), now.discount());
            return;
        }
        int discount = now.discount() + step <= 70 ? now.discount() + step : Math.max(0, now.discount() - step);
        shop.setPrice(nmId, now.price(), discount);
    }

    /** WB moves part of a stock row to another warehouse: one row falls, another rises. */
    private void transfer() {
        List<Map.Entry<StockKey, StockLevel>> candidates = shop.stockLevels().entrySet().stream()
                .filter(e -> e.getValue().quantity() >= 10)
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        StockKey from = candidates.get(random.nextInt(candidates.size())).getKey();
        List<Warehouse> targets =
                Warehouse.ALL.stream().filter(w -> w.id() != from.warehouseId()).toList();
        Warehouse to = targets.get(random.nextInt(targets.size()));
        int quantity = shop.stockLevels().get(from).quantity() * (20 + random.nextInt(31)) / 100;
        shop.move(from, new StockKey(from.nmId(), from.chrtId(), to.id()), quantity);
    }

    private Warehouse pickStockedWarehouse(Product product, Product.Size size) {
        int[] quantities = new int[Warehouse.ALL.size()];
        int total = 0;
        for (int i = 0; i < quantities.length; i++) {
            quantities[i] = shop.quantity(new StockKey(
                    product.nmId(), size.chrtId(), Warehouse.ALL.get(i).id()));
            total += Math.max(0, quantities[i]);
        }
        if (total == 0) {
            return null;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < quantities.length; i++) {
            roll -= Math.max(0, quantities[i]);
            if (roll < 0) {
                return Warehouse.ALL.get(i);
            }
        }
        throw new IllegalStateException("unreachable: roll within total");
    }

    private int pickProductIndex() {
        double roll = random.nextDouble() * cumulativePopularity[cumulativePopularity.length - 1];
        int index = Arrays.binarySearch(cumulativePopularity, roll);
        return Math.min(index >= 0 ? index : -index - 1, cumulativePopularity.length - 1);
    }

    /** Follow-ups are timed from the simulated moment of the event being processed (or from the timeline's end). */
    private Instant after(Duration delay) {
        return (eventTime == null ? simNow : eventTime).plus(delay);
    }

    private int poisson(double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
