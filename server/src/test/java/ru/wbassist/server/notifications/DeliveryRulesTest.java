package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Notifications;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventType;

/** Who is told about an event, and from when, without a database (the fan-out applies these per user). */
class DeliveryRulesTest {

    private static final Notifications.Settings DEFAULTS = NotificationSettings.defaults("ru");
    /** 23:30 in Moscow. */
    private static final Instant LATE_EVENING = Instant.parse("2026-05-20T20:30:00Z");

    @Test
    void aUserWithTheDefaultsIsToldEverything() {
        for (EventType type : EventType.values()) {
            if (type != EventType.DAILY_DIGEST) {
                assertThat(DeliveryRules.suppression(type, null, DEFAULTS, false, false))
                        .as(type.code())
                        .isEmpty();
            }
        }
        assertThat(DeliveryRules.suppression(EventType.DAILY_DIGEST, null, DEFAULTS, false, false))
                .as("no digest until the user picks a time")
                .hasValue(DeliveryRules.TYPE_DISABLED);
        assertThat(DeliveryRules.suppression(EventType.STOCK_RUNWAY, null, DEFAULTS, false, true))
                .hasValue(DeliveryRules.PRODUCT_MUTED);
    }

    @Test
    void theReasonsComeInOrderBlockedThenEverythingOffThenTheTypeOff() {
        Notifications.Settings allOff = new Notifications.Settings(
                false, false, true, true, true, true, true, true, true, true, false, 5, 300, 3, 5, 7, null, null, null,
                "ru");

        assertThat(DeliveryRules.suppression(EventType.NEW_ORDER, null, allOff, true, false))
                .hasValue(DeliveryRules.BOT_BLOCKED);
        assertThat(DeliveryRules.suppression(EventType.NEW_ORDER, null, allOff, false, false))
                .hasValue(DeliveryRules.NOTIFICATIONS_OFF);
        assertThat(DeliveryRules.suppression(EventType.NEW_ORDER, null, withAllOn(allOff), false, false))
                .hasValue(DeliveryRules.TYPE_DISABLED);
        assertThat(DeliveryRules.suppression(EventType.KEY_INVALID, null, withAllOn(allOff), false, false))
                .as("key problems have no switch of their own")
                .isEmpty();
    }

    @Test
    void aReviewAboveTheUsersThresholdIsNotNegativeForThem() {
        assertThat(DeliveryRules.suppression(EventType.NEGATIVE_REVIEW, review(3), DEFAULTS, false, false))
                .isEmpty();
        assertThat(DeliveryRules.suppression(EventType.NEGATIVE_REVIEW, review(4), DEFAULTS, false, false))
                .hasValue(DeliveryRules.RATING_ABOVE_THRESHOLD);
    }

    @Test
    void quietHoursHoldOrdinaryEventsButNotUrgentOnes() {
        Notifications.Settings quiet = new Notifications.Settings(
                true, true, true, true, true, true, true, true, true, true, false, 5, 300, 3, 5, 7, "23:00", "08:00",
                null, "ru");
        Instant eightMoscow = Instant.parse("2026-05-21T05:00:00Z");

        assertThat(DeliveryRules.release(EventType.NEW_ORDER, quiet, LATE_EVENING))
                .isEqualTo(eightMoscow);
        assertThat(DeliveryRules.release(EventType.CRITICAL_STOCK, quiet, LATE_EVENING))
                .isEqualTo(LATE_EVENING);
        assertThat(DeliveryRules.release(EventType.NEW_ORDER, DEFAULTS, LATE_EVENING))
                .isEqualTo(LATE_EVENING);
    }

    private static Notifications.Settings withAllOn(Notifications.Settings s) {
        return new Notifications.Settings(
                true,
                s.newOrdersEnabled(),
                s.orderBuyoutsEnabled(),
                s.orderCancellationsEnabled(),
                s.orderReturnsEnabled(),
                s.negativeReviewsEnabled(),
                s.criticalStocksEnabled(),
                s.stockRunwayEnabled(),
                s.priceChangesEnabled(),
                s.newQuestionsEnabled(),
                s.groupingEnabled(),
                s.maxGroupSize(),
                s.groupTimeout(),
                s.negativeReviewThreshold(),
                s.criticalStockThreshold(),
                s.runwayDays(),
                s.quietHoursStart(),
                s.quietHoursEnd(),
                s.digestTime(),
                s.language());
    }

    private static EventFacts.Review review(int rating) {
        return new EventFacts.Review(
                "r1", 42, "Футболка", "TS-1", rating, "text", null, null, "Анна", LATE_EVENING, null);
    }
}
