package ru.wbassist.bot.command;

import java.util.List;
import java.util.Locale;
import ru.wbassist.api.Html;
import ru.wbassist.api.Insights;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /stocks: products at or below the critical stock threshold, with days of stock left. */
public final class StocksCommand implements Command {

    private final ServerClient server;
    private final Messenger messenger;

    public StocksCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "stocks";
    }

    @Override
    public void execute(CommandRequest request) {
        Texts t = request.texts();
        List<Insights.Stocks> blocks = server.criticalStocks(request.from().id());
        if (blocks.isEmpty()) {
            messenger.sendText(request.chatId(), t.get("common.no_cabinets"), null);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Insights.Stocks block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(t.get("stocks.title", Html.escape(block.name()), block.threshold()));
            if (block.products().isEmpty()) {
                text.append("\n").append(t.get("stocks.none"));
            }
            for (Insights.CriticalProduct product : block.products()) {
                String days = product.daysLeft() == null ? "—" : String.format(Locale.ROOT, "%.1f", product.daysLeft());
                text.append("\n\n")
                        .append(t.get(
                                "stocks.item",
                                Html.escape(Html.clip(product.title(), 60)),
                                Html.escape(product.article()),
                                product.total(),
                                product.orders7d(),
                                days));
            }
        }
        messenger.sendText(request.chatId(), Pages.fit(text.toString()), null);
    }
}
