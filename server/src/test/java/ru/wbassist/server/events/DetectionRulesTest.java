package ru.wbassist.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each detection rule on its own, without a database (EventDetectorTest runs them inside a sync's transaction). */
class DetectionRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-20T07:00:00Z");

    @Test
    void onlyProductsWhoseTotalChangedAreLookedAt() {
        Map<Long, Integer> before = Map.of(1L, 10, 2L, 5, 3L, 7);
        Map<Long, Integer> after = Map.of(1L, 10, 2L, 4, 4L, 3);

        // 1 unchanged; 2 fell; 3 vanished from the report (0 now); 4 is new
        assertThat(DetectionRules.changedTotals(before, after)).containsExactly(2L, 3L, 4L);
        assertThat(DetectionRules.changedTotals(Map.of(5L, 0), Map.of())).isEmpty();
    }

    @Test
    void aReviewIsAnEventWhenItIsNegativeForTheLoosestMember() {
        List<CabinetMember> members = List.of(new CabinetMember(1, 2, 5, 7), new CabinetMember(2, 4, 5, 7));
        int loosest = DetectionRules.loosestReviewThreshold(members);

        assertThat(loosest).isEqualTo(4);
        assertThat(DetectionRules.negativeForSomeone(4, loosest)).isTrue();
        assertThat(DetectionRules.negativeForSomeone(5, loosest)).isFalse();
        assertThat(DetectionRules.negativeForSomeone(1, DetectionRules.loosestReviewThreshold(List.of())))
                .as("nobody to tell")
                .isFalse();
    }

    @Test
    void aProductThresholdOverridesTheUsersOwn() {
        CabinetMember member = new CabinetMember(1, 3, 5, 7);

        assertThat(DetectionRules.stockThreshold(member, null)).isEqualTo(5);
        assertThat(DetectionRules.stockThreshold(member, 20)).isEqualTo(20);
        assertThat(DetectionRules.stockThreshold(member, 0)).isZero();
    }

    @Test
    void eachFallOfAProductIsItsOwnEvent() {
        assertThat(DetectionRules.criticalStockId(100500, 0)).isEqualTo("100500#1");
        assertThat(DetectionRules.criticalStockId(100500, 1)).isEqualTo("100500#2");
    }

    @Test
    void aKeyInvalidationIsNamedByItsStartSoRepeatedFailuresTellOnce() {
        Instant since = NOW.minus(Duration.ofHours(2));

        assertThat(DetectionRules.keyInvalidId(since))
                .isEqualTo(DetectionRules.keyInvalidId(Instant.parse(since.toString())))
                .isNotEqualTo(DetectionRules.keyInvalidId(NOW));
    }

    @Test
    void anExpiringKeyGetsOneNoticeAtThreeDaysAndOneAtOneDay() {
        Instant expires = NOW.plus(Duration.ofDays(10));

        assertThat(DetectionRules.expiryNoticeDays(NOW, expires)).isEmpty();
        assertThat(DetectionRules.expiryNoticeDays(
                        expires.minus(Duration.ofDays(3)).minusSeconds(1), expires))
                .isEmpty();
        assertThat(DetectionRules.expiryNoticeDays(expires.minus(Duration.ofDays(3)), expires))
                .hasValue(3);
        assertThat(DetectionRules.expiryNoticeDays(
                        expires.minus(Duration.ofDays(1)).minusSeconds(1), expires))
                .hasValue(3);
        assertThat(DetectionRules.expiryNoticeDays(expires.minus(Duration.ofDays(1)), expires))
                .hasValue(1);
        assertThat(DetectionRules.expiryNoticeDays(expires, expires)).hasValue(1);
        assertThat(DetectionRules.expiryNoticeDays(expires.plusSeconds(1), expires))
                .as("expired: WB's 401 tells")
                .isEmpty();

        assertThat(DetectionRules.keyExpiringId(3, expires))
                .isNotEqualTo(DetectionRules.keyExpiringId(1, expires))
                .isEqualTo(DetectionRules.keyExpiringId(3, expires));
        assertThat(DetectionRules.keyExpiringId(3, expires))
                .isNotEqualTo(DetectionRules.keyExpiringId(3, expires.plus(Duration.ofDays(180))));
    }
}
