package ru.wbassist.bot.command;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.wbassist.api.Users;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;

/**
 * Each user's language: the one in their settings on the server (seeded at registration, changed by /lang or
 * /settings), else their Telegram client's.
 * Cached in memory so a command costs no extra server call.
 */
public final class Languages {

    private static final System.Logger LOG = System.getLogger(Languages.class.getName());

    private final ServerClient server;
    private final Map<Long, Lang> known = new ConcurrentHashMap<>();

    public Languages(ServerClient server) {
        this.server = server;
    }

    public Lang of(Sender sender) {
        Lang cached = known.get(sender.id());
        if (cached != null) {
            return cached;
        }
        Lang lang = Lang.fromTelegram(sender.languageCode());
        try {
            // settings hold the language the user chose (/lang, /settings); registration seeds it
            Users.User user = server.user(sender.id());
            Lang saved = user == null
                    ? null
                    : Lang.fromCode(server.settings(sender.id()).language());
            if (saved != null) {
                lang = saved;
                known.put(sender.id(), lang);
            }
        } catch (ServerException e) {
            LOG.log(System.Logger.Level.DEBUG, "language lookup failed: {0}", e.getMessage());
        }
        return lang;
    }

    public void remember(long telegramId, Lang lang) {
        known.put(telegramId, lang);
    }
}
