package ru.wbassist.server.notifications;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * The {@code notifications:} section of application.yaml.
 *
 * @param maxAttempts     failed deliveries before an item becomes {@code failed}
 * @param retryBase       back-off after the first failure; doubled per further failure, capped at {@code retryMax}
 * @param recheckInterval how often a long-poll looks at the queue again without a signal (other server instances,
 *                        quiet hours ending, leases expiring)
 * @param commitWatch     how often committed fan-outs are looked for (the in-process wake-up)
 */
public record NotificationsConfig(int maxAttempts, Duration retryBase, Duration retryMax, Duration recheckInterval,
                                  Duration commitWatch, Duration digestCheck) {

    public static NotificationsConfig from(Config section) {
        return new NotificationsConfig(
                section.get("max-attempts").asInt().orElse(5),
                Duration.ofSeconds(section.get("retry-base-seconds").asLong().orElse(30L)),
                Duration.ofSeconds(section.get("retry-max-seconds").asLong().orElse(1800L)),
                Duration.ofMillis(section.get("recheck-interval-ms").asLong().orElse(1000L)),
                Duration.ofMillis(section.get("commit-watch-ms").asLong().orElse(20L)),
                Duration.ofSeconds(section.get("digest-check-seconds").asLong().orElse(20L)));
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
    public Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
