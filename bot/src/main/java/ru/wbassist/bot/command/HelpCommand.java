package ru.wbassist.bot.command;

import ru.wbassist.bot.telegram.Messenger;

/** /help: what every command does. */
public final class HelpCommand implements Command {

    private final Messenger messenger;

    public HelpCommand(Messenger messenger) {
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public void execute(CommandRequest request) {
        messenger.sendText(request.chatId(), request.texts().get("help"), null);
    }
}
