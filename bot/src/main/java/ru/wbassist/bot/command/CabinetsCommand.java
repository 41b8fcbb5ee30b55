package ru.wbassist.bot.command;

import java.util.List;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Html;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /cabinets: the user's WB cabinets, each with a button to leave it (after a confirmation). */
public final class CabinetsCommand implements Command, CallbackHandler {

    private final ServerClient server;
    private final Messenger messenger;

    public CabinetsCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "cabinets";
    }

    @Override
    public String prefix() {
        return "cab";
    }

    @Override
    public void execute(CommandRequest request) {
        List<Cabinets.Cabinet> cabinets = server.cabinets(request.from().id());
        messenger.sendText(
                request.chatId(), listText(cabinets, request.texts()), listKeyboard(cabinets, request.texts()));
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        Texts t = request.texts();
        long userId = request.from().id();
        String action = args.length > 0 ? args[0] : "list";
        if (("leave".equals(action) || "yes".equals(action)) && args.length > 1) {
            long cabinetId = Long.parseLong(args[1]);
            if ("leave".equals(action)) {
                String name = server.cabinets(userId).stream()
                        .filter(c -> c.id() == cabinetId)
                        .map(Cabinets.Cabinet::name)
                        .findFirst()
                        .orElse("#" + cabinetId);
                messenger.editText(
                        request.chatId(),
                        request.messageId(),
                        t.get("cabinets.confirm", Html.escape(name)),
                        Buttons.keyboard()
                                .button(t.get("cabinets.yes"), "cab:yes:" + cabinetId)
                                .button(t.get("cabinets.no"), "cab:list")
                                .build());
                return "";
            }
            server.leaveCabinet(userId, cabinetId);
            refresh(request);
            return t.get("cabinets.left");
        }
        refresh(request);
        return "";
    }

    private void refresh(CallbackRequest request) {
        List<Cabinets.Cabinet> cabinets = server.cabinets(request.from().id());
        messenger.editText(
                request.chatId(),
                request.messageId(),
                listText(cabinets, request.texts()),
                listKeyboard(cabinets, request.texts()));
    }

    private static String listText(List<Cabinets.Cabinet> cabinets, Texts t) {
        if (cabinets.isEmpty()) {
            return t.get("cabinets.none");
        }
        StringBuilder text = new StringBuilder(t.get("cabinets.title"));
        for (Cabinets.Cabinet cabinet : cabinets) {
            String state = !cabinet.keyValid()
                    ? t.get("cabinets.key_invalid", Html.escape(cabinet.keyError() == null ? "" : cabinet.keyError()))
                    : t.get("cabinets.synced", Format.time(cabinet.lastSyncAt()));
            text.append("\n\n")
                    .append(t.get(
                            "cabinets.item",
                            Html.escape(cabinet.name()),
                            t.getOr("role." + cabinet.role(), Html.escape(cabinet.role())),
                            state));
        }
        return text.toString();
    }

    private static org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup listKeyboard(
            List<Cabinets.Cabinet> cabinets, Texts t) {
        Buttons buttons = Buttons.keyboard();
        for (Cabinets.Cabinet cabinet : cabinets) {
            buttons.row().button(t.get("cabinets.leave", Html.clip(cabinet.name(), 30)), "cab:leave:" + cabinet.id());
        }
        return buttons.build();
    }
}
