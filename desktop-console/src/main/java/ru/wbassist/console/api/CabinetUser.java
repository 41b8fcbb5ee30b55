package ru.wbassist.console.api;

import java.time.OffsetDateTime;

/** A row of GET /api/v1/admin/cabinets/{id}/users. */
public record CabinetUser(long telegramId, String username, String firstName, String role, OffsetDateTime joinedAt) {
}
