package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of {@code notification_history} (user, cabinet, event). Fan-out writes one row per event
 * and user inside the sync's transaction, and each foreign key made every one of those rows run a look-up of its
 * parent row (on PostgreSQL a {@code SELECT … FOR KEY SHARE} per key): about 40 % of the insert cost
 * (docs/benchmarks.md "Detection and fan-out"). The rows are written only by the fan-out, with ids it has just
 * read in the same transaction, and their one deletion path — a cabinet's last user leaving — now deletes them
 * explicitly ({@code CabinetRepository.unlink}); users and events are never deleted on their own.
 *
 * <p>A Java migration because the constraint names differ between H2 ({@code CONSTRAINT_…}) and PostgreSQL
 * ({@code …_fkey}); both list them in {@code information_schema.table_constraints}.
 */
public final class V41__Queue_without_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT constraint_name FROM information_schema.table_constraints"
                     + " WHERE LOWER(table_name) = 'notification_history' AND constraint_type = 'FOREIGN KEY'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE notification_history DROP CONSTRAINT \"" + name + "\"");
            }
        }
    }
}
