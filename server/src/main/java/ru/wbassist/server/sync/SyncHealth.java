package ru.wbassist.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * What an operator alerts on about the sync of all cabinets (the same figures on every server of one database):
 * cabinets whose key WB rejects, and cabinets overdue, not synced within twice the sync interval.
 */
public final class SyncHealth {

    private final Database db;
    private final Duration overdueAfter;
    private final Clock clock;

    public SyncHealth(Database db, SyncSettings settings, Clock clock) {
        this.db = db;
        this.overdueAfter = settings.interval().multipliedBy(2);
        this.clock = clock;
    }

    /** Active cabinets whose key WB rejected (401/403) at their last try. */
    public long keyInvalidCabinets() {
        return db.withConnection(c -> Sql.queryLong(
                c, "SELECT COUNT(*) FROM wb_cabinets" + " WHERE active AND key_invalid_since IS NOT NULL"));
    }

    /**
     * Active cabinets with a valid key, connected longer than 2 × SYNC_INTERVAL ago, with no data set run that stored
     * anything (success or partial) started since then. The recent runs are a range of the (cabinet_id, started_at)
     * index, so a scrape reads neither the whole log nor old runs. Cabinets with a rejected key are counted by
     * {@link #keyInvalidCabinets()} instead.
     */
    public long overdueCabinets() {
        Instant since = clock.instant().minus(overdueAfter);
        return db.withConnection(c -> Sql.queryLong(c, """
                SELECT COUNT(*) FROM wb_cabinets c
                 WHERE c.active AND c.key_invalid_since IS NULL AND c.created_at < ?
                   AND NOT EXISTS (SELECT 1 FROM wb_sync_logs l WHERE l.cabinet_id = c.id AND l.started_at >= ?
                                      AND l.status IN ('success', 'partial'))
                """, since, since));
    }
}
