package ru.wbassist.bot.command;

import ru.wbassist.api.Html;
import ru.wbassist.bot.telegram.Messenger;

/** An unknown command or unexpected text: say so and point to the commands that exist. */
public final class UnknownCommand implements Command {

    private final Messenger messenger;

    public UnknownCommand(Messenger messenger) {
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "unknown";
    }

    @Override
    public void execute(CommandRequest request) {
        String text = request.command() == null
                ? request.texts().get("unknown.text")
                : request.texts().get("unknown.command", Html.escape("/" + Html.clip(request.command(), 40)));
        messenger.sendText(request.chatId(), text, null);
    }
}
