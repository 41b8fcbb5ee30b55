package ru.wbassist.bot.command;

import java.util.Map;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /lang [ru|en]: switches the bot's language (saved in the user's settings); without an argument offers buttons. */
public final class LangCommand implements Command, CallbackHandler {

    private final ServerClient server;
    private final Messenger messenger;
    private final Languages languages;

    public LangCommand(ServerClient server, Messenger messenger, Languages languages) {
        this.server = server;
        this.messenger = messenger;
        this.languages = languages;
    }

    @Override
    public String name() {
        return "lang";
    }

    @Override
    public String prefix() {
        return "lang";
    }

    @Override
    public void execute(CommandRequest request) {
        Lang chosen =
                Lang.fromCode(request.args() == null ? null : request.args().trim());
        if (chosen == null) {
            messenger.sendText(
                    request.chatId(),
                    request.texts().get("lang.choose"),
                    Buttons.keyboard()
                            .button("Русский", "lang:ru")
                            .button("English", "lang:en")
                            .build());
            return;
        }
        messenger.sendText(
                request.chatId(), switchTo(request.from().id(), chosen).get("lang.done"), null);
    }

    @Override
    public String handle(CallbackRequest request) {
        Lang chosen = Lang.fromCode(request.args().length > 0 ? request.args()[0] : null);
        if (chosen == null) {
            return request.texts().get("callback.outdated");
        }
        Texts t = switchTo(request.from().id(), chosen);
        messenger.editText(request.chatId(), request.messageId(), t.get("lang.done"), null);
        return "";
    }

    private Texts switchTo(long userId, Lang lang) {
        server.updateSettings(userId, Map.of("language", lang.code()));
        languages.remember(userId, lang);
        return Texts.of(lang);
    }
}
