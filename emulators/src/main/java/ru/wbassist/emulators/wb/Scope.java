package ru.wbassist.emulators.wb;

/**
 * WB token categories: bit {@code n} of the JWT claim {@code s}, tested as {@code (s >> n) & 1} (docs/wb-api.md).
 */
public enum Scope {
    CONTENT(1),
    ANALYTICS(2),
    PRICES(3),
    MARKETPLACE(4),
    STATISTICS(5),
    PROMOTION(6),
    FEEDBACKS(7),
    READ_ONLY(30);

    private final int bit;

    Scope(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public long mask() {
        return 1L << bit;
    }

    public static long mask(Scope... scopes) {
        long mask = 0;
        for (Scope scope : scopes) {
            mask |= scope.mask();
        }
        return mask;
    }

    boolean grantedBy(long s) {
        return ((s >> bit) & 1) == 1;
    }
}
