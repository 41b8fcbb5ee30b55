package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's shop (seed 42, 30 days of history, 240×, as {@code ./run.sh} starts it) shows the foresight features
 * within minutes, whatever the hour it starts at: its best seller's runway falls within the server's default 7-day
 * horizon first and its stock to the critical threshold (5) minutes later, and a price changes early. Judged with the
 * server's runway arithmetic (non-cancelled orders of the last 14 × 24 h), on a clock the test moves.
 */
class ShowcaseTest {

    private static final Duration STEP = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T00:00:00Z", "2026-12-07T09:00:00Z", "2026-12-07T19:30:00Z"})
    void aBestSellerSellsDownIntoTheRunwayHorizonLongBeforeItIsCriticalAndPricesChangeEarly(String start) {
        MutableClock clock = new MutableClock(Instant.parse(start));
        try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(42)
                .historyDays(30)
                .acceleration(240)
                .relaxedLimits(true)
                .clock(clock))) {
            SandboxSeller seller = sandbox.createSeller("Демо-магазин");
            SandboxShop shop = seller.shop();
            Map<Long, SandboxShop.PriceLevel> prices = new HashMap<>();
            shop.products().forEach(p -> prices.put(p.nmId(), shop.price(p.nmId())));
            List<SandboxShop.Quarantined> held = shop.quarantined(); // the history's slips
            sandbox.showcaseForesight(seller);
            Product product = sandbox.simulator(seller).sellingDown();
            assertThat(product).isNotNull();
            assertThat(withinAWeek(shop, product, clock.instant()))
                    .as("starts above the horizon")
                    .isFalse();

            Duration runway = null;
            Duration critical = null;
            Duration priceChange = null;
            for (Duration t = STEP; t.compareTo(Duration.ofMinutes(20)) <= 0; t = t.plus(STEP)) {
                clock.advance(STEP);
                sandbox.simulator(seller).tick(clock.instant());
                if (runway == null && withinAWeek(shop, product, clock.instant())) {
                    runway = t;
                }
                if (critical == null && total(shop, product) <= 5) {
                    critical = t;
                }
                if (priceChange == null
                        && (!shop.quarantined().equals(held)
                                || shop.products().stream()
                                        .anyMatch(p -> !shop.price(p.nmId()).equals(prices.get(p.nmId()))))) {
                    priceChange = t;
                }
            }
            assertThat(runway).as("runway within 7 days").isNotNull().isLessThanOrEqualTo(Duration.ofMinutes(3));
            assertThat(critical)
                    .as("critical stock")
                    .isNotNull()
                    .isLessThanOrEqualTo(Duration.ofMinutes(15))
                    .isGreaterThanOrEqualTo(runway.plus(Duration.ofMinutes(5)));
            assertThat(priceChange).as("first price change").isNotNull().isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
    }

    /** The server's rule: total × 14 ≤ runway days × non-cancelled orders of the last 14 × 24 h. */
    private static boolean withinAWeek(SandboxShop shop, Product product, Instant now) {
        Instant from = now.minus(Duration.ofDays(14));
        long orders = shop.orders(o -> o.product().nmId() == product.nmId()
                        && !o.cancelled()
                        && !o.date().isBefore(from))
                .size();
        return orders > 0 && total(shop, product) * 14L <= 7L * orders;
    }

    private static int total(SandboxShop shop, Product product) {
        return shop.stockLevels().entrySet().stream()
                .filter(e -> e.getKey().nmId() == product.nmId())
                .mapToInt(e -> e.getValue().quantity())
                .sum();
    }
}
