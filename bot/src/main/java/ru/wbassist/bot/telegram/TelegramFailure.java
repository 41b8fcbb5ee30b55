package ru.wbassist.bot.telegram;

/**
 * A Bot API call that failed: Telegram's error code and description (0 when the request never got an answer), and
 * retry_after for 429.
 */
public final class TelegramFailure extends RuntimeException {

    private final int errorCode;
    private final Integer retryAfterSeconds;

    public TelegramFailure(int errorCode, String description, Integer retryAfterSeconds) {
        super(description, null, false, false);
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return getMessage();
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean isTooManyRequests() {
        return errorCode == 429;
    }

    /** The user blocked the bot or deleted their account: sending again is pointless. */
    public boolean isBlocked() {
        return errorCode == 403;
    }

    /** A caption over Telegram's 1024 characters: the same text still fits a message (4096). */
    public boolean isCaptionTooLong() {
        return errorCode == 400 && description() != null && description().contains("message caption is too long");
    }

    /** Telegram could not download the photo by its URL. */
    public boolean isPhotoUnavailable() {
        String text = description() == null ? "" : description();
        return errorCode == 400
                && (text.contains("failed to get HTTP URL content")
                        || text.contains("wrong file identifier/HTTP URL specified")
                        || text.contains("wrong type of the web page content")
                        || text.contains("IMAGE_PROCESS_FAILED"));
    }
}
