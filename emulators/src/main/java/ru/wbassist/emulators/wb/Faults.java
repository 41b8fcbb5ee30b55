package ru.wbassist.emulators.wb;

import java.time.Duration;
import java.util.Random;

/**
 * Fault injection for the WB routes: a share of requests answered 429 (with WB's headers), a share answered 5xx
 * (500/502/503 problem+json) and a share delayed. Settable at start, from Java and over {@code /sandbox/faults}.
 */
public final class Faults {

    /** Shares are in [0, 1]; {@code slowDelay} applies to the slow share. */
    public record Settings(double share429, double share5xx, double shareSlow, Duration slowDelay) {

        public static final Settings NONE = new Settings(0, 0, 0, Duration.ZERO);

        public Settings {
            requireShare(share429, "share429");
            requireShare(share5xx, "share5xx");
            requireShare(shareSlow, "shareSlow");
            if (slowDelay == null || slowDelay.isNegative()) {
                throw new IllegalArgumentException("slowDelay must be zero or positive");
            }
        }

        private static void requireShare(double share, String name) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException(name + " must be within [0, 1], got " + share);
            }
        }
    }

    /** What to do with one request. */
    enum Injection {
        NONE,
        TOO_MANY_REQUESTS,
        SERVER_ERROR
    }

    private final Random random;
    private volatile Settings settings;

    Faults(Settings initial, long seed) {
        this.settings = initial;
        this.random = new Random(seed);
    }

    public void set(double share429, double share5xx, double shareSlow, Duration slowDelay) {
        settings = new Settings(share429, share5xx, shareSlow, slowDelay);
    }

    public void set(Settings settings) {
        this.settings = settings;
    }

    public void clear() {
        settings = Settings.NONE;
    }

    public Settings current() {
        return settings;
    }

    /** The delay to add to this request (zero for most). */
    Duration delay() {
        Settings s = settings;
        return s.shareSlow() > 0 && random.nextDouble() < s.shareSlow() ? s.slowDelay() : Duration.ZERO;
    }

    Injection injection() {
        Settings s = settings;
        double roll = random.nextDouble();
        if (roll < s.share429()) {
            return Injection.TOO_MANY_REQUESTS;
        }
        return roll < s.share429() + s.share5xx() ? Injection.SERVER_ERROR : Injection.NONE;
    }

    int serverErrorStatus() {
        int[] statuses = {500, 502, 503};
        return statuses[random.nextInt(statuses.length)];
    }
}
