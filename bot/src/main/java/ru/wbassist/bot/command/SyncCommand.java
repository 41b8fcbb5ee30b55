package ru.wbassist.bot.command;

import java.util.List;
import ru.wbassist.api.Html;
import ru.wbassist.api.Syncs;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;

/** /sync: starts a sync of the user's cabinets now; a button refreshes the per-data-set status in place. */
public final class SyncCommand implements Command, CallbackHandler {

    private final ServerClient server;
    private final Messenger messenger;

    public SyncCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String prefix() {
        return "sync";
    }

    @Override
    public void execute(CommandRequest request) {
        Texts t = request.texts();
        String started;
        try {
            List<Syncs.Started> cabinets = server.startSync(request.from().id());
            if (cabinets.isEmpty()) {
                messenger.sendText(request.chatId(), t.get("common.no_cabinets"), null);
                return;
            }
            started = t.get("sync.started", cabinets.size());
        } catch (ServerException e) {
            if (e.status() != 409) {
                throw e;
            }
            started = t.get("sync.already_running");
        }
        messenger.sendText(
                request.chatId(), started + "\n\n" + status(request.from().id(), t), refreshButton(t));
    }

    @Override
    public String handle(CallbackRequest request) {
        Texts t = request.texts();
        messenger.editText(
                request.chatId(), request.messageId(), status(request.from().id(), t), refreshButton(t));
        return t.get("sync.refreshed");
    }

    private String status(long userId, Texts t) {
        StringBuilder text = new StringBuilder();
        for (Syncs.CabinetStatus cabinet : server.syncStatus(userId)) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            String state = cabinet.running()
                    ? "sync.cabinet_running"
                    : cabinet.paused() ? "sync.cabinet_paused" : "sync.cabinet_idle";
            text.append(t.get(state, Html.escape(cabinet.name()), Format.time(cabinet.nextRunAt())));
            if (cabinet.liveOrders() != null) {
                Syncs.LiveOrders live = cabinet.liveOrders();
                String key = "sync.live." + live.state() + (live.reason() == null ? "" : "." + live.reason());
                text.append("\n")
                        .append(
                                t.keys().contains(key)
                                        ? t.get(key, Format.time(live.lastPollAt()), Format.time(live.nextPollAt()))
                                        : t.get("sync.live.other", Html.escape(live.state())));
            }
            for (Syncs.DataSetRun set : cabinet.dataSets()) {
                text.append("\n")
                        .append(t.get(
                                "sync.data_set",
                                t.getOr("data_set." + set.dataSet(), Html.escape(set.dataSet())),
                                t.getOr("sync.status." + set.status(), Html.escape(set.status())),
                                Format.time(set.completedAt()),
                                String.valueOf(set.records())));
                if (set.errorCode() != null) { // the server's reason text stays with operators
                    text.append(" — ").append(t.getOr("sync.error." + set.errorCode(), t.get("sync.error.other")));
                    if (set.errorId() != null) {
                        text.append(" ").append(t.get("error.id", Html.escape(set.errorId())));
                    }
                }
            }
        }
        return text.isEmpty() ? t.get("common.no_cabinets") : Pages.fit(text.toString());
    }

    private static org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup refreshButton(
            Texts t) {
        return Buttons.keyboard().button(t.get("sync.refresh"), "sync:status").build();
    }
}
