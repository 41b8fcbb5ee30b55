package ru.wbassist.bot;

import java.util.concurrent.ExecutorService;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import ru.wbassist.bot.command.CallbackRequest;
import ru.wbassist.bot.command.CommandContainer;
import ru.wbassist.bot.command.CommandRequest;
import ru.wbassist.bot.command.Languages;
import ru.wbassist.bot.command.Sender;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/**
 * Turns Telegram updates into command and button requests in the user's language, and reports a user who blocked
 * the bot (my_chat_member "kicked") to the server. Each update is handled on its own
 * virtual thread so one slow server call does not hold up other users' commands; a user's commands and button presses
 * beyond {@link UserThrottle}'s rate are dropped first.
 */
final class BotUpdates implements LongPollingSingleThreadUpdateConsumer {

    private static final System.Logger LOG = System.getLogger(BotUpdates.class.getName());

    private final CommandContainer commands;
    private final Languages languages;
    private final ServerClient server;
    private final ExecutorService workers;
    private final UserThrottle throttle;
    private final Messenger messenger;

    BotUpdates(
            CommandContainer commands,
            Languages languages,
            ServerClient server,
            ExecutorService workers,
            UserThrottle throttle,
            Messenger messenger) {
        this.commands = commands;
        this.server = server;
        this.languages = languages;
        this.workers = workers;
        this.throttle = throttle;
        this.messenger = messenger;
    }

    @Override
    public void consume(Update update) {
        User from = update.hasMessage()
                ? update.getMessage().getFrom()
                : update.hasCallbackQuery() ? update.getCallbackQuery().getFrom() : null;
        if (from != null) {
            UserThrottle.Verdict verdict = throttle.admit(from.getId());
            if (verdict != UserThrottle.Verdict.HANDLE) {
                if (verdict == UserThrottle.Verdict.DROP_AND_SAY_SO) {
                    workers.execute(() -> sayTooOften(update, from));
                }
                return;
            }
        }
        workers.execute(() -> {
            try {
                handle(update);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "update " + update.getUpdateId() + " failed", e);
            }
        });
    }

    private void sayTooOften(Update update, User from) {
        String text = Texts.of(languages.of(sender(from))).get("throttled");
        try {
            if (update.hasCallbackQuery()) {
                messenger.answerCallback(update.getCallbackQuery().getId(), text);
            } else if (update.getMessage().getChat().isUserChat()) {
                messenger.sendText(update.getMessage().getChatId(), text, null);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tell a user they write too often: {0}", e.getMessage());
        }
    }

    void handle(Update update) {
        if (update.hasMessage()
                && update.getMessage().hasText()
                && update.getMessage().getChat().isUserChat()) {
            Message message = update.getMessage();
            Sender from = sender(message.getFrom());
            Texts texts = Texts.of(languages.of(from));
            commands.onMessage(commandRequest(message, from, texts));
        } else if (update.hasMyChatMember()
                && update.getMyChatMember().getChat().isUserChat()
                && "kicked".equals(update.getMyChatMember().getNewChatMember().getStatus())) {
            // the user blocked the bot: stop fan-out now rather than at the next failed send
            server.markBlocked(update.getMyChatMember().getFrom().getId());
        } else if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            CallbackQuery query = update.getCallbackQuery();
            Sender from = sender(query.getFrom());
            commands.onCallback(new CallbackRequest(
                    query.getMessage().getChatId(),
                    from,
                    query.getId(),
                    query.getMessage().getMessageId(),
                    query.getData() == null ? "" : query.getData(),
                    Texts.of(languages.of(from))));
        }
    }

    private static CommandRequest commandRequest(Message message, Sender from, Texts texts) {
        String text = message.getText().trim();
        if (!message.isCommand()) {
            return new CommandRequest(message.getChatId(), from, null, text, message.getMessageId(), texts);
        }
        int space = text.indexOf(' ');
        String command = (space < 0 ? text : text.substring(0, space)).substring(1);
        int at = command.indexOf('@');
        if (at >= 0) {
            command = command.substring(0, at);
        }
        String args = space < 0 ? "" : text.substring(space + 1).trim();
        return new CommandRequest(message.getChatId(), from, command, args, message.getMessageId(), texts);
    }

    private static Sender sender(User user) {
        return new Sender(
                user.getId(), user.getUserName(), user.getFirstName(), user.getLastName(), user.getLanguageCode());
    }
}
