package ru.wbassist.console.api;

import java.time.OffsetDateTime;

/** A row of GET /api/v1/admin/sync-logs. */
public record SyncLogEntry(
        long id,
        long cabinetId,
        String cabinetName,
        String dataSet,
        String status,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        int recordsProcessed,
        String errorMessage) {
}
