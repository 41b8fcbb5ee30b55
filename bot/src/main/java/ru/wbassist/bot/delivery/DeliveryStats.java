package ru.wbassist.bot.delivery;

/**
 * The delivery engine's figures since start (counters) and now (the last three).
 *
 * @param sent           messages Telegram accepted
 * @param rateLimited    429 answers met; each item waits Telegram's retry_after and goes again
 * @param retried        failures the server retries later with back-off
 * @param givenUp        permanent failures (the user blocked the bot)
 * @param inFlight       sends on the wire
 * @param queued         items claimed and waiting for their turn
 * @param journalEntries deliveries recorded in the journal and not yet acknowledged by the server
 */
public record DeliveryStats(
        long sent, long rateLimited, long retried, long givenUp, int inFlight, int queued, int journalEntries) {}
