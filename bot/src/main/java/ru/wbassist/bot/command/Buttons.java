package ru.wbassist.bot.command;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Builds inline keyboards row by row. callback_data must stay within Telegram's 64 bytes: keep it short. */
final class Buttons {

    private final List<InlineKeyboardRow> rows = new ArrayList<>();
    private InlineKeyboardRow current;

    static Buttons keyboard() {
        return new Buttons();
    }

    Buttons row() {
        current = new InlineKeyboardRow();
        rows.add(current);
        return this;
    }

    Buttons button(String text, String callbackData) {
        if (current == null) {
            row();
        }
        current.add(InlineKeyboardButton.builder()
                .text(text)
                .callbackData(callbackData)
                .build());
        return this;
    }

    InlineKeyboardMarkup build() {
        rows.removeIf(List::isEmpty);
        return rows.isEmpty()
                ? null
                : InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
