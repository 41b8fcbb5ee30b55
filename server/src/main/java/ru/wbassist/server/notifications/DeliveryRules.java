package ru.wbassist.server.notifications;

import java.time.Instant;
import java.util.Optional;
import ru.wbassist.api.Notifications;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventType;

/** Whether a user gets an event, and from when: the suppression reasons and quiet hours, as a pure function. */
public final class DeliveryRules {

    public static final String BOT_BLOCKED = "bot_blocked";
    public static final String NOTIFICATIONS_OFF = "notifications_off";
    public static final String TYPE_DISABLED = "type_disabled";
    public static final String RATING_ABOVE_THRESHOLD = "rating_above_threshold";
    public static final String PRODUCT_MUTED = "product_muted";

    private DeliveryRules() {}

    /** The reason the user is not told, or empty when they are. */
    public static Optional<String> suppression(
            EventType type,
            EventFacts facts,
            Notifications.Settings settings,
            boolean botBlocked,
            boolean productMuted) {
        if (botBlocked) {
            return Optional.of(BOT_BLOCKED);
        }
        if (!settings.notificationsEnabled()) {
            return Optional.of(NOTIFICATIONS_OFF);
        }
        if (!settings.wants(type.code())) {
            return Optional.of(TYPE_DISABLED);
        }
        if (facts instanceof EventFacts.Review review && review.rating() > settings.negativeReviewThreshold()) {
            return Optional.of(RATING_ABOVE_THRESHOLD);
        }
        if (productMuted) {
            return Optional.of(PRODUCT_MUTED);
        }
        return Optional.empty();
    }

    /** The earliest delivery: ordinary notifications wait for the end of quiet hours, urgent ones never wait. */
    public static Instant release(EventType type, Notifications.Settings settings, Instant now) {
        if (type.urgent()) {
            return now;
        }
        return NotificationSettings.quietHours(settings)
                .map(q -> q.releaseAt(now))
                .orElse(now);
    }
}
