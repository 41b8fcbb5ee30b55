package ru.wbassist.bot.command;

import ru.wbassist.bot.i18n.Texts;

/** A press on an inline button under the bot's message {@code messageId}; {@code data} is the button's callback_data. */
public record CallbackRequest(long chatId, Sender from, String callbackId, long messageId, String data, Texts texts) {

    /** The colon-separated parts of the data after the handler prefix: "ord:buyout:10" → ["buyout", "10"]. */
    public String[] args() {
        int colon = data.indexOf(':');
        return colon < 0 ? new String[0] : data.substring(colon + 1).split(":");
    }
}
