package ru.wbassist.bot.command;

/** Handles the inline buttons whose callback_data starts with {@code prefix() + ":"}. */
public interface CallbackHandler {

    String prefix();

    /** Handles the press and returns the short notice to show (may be empty); the container answers the query. */
    String handle(CallbackRequest request);
}
