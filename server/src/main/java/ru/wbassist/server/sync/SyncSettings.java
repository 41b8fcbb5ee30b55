package ru.wbassist.server.sync;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * How the sync runs: {@code interval} between the end of one run of a cabinet and the start of the next
 * (SYNC_INTERVAL); {@code overlap}, how far before the stored cursor each incremental fetch starts again, so rows WB
 * publishes late are not missed; {@code historyDays}, how far back the first (baseline) sync reads orders and sales.
 */
public record SyncSettings(
        boolean enabled, Duration interval, Duration overlap, int historyDays, int threads, Duration pollingInterval) {

    public static SyncSettings from(Config sync) {
        return new SyncSettings(
                sync.get("enabled").asBoolean().orElse(true),
                Duration.ofSeconds(sync.get("interval").asLong().orElse(180L)),
                Duration.ofMinutes(sync.get("overlap-minutes").asLong().orElse(60L)),
                sync.get("history-days").asInt().orElse(90),
                sync.get("threads").asInt().orElse(4),
                Duration.ofMillis(sync.get("poll-millis").asLong().orElse(2000L)));
    }
}
