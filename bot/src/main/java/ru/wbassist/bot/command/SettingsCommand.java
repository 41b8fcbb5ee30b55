package ru.wbassist.bot.command;

import java.util.List;
import java.util.Map;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Notifications.ProductMute;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;

/**
 * /settings: the notification settings as an inline keyboard. A press saves the change on the server, then the same
 * message is edited in place from the server's answer, so it always shows what is stored.
 */
public final class SettingsCommand implements Command, CallbackHandler {

    private final ServerClient server;
    private final Messenger messenger;
    private final Languages languages;

    public SettingsCommand(ServerClient server, Messenger messenger, Languages languages) {
        this.server = server;
        this.messenger = messenger;
        this.languages = languages;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String prefix() {
        return "set";
    }

    @Override
    public void execute(CommandRequest request) {
        Notifications.Settings settings = server.settings(request.from().id());
        List<ProductMute> mutes = server.mutes(request.from().id());
        messenger.sendText(
                request.chatId(),
                SettingsMenu.text(settings, mutes, request.texts()),
                SettingsMenu.keyboard(settings, mutes, request.texts()));
    }

    @Override
    public String handle(CallbackRequest request) {
        long userId = request.from().id();
        String[] args = request.args();
        if (args.length == 3 && args[0].equals(SettingsMenu.UNMUTE)) {
            return unmute(request, args);
        }
        Notifications.Settings current = server.settings(userId);
        Map<String, Object> change = args.length == 0 ? null : SettingsMenu.change(args[0], current);
        if (change == null) {
            return request.texts().get("callback.outdated");
        }
        Notifications.Settings saved = server.updateSettings(userId, change);
        Texts t = request.texts();
        Lang lang = Lang.fromCode(saved.language());
        if (lang != null && lang != t.lang()) {
            languages.remember(userId, lang);
            t = Texts.of(lang);
        }
        redraw(request, saved, t);
        return t.get("settings.saved");
    }

    /** An unmute button of the menu: unmutes (already undone is fine) and redraws the menu. */
    private String unmute(CallbackRequest request, String[] args) {
        try {
            server.unmute(request.from().id(), Long.parseLong(args[1]), Long.parseLong(args[2]));
        } catch (NumberFormatException e) {
            return request.texts().get("callback.outdated");
        } catch (ServerException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        redraw(request, server.settings(request.from().id()), request.texts());
        return request.texts().get("settings.saved");
    }

    private void redraw(CallbackRequest request, Notifications.Settings settings, Texts t) {
        List<ProductMute> mutes = server.mutes(request.from().id());
        messenger.editText(
                request.chatId(),
                request.messageId(),
                SettingsMenu.text(settings, mutes, t),
                SettingsMenu.keyboard(settings, mutes, t));
    }
}
