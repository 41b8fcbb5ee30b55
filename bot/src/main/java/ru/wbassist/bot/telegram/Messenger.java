package ru.wbassist.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The one place the bot talks to Telegram through (texts are Telegram HTML). Commands and the delivery engine use it,
 * so neither touches the Telegram client and both are testable against any Bot API server.
 * Failures surface as {@link TelegramFailure}.
 */
public interface Messenger {

    /** Sends a text message; returns its message_id. */
    long sendText(long chatId, String html, InlineKeyboardMarkup keyboard);

    /** Sends a photo by URL with a caption (and a keyboard, or null); returns its message_id. */
    long sendPhotoUrl(long chatId, String photoUrl, String captionHtml, InlineKeyboardMarkup keyboard);

    /** Uploads a photo (e.g. a chart) with a caption; returns its message_id. */
    long sendPhotoUpload(long chatId, byte[] png, String fileName, String captionHtml, InlineKeyboardMarkup keyboard);

    /** Replaces a message's text and keyboard; an edit that changes nothing is not an error. */
    void editText(long chatId, long messageId, String html, InlineKeyboardMarkup keyboard);

    void answerCallback(String callbackQueryId, String text);

    void deleteMessage(long chatId, long messageId);
}
