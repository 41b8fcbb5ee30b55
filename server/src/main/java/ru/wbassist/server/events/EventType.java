package ru.wbassist.server.events;

import java.util.Arrays;
import java.util.Optional;

/** What can happen in a cabinet that a user is told about; {@link #code} is the name used in the API and the tables. */
public enum EventType {
    NEW_ORDER("new_order", EventFacts.Order.class, false),
    ORDER_BUYOUT("order_buyout", EventFacts.Sale.class, false),
    ORDER_CANCELLATION("order_cancellation", EventFacts.Order.class, false),
    ORDER_RETURN("order_return", EventFacts.Sale.class, false),
    NEGATIVE_REVIEW("negative_review", EventFacts.Review.class, false),
    CRITICAL_STOCK("critical_stock", EventFacts.Stock.class, true),
    KEY_INVALID("key_invalid", EventFacts.Key.class, true),
    KEY_EXPIRING("key_expiring", EventFacts.Key.class, true),
    /** A sample a user or operator asked for; never stored as an event. */
    TEST("test", EventFacts.Test.class, true);

    private final String code;
    private final Class<? extends EventFacts> factsType;
    private final boolean urgent;

    EventType(String code, Class<? extends EventFacts> factsType, boolean urgent) {
        this.code = code;
        this.factsType = factsType;
        this.urgent = urgent;
    }

    public String code() {
        return code;
    }

    /** The facts record stored in {@code events.payload} for this type. */
    public Class<? extends EventFacts> factsType() {
        return factsType;
    }

    /**
     * Urgent events (stock running out, a broken key) pass quiet hours and are never held for grouping: waiting
     * would cost the seller sales or data.
     */
    public boolean urgent() {
        return urgent;
    }

    public static Optional<EventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
