package ru.wbassist.bot.command;

/** A command that waits for the user's next plain message (e.g. /connect waiting for the key). */
public interface FreeTextHandler {

    /** Takes the message if this chat was asked for input; false lets others handle it. */
    boolean handleIfAwaited(CommandRequest request);

    /** The user moved on to another command: stop waiting. */
    void cancel(long chatId);
}
