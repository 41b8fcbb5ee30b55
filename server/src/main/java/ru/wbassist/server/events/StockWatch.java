package ru.wbassist.server.events;

/**
 * The critical-stock rule for one product and one user, on the product's total available stock across
 * warehouses (so units moving between warehouses, which leave the total unchanged, never count).
 */
public final class StockWatch {

    private StockWatch() {}

    public enum Verdict {
        /** Tell the user now, and remember that they were told. */
        FIRE,
        /** The total rose above the threshold: forget the alert, so the next fall fires again. */
        REARM,
        NONE
    }

    /**
     * @param alerted whether this user was already told about this product and the alert has not re-armed
     */
    public static Verdict judge(int totalBefore, int totalAfter, int threshold, boolean alerted) {
        if (totalAfter > threshold) {
            return alerted ? Verdict.REARM : Verdict.NONE;
        }
        return !alerted && totalAfter < totalBefore ? Verdict.FIRE : Verdict.NONE;
    }
}
