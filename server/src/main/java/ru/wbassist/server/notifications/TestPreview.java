package ru.wbassist.server.notifications;

import java.util.List;

/**
 * A test notification as the send would queue it now (docs/api.md, admin "test-notification/preview"): the rendered
 * Telegram HTML and photo in the user's language, the cabinet whose product it shows, and what the send will meet.
 */
public record TestPreview(long telegramId, String type, String language, Long cabinetId, String cabinetName, String text,
                          String imageUrl, boolean botBlocked, List<Warning> warnings) {

    /** The user has quiet hours now; a test passes them. */
    public static final String QUIET_HOURS = "quiet_hours";
    /** No synced product to show: the sample is made up. */
    public static final String SAMPLE_PRODUCT = "sample_product";

    /** Something the operator should know before sending; {@code code} is stable, {@code message} is for people. */
    public record Warning(String code, String message) {
    }
}
