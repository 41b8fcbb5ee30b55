package ru.wbassist.server.sync;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * The live order poll (docs/sync.md "Live orders"): {@code interval} from the end of one poll of a cabinet to the
 * next (FEED_INTERVAL; WB allows one request a minute); {@code overlap}, how far before the newest status time seen
 * each poll reads again (and how far back the first poll reads); {@code maxWait}, the longest a poll waits for WB's
 * limit before it is put off until WB allows a request.
 */
public record FeedSettings(boolean enabled, Duration interval, Duration overlap, Duration maxWait) {

    public FeedSettings {
        if (interval.toSeconds() < 5 || overlap.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("feed.interval must be at least 5 s; overlap and max-wait not negative");
        }
    }

    public static FeedSettings from(Config feed) {
        return new FeedSettings(
                feed.get("enabled").asBoolean().orElse(true),
                Duration.ofSeconds(feed.get("interval").asLong().orElse(60L)),
                Duration.ofSeconds(feed.get("overlap-seconds").asLong().orElse(600L)),
                Duration.ofSeconds(feed.get("max-wait-seconds").asLong().orElse(15L)));
    }
}
