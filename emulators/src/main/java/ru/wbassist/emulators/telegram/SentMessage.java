package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted bot action in a chat, in order: a sent message (sendMessage, sendPhoto, one per sendMediaGroup item),
 * an edit (editMessageText, editMessageReplyMarkup) or a deleteMessage, with the message it touched.
 *
 * @param text        the message text (sendMessage, editMessageText) as sent, HTML included
 * @param caption     the photo caption as sent
 * @param photo       a photo URL or file_id, or {@code "upload:<file name>"} for a multipart upload
 * @param photoBytes  the uploaded photo, or null
 * @param replyMarkup the reply_markup as JSON, or null
 */
public record SentMessage(
        long chatId,
        long messageId,
        String method,
        String text,
        String caption,
        String parseMode,
        String photo,
        byte[] photoBytes,
        JsonNode replyMarkup,
        Instant at) {

    /** The callback_data of every inline button, row by row. */
    public List<String> callbackData() {
        return buttonField("callback_data");
    }

    /** The label of every inline button, row by row. */
    public List<String> buttonTexts() {
        return buttonField("text");
    }

    /** Text or caption, whichever the message carries. */
    public String body() {
        return text != null ? text : caption;
    }

    private List<String> buttonField(String field) {
        List<String> values = new ArrayList<>();
        if (replyMarkup != null) {
            for (JsonNode row : replyMarkup.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.hasNonNull(field)) {
                        values.add(button.get(field).asText());
                    }
                }
            }
        }
        return values;
    }
}
