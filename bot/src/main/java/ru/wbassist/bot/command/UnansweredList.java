package ru.wbassist.bot.command;

import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Answers;
import ru.wbassist.api.Html;
import ru.wbassist.bot.i18n.Texts;

/**
 * The unanswered reviews or questions of each cabinet, numbered, with one "Ответить" button per item where the user
 * may answer, and the reason where they may not (/reviews and /questions).
 */
final class UnansweredList {

    private final StringBuilder text = new StringBuilder();
    private final Buttons buttons = Buttons.keyboard();

    UnansweredList(Texts t, ReplyFlow.Kind kind, List<Answers.Unanswered> blocks) {
        int number = 0;
        for (Answers.Unanswered block : blocks) {
            text.append("\n\n")
                    .append(t.get(
                            kind == ReplyFlow.Kind.REVIEW ? "unanswered.reviews" : "unanswered.questions",
                            Html.escape(block.name()),
                            block.unanswered()));
            if (!block.canAnswer()) {
                text.append('\n').append(t.get("reply.cannot." + block.cannotAnswerReason()));
            }
            for (Answers.ReplyItem item : block.items()) {
                number++;
                String stars = item.rating() == null ? "❓" : "★".repeat(item.rating());
                text.append("\n")
                        .append(t.get(
                                "unanswered.item",
                                number,
                                stars,
                                Html.escape(
                                        Html.clip(item.product() == null ? "WB " + item.nmId() : item.product(), 50)),
                                Format.time(item.createdDate()),
                                Html.escape(Html.clip(
                                        item.text() == null || item.text().isBlank()
                                                ? t.get("reviews.no_text")
                                                : item.text(),
                                        200))));
                String data = ReplyFlow.startData(kind, block.cabinetId(), item.itemId());
                if (block.canAnswer() && data != null) {
                    buttons.row().button(t.get("unanswered.reply", number), data);
                }
            }
        }
    }

    String text() {
        return text.toString().strip();
    }

    InlineKeyboardMarkup keyboard() {
        return buttons.build();
    }
}
