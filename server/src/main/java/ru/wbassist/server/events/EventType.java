package ru.wbassist.server.events;

import java.util.Arrays;
import java.util.Optional;
import ru.wbassist.api.Notifications.Types;

/** What can happen in a cabinet that a user is told about; {@link #code} is the name used in the API and the tables. */
public enum EventType {
    NEW_ORDER(Types.NEW_ORDER, EventFacts.Order.class, false),
    ORDER_BUYOUT(Types.ORDER_BUYOUT, EventFacts.Sale.class, false),
    ORDER_CANCELLATION(Types.ORDER_CANCELLATION, EventFacts.Order.class, false),
    ORDER_RETURN(Types.ORDER_RETURN, EventFacts.Sale.class, false),
    NEGATIVE_REVIEW(Types.NEGATIVE_REVIEW, EventFacts.Review.class, false),
    NEW_QUESTION(Types.NEW_QUESTION, EventFacts.Question.class, false),
    CRITICAL_STOCK(Types.CRITICAL_STOCK, EventFacts.Stock.class, true),
    STOCK_RUNWAY(Types.STOCK_RUNWAY, EventFacts.Runway.class, false),
    PRICE_CHANGED(Types.PRICE_CHANGED, EventFacts.Price.class, false),
    /** WB sells at the old price while the upload waits: the seller should act soon. */
    PRICE_QUARANTINE(Types.PRICE_QUARANTINE, EventFacts.Price.class, true),
    /** Sent at a time the user chose, so it is not held by quiet hours or grouping either. */
    DAILY_DIGEST(Types.DAILY_DIGEST, EventFacts.Digest.class, true),
    KEY_INVALID(Types.KEY_INVALID, EventFacts.Key.class, true),
    KEY_EXPIRING(Types.KEY_EXPIRING, EventFacts.Key.class, true),
    /** A sample a user or operator asked for; never stored as an event. */
    TEST(Types.TEST, EventFacts.Test.class, true);

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
     * would cost the seller sales or data. The digest does too: the user chose its time.
     */
    public boolean urgent() {
        return urgent;
    }

    public static Optional<EventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
