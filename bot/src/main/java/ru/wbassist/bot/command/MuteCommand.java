package ru.wbassist.bot.command;

import java.util.Set;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;

/**
 * The "do not tell me about this product" button of a stock alert ({@code mute:<cabinet>:<nmId>}). The server keeps
 * the mute and skips the product's later stock alerts for this user ({@code product_muted}); /settings lists and
 * undoes it.
 */
public final class MuteCommand implements CallbackHandler {

    private static final Set<String> STOCK_ALERTS =
            Set.of(Notifications.Types.CRITICAL_STOCK, Notifications.Types.STOCK_RUNWAY);

    private final ServerClient server;

    public MuteCommand(ServerClient server) {
        this.server = server;
    }

    /** The button a delivered notification carries: only a stock alert about one product has one. */
    public static InlineKeyboardMarkup button(Notifications.Item item) {
        if (!STOCK_ALERTS.contains(item.type()) || item.nmId() == null || item.cabinetId() == null) {
            return null;
        }
        Lang lang = Lang.fromCode(item.language());
        Texts t = Texts.of(lang == null ? Lang.RU : lang);
        return Buttons.keyboard()
                .row()
                .button(t.get("mute.button"), "mute:" + item.cabinetId() + ":" + item.nmId())
                .build();
    }

    @Override
    public String prefix() {
        return "mute";
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        if (args.length != 2) {
            return request.texts().get("callback.outdated");
        }
        try {
            server.mute(request.from().id(), Long.parseLong(args[0]), Long.parseLong(args[1]));
        } catch (NumberFormatException e) {
            return request.texts().get("callback.outdated");
        } catch (ServerException e) {
            if (e.status() == 404) {
                return request.texts().get("callback.outdated");
            }
            throw e;
        }
        return request.texts().get("mute.done");
    }
}
