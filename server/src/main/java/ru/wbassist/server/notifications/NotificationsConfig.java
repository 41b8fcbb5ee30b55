package ru.wbassist.server.notifications;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * The {@code notifications:} section of application.yaml.
 *
 * @param maxAttempts     failed deliveries before an item becomes {@code failed}
 * @param retryBase       back-off after the first failure; doubled per further failure, capped at {@code retryMax}
 * @param dueCheck        how often one shared query looks for items that became deliverable by time (quiet hours
 *                        ending, back-off over, leases expiring) while long-polls wait
 * @param maxWaitingPolls long-polls that may wait at once; one more is refused with 503
 * @param digestCheck     how often each server looks for due daily digests
 */
public record NotificationsConfig(
        int maxAttempts,
        Duration retryBase,
        Duration retryMax,
        Duration dueCheck,
        int maxWaitingPolls,
        Duration digestCheck) {

    public static NotificationsConfig from(Config section) {
        return new NotificationsConfig(
                section.get("max-attempts").asInt().orElse(5),
                Duration.ofSeconds(section.get("retry-base-seconds").asLong().orElse(30L)),
                Duration.ofSeconds(section.get("retry-max-seconds").asLong().orElse(1800L)),
                Duration.ofMillis(section.get("due-check-ms").asLong().orElse(1000L)),
                section.get("max-waiting-polls").asInt().orElse(200),
                Duration.ofSeconds(section.get("digest-check-seconds").asLong().orElse(20L)));
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
    public Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
