package ru.wbassist.bot.command;

import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.bot.server.ServerClient;

/**
 * The daily digest offered under the /start greeting while the user has none: a press ({@code dgt:0900}) saves that
 * Moscow time as {@code digest_time}. /settings changes it later.
 */
public final class DigestOffer implements CallbackHandler {

    private static final List<String> TIMES = List.of("09:00", "12:00", "18:00", "21:00");

    private final ServerClient server;

    public DigestOffer(ServerClient server) {
        this.server = server;
    }

    static InlineKeyboardMarkup keyboard() {
        Buttons buttons = Buttons.keyboard().row();
        for (String time : TIMES) {
            buttons.button(time, "dgt:" + time.replace(":", ""));
        }
        return buttons.build();
    }

    @Override
    public String prefix() {
        return "dgt";
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        String time =
                args.length == 1 && args[0].length() == 4 ? args[0].substring(0, 2) + ":" + args[0].substring(2) : null;
        if (time == null || !TIMES.contains(time)) {
            return request.texts().get("callback.outdated");
        }
        server.updateSettings(request.from().id(), Map.of("digest_time", time));
        return request.texts().get("digest.chosen", time);
    }
}
