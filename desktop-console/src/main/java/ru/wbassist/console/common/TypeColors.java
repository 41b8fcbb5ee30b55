package ru.wbassist.console.common;

import java.util.Map;

/**
 * The one colour of each notification type, used by the charts, their legend and the table badges alike (a chart's
 * default palette follows series order, so a colour would mean a different type from one day to the next).
 * Okabe–Ito colours, told apart with most colour-vision deficiencies.
 */
public final class TypeColors {

    /** Orders are no notification type: the console's navy, unlike any type's colour. */
    public static final String ORDERS = "#24364b";

    private static final String OTHER = "#7f8c8d";
    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("new_order", "#0072b2"),
            Map.entry("order_buyout", "#009e73"),
            Map.entry("order_cancellation", "#e69f00"),
            Map.entry("order_return", "#cc79a7"),
            Map.entry("negative_review", "#d55e00"),
            Map.entry("new_question", "#6a3d9a"),
            Map.entry("critical_stock", "#56b4e9"),
            // the later types take Paul Tol's muted colours, distinct from the Okabe–Ito ones above
            Map.entry("stock_runway", "#332288"),
            Map.entry("daily_digest", "#44aa99"),
            Map.entry("price_changed", "#117733"),
            Map.entry("price_quarantine", "#882255"),
            Map.entry("key_invalid", "#9b1c1c"),
            Map.entry("key_expiring", "#8c6d1f"),
            Map.entry("test", OTHER));

    private TypeColors() {}

    /** The type's colour as CSS hex; unknown types share a grey. */
    public static String of(String type) {
        return COLORS.getOrDefault(type, OTHER);
    }
}
