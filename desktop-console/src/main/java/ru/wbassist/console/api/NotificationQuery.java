package ru.wbassist.console.api;

import java.time.Instant;

/** Filters and page of GET /api/v1/admin/notifications; null means "any". */
public record NotificationQuery(
        Long telegramId, Long cabinetId, String type, String status, Instant from, Instant to, int limit, int offset) {

    public static NotificationQuery ofUser(long telegramId, int limit) {
        return new NotificationQuery(telegramId, null, null, null, null, null, limit, 0);
    }
}
