package ru.wbassist.console.api;

import java.time.OffsetDateTime;

/** A row of GET /api/v1/admin/notifications; {@code text} is the Telegram HTML the user receives. */
public record NotificationRecord(
        long id,
        long telegramId,
        Long cabinetId,
        String type,
        String status,
        String suppressedReason,
        String text,
        String imageUrl,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        int attempts,
        String lastError) {
}
