package ru.wbassist.server.sync;

import java.lang.System.Logger.Level;
import java.time.Clock;
import ru.wbassist.db.Database;
import ru.wbassist.server.cabinets.CabinetState;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.wb.WbException;

/**
 * WB's 401/403, as the sync run and the order-feed poll both handle it: the key is marked invalid and the sink hears
 * of it once per invalidation.
 */
final class KeyStatus {

    private static final System.Logger LOG = System.getLogger(KeyStatus.class.getName());

    private final Database db;
    private final EventSink events;
    private final Clock clock;
    private final ServerMeters meters;

    KeyStatus(Database db, EventSink events, Clock clock, ServerMeters meters) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** Marks the key invalid; the sink hears of it only when the key was valid until now. */
    void markInvalid(long cabinetId, WbException.KeyRejected e) {
        LOG.log(Level.WARNING, "WB rejected the key ({0}): {1}", e.status(), e.reason());
        String reason = "WB answered " + e.status() + ": " + e.reason();
        meters.afterCommit(() -> db.inTransaction(c -> {
            if (CabinetState.markKeyInvalid(c, cabinetId, reason, clock.instant())) {
                events.keyInvalid(c, cabinetId, reason);
            }
            return null;
        }));
    }
}
