package ru.wbassist.bot.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** {@link Messenger} over the TelegramBots client, HTML parse mode, link previews off. */
public final class TelegramMessenger implements Messenger {

    private static final String HTML = "HTML";

    private final TelegramClient telegram;

    public TelegramMessenger(TelegramClient telegram) {
        this.telegram = telegram;
    }

    @Override
    public long sendText(long chatId, String html, InlineKeyboardMarkup keyboard) {
        return execute(SendMessage.builder()
                        .chatId(chatId)
                        .text(html)
                        .parseMode(HTML)
                        .replyMarkup(keyboard)
                        .linkPreviewOptions(
                                LinkPreviewOptions.builder().isDisabled(true).build())
                        .build())
                .getMessageId();
    }

    @Override
    public long sendPhotoUrl(long chatId, String photoUrl, String captionHtml, InlineKeyboardMarkup keyboard) {
        SendPhoto photo = SendPhoto.builder()
                .chatId(chatId)
                .photo(new InputFile(photoUrl))
                .caption(captionHtml)
                .parseMode(HTML)
                .replyMarkup(keyboard)
                .build();
        try {
            return telegram.execute(photo).getMessageId();
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    @Override
    public long sendPhotoUpload(
            long chatId, byte[] png, String fileName, String captionHtml, InlineKeyboardMarkup keyboard) {
        SendPhoto photo = SendPhoto.builder()
                .chatId(chatId)
                .photo(new InputFile(new ByteArrayInputStream(png), fileName))
                .caption(captionHtml)
                .parseMode(HTML)
                .replyMarkup(keyboard)
                .build();
        try {
            return telegram.execute(photo).getMessageId();
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    @Override
    public void editText(long chatId, long messageId, String html, InlineKeyboardMarkup keyboard) {
        try {
            execute(EditMessageText.builder()
                    .chatId(chatId)
                    .messageId((int) messageId)
                    .text(html)
                    .parseMode(HTML)
                    .replyMarkup(keyboard)
                    .linkPreviewOptions(
                            LinkPreviewOptions.builder().isDisabled(true).build())
                    .build());
        } catch (TelegramFailure e) {
            // a double tap on a button asks for the content the message already has: nothing to do
            if (e.errorCode() != 400 || !e.description().contains("message is not modified")) {
                throw e;
            }
        }
    }

    @Override
    public void answerCallback(String callbackQueryId, String text) {
        execute(AnswerCallbackQuery.builder()
                .callbackQueryId(callbackQueryId)
                .text(text)
                .build());
    }

    @Override
    public void deleteMessage(long chatId, long messageId) {
        execute(DeleteMessage.builder()
                .chatId(chatId)
                .messageId((int) messageId)
                .build());
    }

    private <T extends Serializable> T execute(BotApiMethod<T> method) {
        try {
            return telegram.execute(method);
        } catch (TelegramApiException e) {
            throw failure(e);
        }
    }

    private static TelegramFailure failure(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
            Integer retryAfter = request.getParameters() == null
                    ? null
                    : request.getParameters().getRetryAfter();
            return new TelegramFailure(request.getErrorCode(), request.getApiResponse(), retryAfter);
        }
        return new TelegramFailure(0, "no answer from Telegram: " + e.getClass().getSimpleName(), null);
    }
}
