package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import ru.wbassist.db.Sql;

/** {@code sync_cursors}: where each data set's next fetch starts; written in the transaction that stores its rows. */
final class Cursors {

    private Cursors() {}

    static Optional<String> read(Connection c, long cabinetId, DataSet dataSet) throws SQLException {
        return Sql.queryOne(
                c,
                "SELECT cursor_value FROM sync_cursors WHERE cabinet_id = ? AND data_set = ?",
                rs -> rs.getString(1),
                cabinetId,
                dataSet.dbName());
    }

    static void write(Connection c, long cabinetId, DataSet dataSet, String value, Instant now) throws SQLException {
        int updated = Sql.update(
                c,
                "UPDATE sync_cursors SET cursor_value = ?, updated_at = ? WHERE cabinet_id = ?" + " AND data_set = ?",
                value,
                now,
                cabinetId,
                dataSet.dbName());
        if (updated == 0) {
            Sql.update(
                    c,
                    "INSERT INTO sync_cursors (cabinet_id, data_set, cursor_value, updated_at) VALUES (?,?,?,?)",
                    cabinetId,
                    dataSet.dbName(),
                    value,
                    now);
        }
    }
}
