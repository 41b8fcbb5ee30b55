package ru.wbassist.server.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The detection rules that need no database, apart from {@link StockWatch}: which stored rows become events, and the
 * external ids that make each event happen once. {@link EventDetector} applies them inside the sync's transaction.
 */
public final class DetectionRules {

    private static final Duration ONE_DAY = Duration.ofDays(1);
    private static final Duration THREE_DAYS = Duration.ofDays(3);

    private DetectionRules() {}

    /** The products whose total stock changed; a product missing on one side has 0 there. */
    static Set<Long> changedTotals(Map<Long, Integer> before, Map<Long, Integer> after) {
        Set<Long> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        Set<Long> changed = new TreeSet<>();
        for (Long nmId : all) {
            if (before.getOrDefault(nmId, 0).intValue()
                    != after.getOrDefault(nmId, 0).intValue()) {
                changed.add(nmId);
            }
        }
        return changed;
    }

    /**
     * The highest negative-review threshold among the members (0 without members): a review rated at or below it is
     * an event, and the fan-out suppresses it for members with a stricter threshold.
     */
    static int loosestReviewThreshold(List<CabinetMember> members) {
        return members.stream()
                .mapToInt(CabinetMember::negativeReviewThreshold)
                .max()
                .orElse(0);
    }

    static boolean negativeForSomeone(int rating, int loosestThreshold) {
        return rating <= loosestThreshold;
    }

    /** A member's critical-stock threshold for one product: their per-product one when set, else their general one. */
    static int stockThreshold(CabinetMember member, Integer productThreshold) {
        return productThreshold != null ? productThreshold : member.criticalStockThreshold();
    }

    /** The n-th fall of a product below a threshold is its own event: {@code <nmId>#<n>}. */
    static String criticalStockId(long nmId, long earlierFalls) {
        return nmId + "#" + (earlierFalls + 1);
    }

    /** Named by the invalidation's start, so it is told once however many syncs fail meanwhile. */
    static String keyInvalidId(Instant invalidSince) {
        return "invalid@" + invalidSince.toEpochMilli();
    }

    /** One notice per threshold (3 days, 1 day) and key expiry. */
    static String keyExpiringId(int daysLeft, Instant expiresAt) {
        return "expiring:" + daysLeft + "@" + expiresAt.getEpochSecond();
    }

    /**
     * The expiry notice due now: 1 when the key expires within a day, 3 within three days, none when it expires later
     * or has expired (WB's 401 tells that).
     */
    public static OptionalInt expiryNoticeDays(Instant now, Instant expiresAt) {
        Duration left = Duration.between(now, expiresAt);
        if (left.isNegative() || left.compareTo(THREE_DAYS) > 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(left.compareTo(ONE_DAY) <= 0 ? 1 : 3);
    }
}
