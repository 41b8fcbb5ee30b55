package ru.wbassist.server.wb;

import java.time.Duration;
import java.util.function.LongSupplier;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.api.TooManyRequests;

/**
 * The live key check on connect: WB's ping on the statistics host, then seller-info for the seller's name and id. Each
 * check is two WB calls from the server's address whatever the key, so all checks together are capped at
 * {@code perMinute} (a burst of as many, then one per 60 s / {@code perMinute}): forged keys cannot get the server's
 * address limited by WB for every seller.
 */
public final class WbKeyCheck implements KeyCheck {

    private final WbClient wb;
    private final int perMinute;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long theoreticalArrival = Long.MIN_VALUE;

    public WbKeyCheck(WbClient wb, int perMinute) {
        this(wb, perMinute, System::nanoTime);
    }

    WbKeyCheck(WbClient wb, int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("wb.key-checks-per-minute must be at least 1");
        }
        this.wb = wb;
        this.perMinute = perMinute;
        this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
        this.nanoTime = nanoTime;
    }

    @Override
    public Seller check(String apiKey) {
        if (!admit()) {
            throw new TooManyRequests(
                    "the server checks at most " + perMinute + " new WB keys a minute; try again in a minute");
        }
        try {
            SellerInfo seller = wb.checkKey(WbCredentials.unsaved(apiKey));
            return new Seller(blankToNull(seller.name()), blankToNull(seller.sid()));
        } catch (WbException.KeyRejected e) {
            throw new InvalidRequest(
                    "api_key",
                    "WB rejected this API key (" + e.status() + ": " + e.reason()
                            + "); check that it is active and has the Statistics, Content and Feedbacks categories");
        }
    }

    /** One check's place in the shared budget (the generic cell rate algorithm, refusing instead of waiting). */
    private synchronized boolean admit() {
        long now = nanoTime.getAsLong();
        long base = theoreticalArrival == Long.MIN_VALUE ? now : Math.max(theoreticalArrival, now);
        if (base - intervalNanos * (perMinute - 1) > now) {
            return false;
        }
        theoreticalArrival = base + intervalNanos;
        return true;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
