package db.migration;

import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of {@code notification_history} (user, cabinet, event). Fan-out writes one row per event
 * and user inside the sync's transaction, and each foreign key made every one of those rows run a look-up of its
 * parent row (on PostgreSQL a {@code SELECT … FOR KEY SHARE} per key): about 40 % of the insert cost
 * (docs/benchmarks.md "Detection and fan-out"). The rows are written only by the fan-out, with ids it has just
 * read in the same transaction, and their one deletion path — a cabinet's last user leaving — now deletes them
 * explicitly ({@code CabinetRepository.unlink}); users and events are never deleted on their own.
 */
public final class V41__Queue_without_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        ForeignKeys.dropAll(context.getConnection(), "notification_history");
    }
}
