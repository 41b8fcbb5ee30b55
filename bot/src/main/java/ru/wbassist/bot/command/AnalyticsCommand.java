package ru.wbassist.bot.command;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Html;
import ru.wbassist.api.Insights;
import ru.wbassist.bot.chart.SalesChart;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/**
 * /analytics: sales totals for a period chosen with buttons (edited in place), and on request a chart of the days as
 * a PNG uploaded with sendPhoto.
 */
public final class AnalyticsCommand implements Command, CallbackHandler {

    private static final List<String> PERIODS = List.of("1d", "7d", "30d", "90d");

    private final ServerClient server;
    private final Messenger messenger;

    public AnalyticsCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public String prefix() {
        return "an";
    }

    @Override
    public void execute(CommandRequest request) {
        String period =
                PERIODS.contains(request.args() == null ? "" : request.args().trim())
                        ? request.args().trim()
                        : "7d";
        List<Insights.Analytics> blocks = server.analytics(request.from().id(), period);
        messenger.sendText(request.chatId(), text(blocks, request.texts()), keyboard(period, blocks, request.texts()));
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        Texts t = request.texts();
        boolean chart = args.length > 1 && "chart".equals(args[0]);
        String requested = chart ? args[1] : args.length > 0 ? args[0] : "7d";
        String period = PERIODS.contains(requested) ? requested : "7d";
        List<Insights.Analytics> blocks = server.analytics(request.from().id(), period);
        if (chart) {
            for (Insights.Analytics block : blocks) {
                messenger.sendPhotoUpload(
                        request.chatId(),
                        SalesChart.png(block, t),
                        "sales-" + period + ".png",
                        t.get("analytics.chart_caption", Html.escape(block.name()), t.get("period." + period)),
                        null);
            }
            return blocks.isEmpty() ? t.get("common.no_cabinets_short") : "";
        }
        messenger.editText(request.chatId(), request.messageId(), text(blocks, t), keyboard(period, blocks, t));
        return "";
    }

    private static String text(List<Insights.Analytics> blocks, Texts t) {
        if (blocks.isEmpty()) {
            return t.get("common.no_cabinets");
        }
        StringBuilder text = new StringBuilder();
        for (Insights.Analytics block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            Insights.Totals totals = block.totals();
            text.append(t.get(
                    "analytics.block",
                    Html.escape(block.name()),
                    t.get("period." + block.period()),
                    Format.countSum(totals.orders()),
                    Format.countSum(totals.buyouts()),
                    Format.countSum(totals.returns()),
                    Format.countSum(totals.cancellations()),
                    Format.percent(block.buyoutRate())));
            if (!block.topProducts().isEmpty()) {
                text.append("\n").append(t.get("analytics.top"));
                int place = 1;
                for (Insights.TopProduct product : block.topProducts()) {
                    text.append("\n")
                            .append(place++)
                            .append(". ")
                            .append(Html.escape(Html.clip(product.title(), 50)))
                            .append(" — ")
                            .append(product.count())
                            .append(" · ")
                            .append(Format.money(product.sum()));
                    if (place > 5) {
                        break;
                    }
                }
            }
        }
        return Pages.fit(text.toString());
    }

    private static InlineKeyboardMarkup keyboard(String period, List<Insights.Analytics> blocks, Texts t) {
        if (blocks.isEmpty()) {
            return null;
        }
        Buttons buttons = Buttons.keyboard().row();
        for (String option : PERIODS) {
            String label = t.get("period." + option);
            buttons.button(option.equals(period) ? "• " + label : label, "an:" + option);
        }
        return buttons.row()
                .button(t.get("analytics.chart_button"), "an:chart:" + period)
                .build();
    }
}
