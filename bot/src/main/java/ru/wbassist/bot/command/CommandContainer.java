package ru.wbassist.bot.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.wbassist.api.Html;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;
import ru.wbassist.bot.telegram.TelegramFailure;

/**
 * Routes messages to commands and button presses to callback handlers. Unknown commands and unexpected text go to
 * {@link UnknownCommand}; a server failure becomes a short apology; every callback query gets its answer here.
 */
public final class CommandContainer {

    private static final System.Logger LOG = System.getLogger(CommandContainer.class.getName());

    private final Map<String, Command> commands;
    private final Map<String, CallbackHandler> callbacks;
    private final List<FreeTextHandler> freeText;
    private final Command unknown;
    private final Messenger messenger;

    public CommandContainer(
            List<Command> commands,
            List<CallbackHandler> callbacks,
            List<FreeTextHandler> freeText,
            Command unknown,
            Messenger messenger) {
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(Command::name, Function.identity()));
        this.callbacks =
                callbacks.stream().collect(Collectors.toUnmodifiableMap(CallbackHandler::prefix, Function.identity()));
        this.freeText = List.copyOf(freeText);
        this.unknown = unknown;
        this.messenger = messenger;
    }

    /** The names of all commands, e.g. for checking the menu against them. */
    public Set<String> commandNames() {
        return commands.keySet();
    }

    public void onMessage(CommandRequest request) {
        try {
            if (request.command() == null) {
                for (FreeTextHandler handler : freeText) {
                    if (handler.handleIfAwaited(request)) {
                        return;
                    }
                }
                unknown.execute(request);
                return;
            }
            freeText.forEach(handler -> handler.cancel(request.chatId()));
            commands.getOrDefault(request.command().toLowerCase(Locale.ROOT), unknown)
                    .execute(request);
        } catch (ServerException e) {
            LOG.log(System.Logger.Level.WARNING, "/{0} failed on the server: {1}", request.command(), e.getMessage());
            String apology = request.texts().get(e.status() == 0 ? "error.unavailable" : "error.server");
            apologize(
                    request.chatId(),
                    e.errorId() == null
                            ? apology
                            : apology + " " + request.texts().get("error.id", Html.escape(e.errorId())));
        } catch (TelegramFailure e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "/{0}: Telegram refused the reply: {1}",
                    request.command(),
                    e.description());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "/" + request.command() + " failed in the bot", e);
            apologize(request.chatId(), request.texts().get("error.server"));
        }
    }

    public void onCallback(CallbackRequest request) {
        String notice = "";
        try {
            int colon = request.data().indexOf(':');
            CallbackHandler handler =
                    callbacks.get(colon < 0 ? request.data() : request.data().substring(0, colon));
            notice = handler == null ? request.texts().get("callback.outdated") : handler.handle(request);
        } catch (ServerException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "button {0} failed on the server: {1}",
                    request.data(),
                    e.getMessage());
            notice = request.texts().get("callback.error");
        } catch (TelegramFailure e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "button {0}: Telegram refused the edit: {1}",
                    request.data(),
                    e.description());
        } catch (RuntimeException e) {
            // e.g. a forged or truncated callback_data such as "cab:leave:x"
            LOG.log(System.Logger.Level.WARNING, "button " + request.data() + " failed in the bot", e);
            notice = request.texts().get("callback.outdated");
        } finally {
            try {
                messenger.answerCallback(request.callbackId(), notice == null ? "" : notice);
            } catch (TelegramFailure e) {
                LOG.log(System.Logger.Level.WARNING, "answerCallbackQuery failed: {0}", e.description());
            }
        }
    }

    private void apologize(long chatId, String text) {
        try {
            messenger.sendText(chatId, text, null);
        } catch (TelegramFailure e) {
            LOG.log(System.Logger.Level.WARNING, "could not send the apology: {0}", e.description());
        }
    }
}
