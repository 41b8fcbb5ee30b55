package ru.wbassist.console.api;

import java.util.List;

/** The notification types and statuses of docs/api.md. */
public final class NotificationTypes {

    public static final String NEW_ORDER = "new_order";
    public static final String ORDER_BUYOUT = "order_buyout";
    public static final String ORDER_CANCELLATION = "order_cancellation";
    public static final String ORDER_RETURN = "order_return";
    public static final String NEGATIVE_REVIEW = "negative_review";
    public static final String CRITICAL_STOCK = "critical_stock";
    public static final String KEY_INVALID = "key_invalid";
    public static final String KEY_EXPIRING = "key_expiring";
    public static final String TEST = "test";

    public static final List<String> ALL = List.of(NEW_ORDER, ORDER_BUYOUT, ORDER_CANCELLATION, ORDER_RETURN,
            NEGATIVE_REVIEW, CRITICAL_STOCK, KEY_INVALID, KEY_EXPIRING, TEST);

    public static final List<String> STATUSES = List.of("pending", "sent", "failed", "skipped");

    public static final List<String> SYNC_STATUSES = List.of("running", "success", "failed", "partial");

    private NotificationTypes() {
    }
}
