package ru.wbassist.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small JDBC helpers: positional parameters, row mappers, and the one place that converts
 * between {@link Instant} and {@code TIMESTAMP WITH TIME ZONE} (H2 and pgjdbc both map
 * {@link OffsetDateTime}, neither maps {@link Instant}).
 */
public final class Sql {

    private Sql() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** Consumes a row. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Hands each row to {@code consumer} without collecting them, fetching {@code fetchSize} rows at a time (exports
     * of whole tables). PostgreSQL streams with a cursor only outside auto-commit: call it inside a transaction.
     */
    public static void forEach(Connection c, String sql, int fetchSize, RowConsumer consumer, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(fetchSize);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public static long queryLong(Connection c, String sql, Object... params) throws SQLException {
        return queryOne(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id} (portable: no RETURNING on H2). */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated id for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, toJdbc(params[i]));
        }
    }

    /** Converts values JDBC drivers do not map themselves. */
    public static Object toJdbc(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an instant (null stays null). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a nullable integer column. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Reads a nullable bigint column. */
    public static Long longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Executes a statement without parameters (DDL in tests, vendor commands). */
    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Key lists and batches are cut to this size (PostgreSQL allows 32767 parameters per statement). */
    public static final int MAX_LIST = 500;

    /** {@code ?,?,?} for an IN list of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * {@code (VALUES (?),(?),…) AS k(ext_id)}: a list of keys to join on a composite unique key. H2 and PostgreSQL
     * look each key up in the (cabinet, key) index this way; {@code cabinet_id = ? AND key IN (…)} makes H2 scan
     * every row of the cabinet.
     */
    public static String keyList(int count) {
        return "(VALUES " + String.join(",", java.util.Collections.nCopies(count, "(?)")) + ") AS k(ext_id)";
    }
}
