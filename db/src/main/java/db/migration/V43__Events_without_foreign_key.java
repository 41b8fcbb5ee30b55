package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code events} gets one row per detected event inside the sync's transaction, like {@code notification_history}
 * (V41): its foreign key to the cabinet goes for the same reason, and the cabinet's deletion removes its events
 * explicitly ({@code CabinetRepository.unlink}). The index on {@code detected_at} goes too: no query reads it.
 */
public final class V43__Events_without_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        ForeignKeys.dropAll(context.getConnection(), "events");
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("DROP INDEX ix_events_detected");
        }
    }
}
