package ru.wbassist.bot.command;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Html;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;
import ru.wbassist.bot.telegram.TelegramFailure;

/**
 * /connect: asks for the WB API key (or takes it as the argument), deletes the user's message holding it so the key
 * does not stay in the chat, connects the cabinet and answers with its name or the server's reason.
 */
public final class ConnectCommand implements Command, FreeTextHandler {

    private static final System.Logger LOG = System.getLogger(ConnectCommand.class.getName());

    private final ServerClient server;
    private final Messenger messenger;
    private final Set<Long> awaitingKey = ConcurrentHashMap.newKeySet();

    public ConnectCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public void execute(CommandRequest request) {
        if (request.args() != null && !request.args().isBlank()) {
            connect(request, request.args().trim());
            return;
        }
        awaitingKey.add(request.chatId());
        messenger.sendText(request.chatId(), request.texts().get("connect.ask"), null);
    }

    @Override
    public boolean handleIfAwaited(CommandRequest request) {
        if (!awaitingKey.remove(request.chatId())) {
            return false;
        }
        connect(request, request.args().trim());
        return true;
    }

    @Override
    public void cancel(long chatId) {
        awaitingKey.remove(chatId);
    }

    private void connect(CommandRequest request, String apiKey) {
        Texts t = request.texts();
        deleteKeyMessage(request);
        try {
            Cabinets.Connected connection = server.connectCabinet(request.from().id(), apiKey, null);
            String name = Html.escape(connection.cabinet().name());
            String text = connection.keyReplaced()
                    ? "connect.replaced"
                    : connection.shared() ? "connect.shared" : "connect.ok";
            messenger.sendText(request.chatId(), t.get(text, name), null);
        } catch (ServerException e) {
            if (!e.isClientError()) {
                throw e;
            }
            messenger.sendText(request.chatId(), t.get("connect.failed", Html.escape(e.reason())), null);
        }
    }

    private void deleteKeyMessage(CommandRequest request) {
        try {
            messenger.deleteMessage(request.chatId(), request.messageId());
        } catch (TelegramFailure e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the message holding a key: {0}", e.description());
            messenger.sendText(request.chatId(), request.texts().get("connect.delete_failed"), null);
        }
    }
}
