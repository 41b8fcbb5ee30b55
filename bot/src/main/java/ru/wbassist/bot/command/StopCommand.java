package ru.wbassist.bot.command;

import java.util.Map;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /stop: pauses all notifications (notifications_enabled=false); /settings turns them back on. */
public final class StopCommand implements Command {

    private final ServerClient server;
    private final Messenger messenger;

    public StopCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public void execute(CommandRequest request) {
        server.updateSettings(request.from().id(), Map.of("notifications_enabled", false));
        messenger.sendText(request.chatId(), request.texts().get("stop.done"), null);
    }
}
