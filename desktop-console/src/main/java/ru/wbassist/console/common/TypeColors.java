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
    private static final Map<String, String> COLORS = Map.of(
            "new_order", "#0072b2",
            "order_buyout", "#009e73",
            "order_cancellation", "#e69f00",
            "order_return", "#cc79a7",
            "negative_review", "#d55e00",
            "new_question", "#6a3d9a",
            "critical_stock", "#56b4e9",
            "key_invalid", "#9b1c1c",
            "key_expiring", "#8c6d1f",
            "test", OTHER);

    private TypeColors() {
    }

    /** The type's colour as CSS hex; unknown types share a grey. */
    public static String of(String type) {
        return COLORS.getOrDefault(type, OTHER);
    }
}
