package ru.wbassist.bot.command;

import java.util.Set;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;

/** /test [type]: asks the server to queue a realistic sample notification, delivered like a real one. */
public final class TestCommand implements Command {

    private static final Set<String> TYPES = Set.copyOf(Notifications.Types.ALL);

    private final ServerClient server;
    private final Messenger messenger;

    public TestCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void execute(CommandRequest request) {
        String asked = request.args() == null ? "" : request.args().trim();
        String type = TYPES.contains(asked) ? asked : "new_order";
        try {
            server.sendTest(request.from().id(), type);
        } catch (ServerException e) {
            if (e.status() != 429) {
                throw e;
            }
            messenger.sendText(request.chatId(), request.texts().get("test.limit"), null);
            return;
        }
        messenger.sendText(request.chatId(), request.texts().get("test.queued"), null);
    }
}
