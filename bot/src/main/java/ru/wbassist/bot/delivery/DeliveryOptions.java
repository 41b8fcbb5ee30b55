package ru.wbassist.bot.delivery;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tuning of the delivery engine.
 *
 * @param ratePerSecond   message sends started per second for the whole bot (TELEGRAM_RATE, below Telegram's ~30)
 * @param perChatInterval least time between the starts of two sends to one chat (Telegram: about one per second)
 * @param lease           how long the server keeps claimed items for this bot before handing them out again
 * @param longPollWait    how long one claim waits on the server for new items
 * @param claimBatch      items per claim
 * @param maxQueued       no claim while this many items wait here
 * @param retryPause      pause after the server could not be reached (grows to POLLING_INTERVAL)
 * @param maxInFlight     concurrent sends. Sends start at the rate whatever their round trip takes, so this many cover
 *                        round trips up to maxInFlight / rate seconds without losing pace; the default covers 2 s
 *                        (and is never below 16)
 * @param journal         the {@link DeliveryJournal} file, or null for none (then a kill between Telegram's answer
 *                        and the ack may duplicate that message)
 */
public record DeliveryOptions(
        double ratePerSecond,
        Duration perChatInterval,
        Duration lease,
        Duration longPollWait,
        int claimBatch,
        int maxQueued,
        Duration retryPause,
        int maxInFlight,
        Path journal) {

    public static DeliveryOptions defaults(double ratePerSecond, Duration pollingInterval, Duration lease) {
        return new DeliveryOptions(
                ratePerSecond,
                Duration.ofSeconds(1),
                lease,
                Duration.ofSeconds(25),
                100,
                (int) Math.max(100, ratePerSecond * 20),
                pollingInterval,
                (int) Math.max(16, Math.ceil(ratePerSecond * 2)),
                null);
    }

    public DeliveryOptions withJournal(Path file) {
        return new DeliveryOptions(
                ratePerSecond,
                perChatInterval,
                lease,
                longPollWait,
                claimBatch,
                maxQueued,
                retryPause,
                maxInFlight,
                file);
    }
}
