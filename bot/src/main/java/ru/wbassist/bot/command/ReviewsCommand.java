package ru.wbassist.bot.command;

import java.util.List;
import ru.wbassist.api.Html;
import ru.wbassist.api.Insights;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;

/**
 * /reviews: rating, distribution, unanswered count and the latest reviews; then the unanswered negative ones, each
 * with an "Ответить" button (or why the user may not answer).
 */
public final class ReviewsCommand implements Command {

    private final ServerClient server;
    private final Messenger messenger;

    public ReviewsCommand(ServerClient server, Messenger messenger) {
        this.server = server;
        this.messenger = messenger;
    }

    @Override
    public String name() {
        return "reviews";
    }

    @Override
    public void execute(CommandRequest request) {
        Texts t = request.texts();
        List<Insights.Reviews> blocks = server.reviews(request.from().id());
        if (blocks.isEmpty()) {
            messenger.sendText(request.chatId(), t.get("common.no_cabinets"), null);
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Insights.Reviews block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            StringBuilder distribution = new StringBuilder();
            for (int stars = 5; stars >= 1; stars--) {
                long count =
                        block.distribution() == null ? 0 : block.distribution().getOrDefault("" + stars, 0L);
                distribution.append(stars).append("★ ").append(count).append(stars > 1 ? " · " : "");
            }
            text.append(t.get(
                    "reviews.title",
                    Html.escape(block.name()),
                    Format.rating(block.averageRating()),
                    block.total(),
                    block.unanswered(),
                    distribution));
            for (Insights.Review review : block.latest()) {
                text.append("\n\n")
                        .append(t.get(
                                "reviews.item",
                                "★".repeat(Math.max(0, review.rating())),
                                Html.escape(Html.clip(review.productName(), 50)),
                                Format.time(review.createdDate()),
                                Html.escape(Html.clip(
                                        review.text() == null || review.text().isBlank()
                                                ? t.get("reviews.no_text")
                                                : review.text(),
                                        300))));
            }
        }
        UnansweredList unanswered = new UnansweredList(
                t, ReplyFlow.Kind.REVIEW, server.unanswered(request.from().id(), "reviews"));
        text.append("\n\n").append(unanswered.text());
        messenger.sendText(request.chatId(), Pages.fit(text.toString()), unanswered.keyboard());
    }
}
