package ru.wbassist.console.api;

import java.time.Instant;

/** Filters and page of GET /api/v1/admin/sync-logs; null means "any". */
public record SyncLogQuery(
        Long cabinetId, String dataSet, String status, Instant from, Instant to, int limit, int offset) {}
