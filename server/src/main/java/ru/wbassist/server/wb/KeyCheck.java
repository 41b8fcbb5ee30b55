package ru.wbassist.server.wb;

/** Asks WB whether a key works before a cabinet is created with it. */
@FunctionalInterface
public interface KeyCheck {

    /** For a server that does not talk to WB (SYNC_ENABLED=false): only the local token checks apply. */
    KeyCheck OFFLINE = apiKey -> new Seller(null, null);

    /** Who the key belongs to, as WB's seller-info reports it; either part may be unknown (null). */
    record Seller(String name, String sellerId) {}

    /**
     * @throws ru.wbassist.api.InvalidRequest on {@code api_key} when WB rejects the key
     * @throws WbException when WB cannot be asked (unreachable, or answering errors)
     */
    Seller check(String apiKey);
}
