package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops every foreign key of a table. Java rather than SQL because the constraint names differ between H2
 * ({@code CONSTRAINT_…}) and PostgreSQL ({@code …_fkey}); both list them in {@code information_schema}.
 */
final class ForeignKeys {

    private ForeignKeys() {
    }

    static void dropAll(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT constraint_name FROM information_schema.table_constraints"
                     + " WHERE LOWER(table_name) = '" + table + "' AND constraint_type = 'FOREIGN KEY'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"");
            }
        }
    }
}
