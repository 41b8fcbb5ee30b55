package ru.wbassist.server.notifications;

import java.time.Instant;

/** What the bot delivers (docs/api.md "Item"): Telegram HTML within limits, a photo URL or null. */
public record NotificationItem(long id, long telegramId, Long cabinetId, String type, String text, String imageUrl,
                               Instant createdAt, int attempts, int groupSize) {
}
