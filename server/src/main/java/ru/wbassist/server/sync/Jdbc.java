package ru.wbassist.server.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.wbassist.db.Sql;

/** The batch helpers the data sets share: JDBC batches for writes, key-list look-ups for what exists. */
final class Jdbc {

    private static final int BATCH = 1000;
    private static final int IN_CHUNK = 500;

    private Jdbc() {}

    /** Turns one row into the statement's parameters. */
    @FunctionalInterface
    interface Params<T> {
        Object[] of(T row);
    }

    /** Executes {@code sql} once per row, in JDBC batches. */
    static <T> void batch(Connection c, String sql, Collection<T> rows, Params<T> params) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                Sql.bind(ps, params.of(row));
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The stored rows of a cabinet among {@code keys}, by key: {@code SELECT key, columns FROM table} joined to the
     * keys as a {@code VALUES} list on (cabinet_id, key). Both H2 and PostgreSQL answer that with one probe of the
     * (cabinet_id, key) unique index per key, where {@code cabinet_id = ? AND key IN (…)} makes H2 read every row of
     * the cabinet, a cost that grows with the shop's history.
     *
     * @param columns further columns for {@code mapper}, comma-separated, or empty
     */
    static <K, V> Map<K, V> existing(
            Connection c,
            String table,
            String key,
            String columns,
            long cabinetId,
            Collection<K> keys,
            Sql.RowMapper<V> mapper)
            throws SQLException {
        Map<K, V> found = new HashMap<>();
        List<K> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<K> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(existingSql(table, key, columns, chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, chunk.get(i));
                }
                ps.setLong(chunk.size() + 1, cabinetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        @SuppressWarnings("unchecked")
                        K stored = (K) rs.getObject(1);
                        found.put(stored, mapper.map(rs));
                    }
                }
            }
        }
        return found;
    }

    /** The look-up {@link #existing} runs for {@code count} keys: the keys' parameters first, then the cabinet. */
    static String existingSql(String table, String key, String columns, int count) {
        return "SELECT t." + key + (columns.isEmpty() ? "" : ", " + columns) + " FROM " + Sql.keyList(count) + " JOIN "
                + table + " t ON t.cabinet_id = ? AND t." + key + " = k.ext_id";
    }
}
