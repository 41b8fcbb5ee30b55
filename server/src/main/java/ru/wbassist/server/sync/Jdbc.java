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

/** The batch helpers the data sets share: JDBC batches for writes, chunked {@code IN} look-ups for what exists. */
final class Jdbc {

    private static final int BATCH = 1000;
    private static final int IN_CHUNK = 500;

    private Jdbc() {
    }

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
     * The stored rows of a cabinet among {@code keys}: {@code select} is "SELECT key, … FROM t WHERE cabinet_id = ? AND
     * key IN", completed here with the placeholders; the first column is the key.
     */
    static <K, V> Map<K, V> existing(Connection c, String select, long cabinetId, Collection<K> keys,
                                     Sql.RowMapper<V> mapper) throws SQLException {
        Map<K, V> found = new HashMap<>();
        List<K> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<K> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String sql = select + " (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, cabinetId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        @SuppressWarnings("unchecked")
                        K key = (K) rs.getObject(1);
                        found.put(key, mapper.map(rs));
                    }
                }
            }
        }
        return found;
    }
}
