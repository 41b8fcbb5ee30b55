package ru.wbassist.bot.command;

import java.util.List;
import ru.wbassist.api.Html;
import ru.wbassist.api.Insights;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /dashboard: today's orders, buyouts, returns, cancellations and what needs attention, per cabinet. */
public final class DashboardCommand implements Command {

    private final ServerClient server;
    private final Messenger messenger;

    public DashboardCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public void execute(CommandRequest request) {
        Texts t = request.texts();
        List<Insights.Dashboard> blocks = server.dashboard(request.from().id());
        if (blocks.isEmpty()) {
            messenger.sendText(request.chatId(), t.get("common.no_cabinets"), null);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Insights.Dashboard block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(t.get(
                    "dashboard.block",
                    Html.escape(block.name()),
                    Format.time(block.lastSyncAt()),
                    Format.countSum(block.ordersToday()),
                    Format.countSum(block.ordersYesterday()),
                    Format.countSum(block.buyoutsToday()),
                    Format.countSum(block.returnsToday()),
                    Format.countSum(block.cancellationsToday()),
                    block.criticalStocks(),
                    block.negativeReviewsNew(),
                    Format.rating(block.averageRating()),
                    block.unansweredReviews(),
                    block.unansweredQuestions()));
        }
        messenger.sendText(request.chatId(), Pages.fit(text.toString()), null);
    }
}
