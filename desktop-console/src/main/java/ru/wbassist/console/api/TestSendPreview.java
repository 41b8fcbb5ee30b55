package ru.wbassist.console.api;

import java.util.List;

/**
 * The answer of POST /api/v1/admin/users/{telegram_id}/test-notification/preview: the message a test send would
 * queue now (Telegram HTML and photo, in the user's language), the cabinet whose product it shows, and what the send
 * will meet.
 */
public record TestSendPreview(
        long telegramId,
        String type,
        String language,
        Long cabinetId,
        String cabinetName,
        String text,
        String imageUrl,
        boolean botBlocked,
        List<Warning> warnings) {

    public TestSendPreview {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Something to know before sending: {@code code} as docs/api.md lists them, {@code message} for the operator. */
    public record Warning(String code, String message) {
    }
}
