package ru.wbassist.console.api;

import java.time.OffsetDateTime;

/** Filters and page of GET /api/v1/admin/sync-logs; null means "any". */
public record SyncLogQuery(Long cabinetId, String dataSet, String status, OffsetDateTime from, OffsetDateTime to,
                           int limit, int offset) {
}
