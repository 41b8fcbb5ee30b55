package ru.wbassist.bot.command;

/** One slash command. Implementations reply through the Messenger and call the server through the ServerClient. */
public interface Command {

    /** The command without the slash, e.g. "orders". */
    String name();

    void execute(CommandRequest request);
}
