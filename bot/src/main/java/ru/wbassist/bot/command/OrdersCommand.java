package ru.wbassist.bot.command;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Html;
import ru.wbassist.api.Insights;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/** /orders: recent orders with status filter and paging buttons; pressing one edits the message in place. */
public final class OrdersCommand implements Command, CallbackHandler {

    private static final int PAGE = 5;
    private static final List<String> STATUSES = List.of("all", "active", "canceled", "buyout", "return");

    private final ServerClient server;
    private final Messenger messenger;

    public OrdersCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public String prefix() {
        return "ord";
    }

    @Override
    public void execute(CommandRequest request) {
        Page page = page(request.from().id(), "all", 0, request.texts());
        messenger.sendText(request.chatId(), page.text(), page.keyboard());
    }

    @Override
    public String handle(CallbackRequest request) {
        String[] args = request.args();
        String status = args.length > 0 && STATUSES.contains(args[0]) ? args[0] : "all";
        int offset = args.length > 1 ? Math.max(0, Integer.parseInt(args[1])) : 0;
        Page page = page(request.from().id(), status, offset, request.texts());
        messenger.editText(request.chatId(), request.messageId(), page.text(), page.keyboard());
        return "";
    }

    private record Page(String text, InlineKeyboardMarkup keyboard) {}

    private Page page(long userId, String status, int offset, Texts t) {
        List<Insights.Orders> blocks = server.orders(userId, "all".equals(status) ? null : status, PAGE, offset);
        if (blocks.isEmpty()) {
            return new Page(t.get("common.no_cabinets"), null);
        }
        StringBuilder text = new StringBuilder();
        long maxTotal = 0;
        for (Insights.Orders block : blocks) {
            maxTotal = Math.max(maxTotal, block.total());
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            long to = Math.min(block.total(), offset + block.orders().size());
            text.append(t.get(
                    "orders.title",
                    Html.escape(block.name()),
                    t.get("orders.status." + status),
                    block.total() == 0 ? 0 : offset + 1,
                    to,
                    block.total()));
            if (block.orders().isEmpty()) {
                text.append("\n").append(t.get("orders.none"));
            }
            for (Insights.OrderLine order : block.orders()) {
                text.append("\n\n")
                        .append(t.get(
                                "orders.item",
                                Html.escape(Html.clip(order.title(), 60)),
                                Html.escape(order.article()),
                                Format.money(order.finishedPrice()),
                                Html.escape(order.warehouse()),
                                Html.escape(order.region()),
                                Format.time(order.orderDate()),
                                t.getOr("orders.status." + order.status(), Html.escape(order.status()))));
            }
        }
        Buttons buttons = Buttons.keyboard().row();
        for (String filter : STATUSES) {
            String label = t.get("orders.filter." + filter);
            buttons.button(filter.equals(status) ? "• " + label : label, "ord:" + filter + ":0");
        }
        buttons.row();
        if (offset > 0) {
            buttons.button(t.get("common.prev"), "ord:" + status + ":" + Math.max(0, offset - PAGE));
        }
        if (offset + PAGE < maxTotal) {
            buttons.button(t.get("common.next"), "ord:" + status + ":" + (offset + PAGE));
        }
        return new Page(Pages.fit(text.toString()), buttons.build());
    }
}
