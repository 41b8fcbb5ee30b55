package ru.wbassist.console.api;

import java.time.OffsetDateTime;

/** A row of GET /api/v1/admin/cabinets. */
public record CabinetSummary(
        long id,
        String name,
        boolean active,
        OffsetDateTime createdAt,
        int userCount,
        OffsetDateTime lastSyncAt,
        String lastSyncStatus,
        String lastError,
        Boolean keyValid) {
}
