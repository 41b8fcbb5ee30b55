package ru.wbassist.server.wb;

import java.util.Optional;

/** Asks WB whether a key works before a cabinet is created with it. */
@FunctionalInterface
public interface KeyCheck {

    /** For a server that does not talk to WB (SYNC_ENABLED=false): only the local token checks apply. */
    KeyCheck OFFLINE = apiKey -> Optional.empty();

    /**
     * @return the seller's name as WB reports it, when it does
     * @throws ru.wbassist.api.InvalidRequest on {@code api_key} when WB rejects the key
     * @throws WbException when WB cannot be asked (unreachable, or answering errors)
     */
    Optional<String> check(String apiKey);
}
