package ru.wbassist.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;

/** Every detection rule through the EventSink, with rows written as the sync writes them; H2 and PostgreSQL. */
class EventDetectorTest {

    static final Instant NOON_MSK = Instant.parse("2026-11-27T09:00:00Z");
    private DetectionFixture f;

    private DetectionFixture start(DatabaseConfig.Vendor vendor) {
        f = new DetectionFixture(TestDatabases.fresh(vendor), new MutableClock(NOON_MSK));
        return f;
    }

    @AfterEach
    void stop() {
        f.db.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void newOrderReachesEveryUserOfTheCabinetWithTheFullCard(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Магазин", anna, boris);
        f.product(shop, 100, "Платье <летнее>", "DRESS-1");
        f.orders(shop, List.of("o-earlier"), 100, NOON_MSK.minusSeconds(3600));
        f.order(shop, "o-1", 100);

        assertThat(f.notifications(anna)).containsExactly("new_order:pending", "new_order:pending");
        assertThat(f.notifications(boris)).containsExactly("new_order:pending", "new_order:pending");
        String text = f.lastText(anna);
        assertThat(text)
                .contains("Платье &lt;летнее&gt;")
                .contains("DRESS-1")
                .contains("Размер: M")
                .contains("Коледино → Московская")
                .contains("Сегодня: 2 зак. на 3\u00a0000 ₽")
                .contains("Магазин");
        String image = f.db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT image_url FROM notification_history WHERE user_id = ?" + " ORDER BY id DESC LIMIT 1",
                        rs -> rs.getString(1),
                        anna)
                .orElseThrow());
        assertThat(image).isEqualTo(DetectionFixture.PHOTO.formatted(100));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void reportingTheSameRowsAgainCreatesNothing(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        f.order(shop, "o-1", 100);
        f.db.inTransaction(c -> {
            f.sink.ordersStored(c, shop, List.of("o-1"), List.of());
            f.sink.ordersStored(c, shop, List.of("o-1"), List.of());
            return null;
        });
        f.review(shop, "r-1", 100, 1, "плохо");
        PriceLevel was = new PriceLevel(new BigDecimal("2000"), 10, new BigDecimal("1800"), null, null);
        PriceLevel is = new PriceLevel(new BigDecimal("2000"), 25, new BigDecimal("1500"), null, null);
        f.db.inTransaction(c -> {
            f.sink.pricesStored(c, shop, Map.of(100L, was), Map.of(100L, is));
            f.sink.pricesStored(c, shop, Map.of(100L, was), Map.of(100L, is));
            f.sink.reviewsStored(c, shop, List.of("r-1"));
            f.sink.keyExpiring(c, shop, 3, NOON_MSK.plus(Duration.ofDays(3)));
            f.sink.keyExpiring(c, shop, 3, NOON_MSK.plus(Duration.ofDays(3)));
            return null;
        });
        assertThat(f.count("events")).isEqualTo(4);
        assertThat(f.notifications(anna))
                .containsExactly(
                        "new_order:pending",
                        "negative_review:pending",
                        "price_changed:pending",
                        "key_expiring:pending");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void cancellationBuyoutAndReturnEachFire(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        f.order(shop, "o-1", 100);
        f.cancel(shop, "o-1");
        f.cancel(shop, "o-1");
        f.sale(shop, "S123", 100);
        f.sale(shop, "R456", 100);
        assertThat(f.notifications(anna))
                .containsExactly(
                        "new_order:pending",
                        "order_cancellation:pending",
                        "order_buyout:pending",
                        "order_return:pending");
        assertThat(f.lastText(anna)).contains("Возврат").contains("К перечислению: 1\u00a0200 ₽");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void negativeReviewFollowsEachUsersThreshold(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Shop", anna, boris);
        f.settings(boris, "negative_review_threshold = ?", 2);
        f.review(shop, "r-2", 100, 2, "порвалось");
        f.review(shop, "r-3", 100, 3, "так себе");
        f.review(shop, "r-5", 100, 5, "отлично");
        assertThat(f.notifications(anna)).containsExactly("negative_review:pending", "negative_review:pending");
        assertThat(f.notifications(boris))
                .containsExactly("negative_review:pending", "negative_review:skipped:rating_above_threshold");
        assertThat(f.count("events")).isEqualTo(2);
        assertThat(f.lastText(anna)).contains("★★★☆☆").contains("так себе").contains("Маломерит");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void criticalStockFiresOncePerFallIgnoresTransfersAndReArms(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        f.product(shop, 100, "Кеды", "K-1");
        f.stock(shop, 100, Map.of("Коледино", 8, "Казань", 4)); // 12
        f.stock(shop, 100, Map.of("Коледино", 4, "Казань", 3)); // 7: above 5
        assertThat(f.notifications(anna)).isEmpty();
        f.stock(shop, 100, Map.of("Коледино", 2, "Казань", 3)); // 5: fires
        assertThat(f.notifications(anna)).containsExactly("critical_stock:pending");
        assertThat(f.lastText(anna))
                .contains("Осталось: <b>5 шт.</b> (было 7)")
                .contains("• Казань: 3")
                .contains("• Коледино: 2");
        f.stock(shop, 100, Map.of("Коледино", 1, "Казань", 3)); // 4: already told
        f.stock(shop, 100, Map.of("Коледино", 4)); // transfer Казань → Коледино: total 4 unchanged
        f.stock(shop, 100, Map.of("Коледино", 3, "Тула", 1)); // transfer via another warehouse
        assertThat(f.notifications(anna)).hasSize(1);
        f.stock(shop, 100, Map.of("Коледино", 30)); // restock: re-arms
        f.stock(shop, 100, Map.of("Коледино", 3)); // falls again: fires again
        assertThat(f.notifications(anna)).containsExactly("critical_stock:pending", "critical_stock:pending");
        assertThat(f.count("events")).isEqualTo(2);
    }

    /** 2 order lines a day over the last 14 days (28), plus cancelled ones that must not count. */
    private void sellsTwoADay(long shop, long nmId) {
        f.db.inTransaction(c -> {
            for (int i = 0; i < 28; i++) {
                DetectionFixture.insertOrder(
                        c, shop, "pace-" + nmId + "-" + i, nmId, NOON_MSK.minus(Duration.ofHours(12 * i + 1)));
            }
            for (int i = 0; i < 10; i++) {
                DetectionFixture.insertOrder(
                        c, shop, "cancelled-" + nmId + "-" + i, nmId, NOON_MSK.minusSeconds(60 + i));
                Sql.update(
                        c,
                        "UPDATE wb_orders SET is_cancel = TRUE WHERE cabinet_id = ? AND srid = ?",
                        shop,
                        "cancelled-" + nmId + "-" + i);
            }
            DetectionFixture.insertOrder(c, shop, "old-" + nmId, nmId, NOON_MSK.minus(Duration.ofDays(15)));
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aNewOrderTellsTheStockLeftItsRunwayAndTheBuyoutRateOfThirtyDays(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        f.product(shop, 100, "Кеды", "K-1");
        sellsTwoADay(shop, 100);
        f.stock(shop, 100, Map.of("Коледино", 20, "Казань", 4));
        f.sale(shop, "S1", 100);
        f.sale(shop, "S2", 100);
        f.sale(shop, "S3", 100);
        f.sale(shop, "R1", 100);
        f.db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO wb_sales (cabinet_id, sale_id, nm_id, sale_date, last_change_date,"
                        + " sale_type) VALUES (?,?,?,?,?,?)",
                shop,
                "S-old",
                100L,
                NOON_MSK.minus(Duration.ofDays(31)),
                NOON_MSK,
                "buyout"));
        f.order(shop, "o-new", 100); // 29 orders in 14 days: 24 / (29 / 14) = 11.6 days
        assertThat(f.lastText(anna))
                .contains("Новый заказ")
                .contains("Остаток: 24 шт. (≈ на 11,6 дн.)")
                .contains("Выкуп за 30 дн.: 75%");
        f.order(shop, "o-other", 200); // no stock rows, no sales: neither line
        assertThat(f.lastText(anna))
                .contains("Новый заказ")
                .doesNotContain("Остаток")
                .doesNotContain("Выкуп за");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void runwayFiresAtEachUsersHorizonOncePerCrossingAndReArmsOnRestock(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Shop", anna, boris);
        f.settings(boris, "runway_days = ?", 3);
        f.product(shop, 100, "Кеды", "K-1");
        sellsTwoADay(shop, 100);
        f.stock(shop, 100, Map.of("Коледино", 40)); // 20 days
        f.stock(shop, 100, Map.of("Коледино", 16)); // 8 days: above both horizons
        assertThat(f.notifications(anna)).isEmpty();
        f.stock(shop, 100, Map.of("Коледино", 10, "Казань", 4)); // 14 = 7 days: anna's horizon
        assertThat(f.notifications(anna)).containsExactly("stock_runway:pending");
        assertThat(f.notifications(boris)).isEmpty();
        assertThat(f.lastText(anna))
                .contains("Скоро закончится")
                .contains("Кеды")
                .contains("≈ 7 дней: 14 шт., ~2 в день");
        f.stock(shop, 100, Map.of("Коледино", 12)); // 6 days: anna was told already
        f.stock(shop, 100, Map.of("Коледино", 6)); // 3 days: boris's horizon
        assertThat(f.notifications(anna)).hasSize(1);
        assertThat(f.notifications(boris)).containsExactly("stock_runway:pending");
        assertThat(f.lastText(boris)).contains("≈ 3 дня: 6 шт., ~2 в день");
        f.stock(shop, 100, Map.of("Коледино", 12)); // a partial restock to 6 days: still within anna's horizon
        f.stock(shop, 100, Map.of("Коледино", 8)); // 4 days: a fall, but anna was not re-armed; above boris's 3
        assertThat(f.notifications(anna)).hasSize(1);
        assertThat(f.notifications(boris)).hasSize(1);

        f.stock(shop, 100, Map.of("Коледино", 30)); // 15 days: re-arms both
        f.stock(shop, 100, Map.of("Коледино", 12)); // 6 days: anna again
        assertThat(f.notifications(anna)).containsExactly("stock_runway:pending", "stock_runway:pending");
        assertThat(f.notifications(boris)).hasSize(1);
        assertThat(f.count("events")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aCriticalProductIsNotAlsoAlertedForItsRunwayAndProductsWithoutOrdersHaveNone(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Shop", anna, boris);
        f.settings(boris, "stock_runway_enabled = ?", false);
        sellsTwoADay(shop, 100);
        f.stock(shop, 100, Map.of("Коледино", 40));
        f.stock(shop, 200, Map.of("Коледино", 40)); // no orders at all
        f.stock(shop, 100, Map.of("Коледино", 4)); // critical (≤ 5) and 2 days: critical only
        f.stock(shop, 200, Map.of("Коледино", 4)); // critical only: no pace, no runway
        assertThat(f.notifications(anna)).containsExactly("critical_stock:pending", "critical_stock:pending");
        f.stock(shop, 100, Map.of("Коледино", 3)); // still critical: no runway alert later either
        assertThat(f.notifications(anna)).hasSize(2);

        f.stock(shop, 100, Map.of("Коледино", 40)); // restock re-arms both alerts
        f.stock(shop, 100, Map.of("Коледино", 10)); // 5 days, above the critical threshold: runway
        assertThat(f.notifications(anna))
                .containsExactly("critical_stock:pending", "critical_stock:pending", "stock_runway:pending");
        assertThat(f.notifications(boris))
                .containsExactly(
                        "critical_stock:pending", "critical_stock:pending", "stock_runway:skipped:type_disabled");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void criticalStockUsesPerUserAndPerProductThresholds(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Shop", anna, boris);
        f.settings(boris, "critical_stock_threshold = ?", 10);
        f.db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO product_stock_thresholds (user_id, cabinet_id, nm_id, threshold)" + " VALUES (?,?,?,?)",
                anna,
                shop,
                200L,
                1));
        f.stock(shop, 100, Map.of("Коледино", 20));
        f.stock(shop, 200, Map.of("Коледино", 20));
        f.stock(shop, 100, Map.of("Коледино", 8)); // boris (10) only
        f.stock(shop, 200, Map.of("Коледино", 3)); // boris only: anna's override for 200 is 1
        f.stock(shop, 100, Map.of("Коледино", 5)); // anna (5)
        assertThat(f.notifications(anna)).containsExactly("critical_stock:pending");
        assertThat(f.notifications(boris)).containsExactly("critical_stock:pending", "critical_stock:pending");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void keyProblemsAreToldToEachUserOnce(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Shop", anna, boris);
        Instant expiry = NOON_MSK.plus(Duration.ofDays(3));
        f.db.inTransaction(c -> {
            f.sink.keyExpiring(c, shop, 3, expiry);
            f.sink.keyInvalid(c, shop, "401 token expired");
            return null;
        });
        f.clock.advance(Duration.ofMinutes(3));
        f.db.inTransaction(c -> {
            f.sink.keyExpiring(c, shop, 3, expiry);
            f.sink.keyExpiring(c, shop, 1, expiry);
            f.sink.keyInvalid(c, shop, "401 token expired");
            return null;
        });
        assertThat(f.notifications(anna))
                .containsExactly("key_expiring:pending", "key_invalid:pending", "key_expiring:pending");
        assertThat(f.notifications(boris)).hasSize(3);
        assertThat(f.lastText(boris)).contains("Осталось дней: 1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void sharedCabinetUsersGetWhatTheirSettingsAllowAndSuppressedRowsCarryReasons(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long vera = f.user(3);
        long gleb = f.user(4);
        long shop = f.cabinet("Shop", anna, boris, vera, gleb);
        f.settings(boris, "new_orders_enabled = ?", false);
        f.settings(vera, "notifications_enabled = ?", false);
        f.db.inTransaction(c -> Sql.update(c, "UPDATE users SET bot_blocked_at = ? WHERE id = ?", NOON_MSK, gleb));
        f.order(shop, "o-1", 100);
        f.sale(shop, "S1", 100);
        assertThat(f.notifications(anna)).containsExactly("new_order:pending", "order_buyout:pending");
        assertThat(f.notifications(boris)).containsExactly("new_order:skipped:type_disabled", "order_buyout:pending");
        assertThat(f.notifications(vera))
                .containsExactly("new_order:skipped:notifications_off", "order_buyout:skipped:notifications_off");
        assertThat(f.notifications(gleb))
                .containsExactly("new_order:skipped:bot_blocked", "order_buyout:skipped:bot_blocked");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aUserWhoJoinsLaterGetsOnlyLaterEvents(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long boris = f.user(2);
        long shop = f.cabinet("Shop", anna);
        f.order(shop, "o-1", 100);
        f.join(shop, boris);
        f.order(shop, "o-2", 100);
        assertThat(f.notifications(anna)).hasSize(2);
        assertThat(f.notifications(boris)).containsExactly("new_order:pending");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void quietHoursHoldOrdinaryNotificationsButNotUrgentOnes(DatabaseConfig.Vendor vendor) {
        start(vendor);
        f.clock.set(Instant.parse("2026-11-27T20:30:00Z")); // 23:30 MSK
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        f.settings(anna, "quiet_hours_start = ?, quiet_hours_end = ?", "22:00", "08:00");
        f.order(shop, "o-1", 100);
        f.stock(shop, 100, Map.of("Коледино", 9));
        f.stock(shop, 100, Map.of("Коледино", 2));
        List<Instant> releases = f.db.withConnection(c -> Sql.query(
                c,
                "SELECT deliver_after FROM notification_history" + " WHERE user_id = ? ORDER BY id",
                rs -> Sql.instant(rs, "deliver_after"),
                anna));
        assertThat(releases)
                .containsExactly(Instant.parse("2026-11-28T05:00:00Z"), Instant.parse("2026-11-27T20:30:00Z"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aCrashBeforeTheCursorAdvanceLeavesNothingHalfDone(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        assertThatThrownBy(() -> f.db.inTransaction(c -> {
                    DetectionFixture.insertOrder(c, shop, "o-1", 100, NOON_MSK);
                    f.sink.ordersStored(c, shop, List.of("o-1"), List.of());
                    throw new IllegalStateException("crash before the cursor advance");
                }))
                .hasMessageContaining("crash");
        assertThat(f.count("wb_orders")).isZero();
        assertThat(f.count("events")).isZero();
        assertThat(f.count("notification_history")).isZero();

        // The next sync fetches the same rows again from the old cursor: everything happens exactly once.
        f.orders(shop, List.of("o-1"), 100, NOON_MSK);
        assertThat(f.count("events")).isEqualTo(1);
        assertThat(f.notifications(anna)).containsExactly("new_order:pending");
    }
}
