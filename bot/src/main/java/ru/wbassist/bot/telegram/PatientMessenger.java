package ru.wbassist.bot.telegram;

import java.time.Duration;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The messenger for replies to users: a reply that Telegram refuses with a short 429 (the user typed fast, or a
 * notification just went to the same chat) waits the retry_after and goes again, instead of being lost, as long as the
 * waits add up to a few seconds; longer is not worth holding a reply for, and it fails as before. The delivery engine does its own pacing and uses the
 * plain messenger.
 */
public final class PatientMessenger implements Messenger {

    private static final System.Logger LOG = System.getLogger(PatientMessenger.class.getName());

    private final Messenger messenger;
    private final Duration longestWait;

    public PatientMessenger(Messenger messenger, Duration longestWait) {
        this.messenger = messenger;
        this.longestWait = longestWait;
    }

    @Override
    public long sendText(long chatId, String html, InlineKeyboardMarkup keyboard) {
        return patiently(() -> messenger.sendText(chatId, html, keyboard));
    }

    @Override
    public long sendPhotoUrl(long chatId, String photoUrl, String captionHtml, InlineKeyboardMarkup keyboard) {
        return patiently(() -> messenger.sendPhotoUrl(chatId, photoUrl, captionHtml, keyboard));
    }

    @Override
    public long sendPhotoUpload(
            long chatId, byte[] png, String fileName, String captionHtml, InlineKeyboardMarkup keyboard) {
        return patiently(() -> messenger.sendPhotoUpload(chatId, png, fileName, captionHtml, keyboard));
    }

    @Override
    public void editText(long chatId, long messageId, String html, InlineKeyboardMarkup keyboard) {
        patiently(() -> {
            messenger.editText(chatId, messageId, html, keyboard);
            return 0L;
        });
    }

    @Override
    public void answerCallback(String callbackQueryId, String text) {
        messenger.answerCallback(callbackQueryId, text);
    }

    @Override
    public void deleteMessage(long chatId, long messageId) {
        messenger.deleteMessage(chatId, messageId);
    }

    /** Retries refused calls while the waits add up to at most {@code longestWait}. */
    private long patiently(Supplier<Long> call) {
        Duration waited = Duration.ZERO;
        while (true) {
            try {
                return call.get();
            } catch (TelegramFailure failure) {
                Integer seconds = failure.retryAfterSeconds();
                if (!failure.isTooManyRequests()
                        || seconds == null
                        || waited.plusSeconds(seconds).compareTo(longestWait) > 0) {
                    throw failure;
                }
                LOG.log(System.Logger.Level.INFO, "reply rate-limited; retrying in {0} s", seconds);
                try {
                    Thread.sleep(Duration.ofSeconds(seconds));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
                waited = waited.plusSeconds(seconds);
            }
        }
    }
}
