package ru.wbassist.server.cabinets;

import java.time.Instant;

/** A cabinet as one of its users sees it; never carries the key. */
public record Cabinet(long id, String name, String role, Instant createdAt, boolean active, Instant keyExpiresAt,
                      boolean keyValid, String keyError, Instant lastSyncAt, String lastSyncStatus) {
}
