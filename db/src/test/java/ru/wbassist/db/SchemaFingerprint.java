package ru.wbassist.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A vendor-neutral description of the schema, read through JDBC metadata: tables, columns (normalised type and
 * nullability), primary keys, named unique and check constraints, foreign keys and the explicitly named
 * {@code ix_} indexes. Two stores built by the same migrations must describe the same schema.
 */
final class SchemaFingerprint {

    private SchemaFingerprint() {}

    static List<String> of(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = "public";
        List<String> lines = new ArrayList<>();
        for (String table : tables(meta, schema)) {
            lines.add("table " + table);
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                Map<Integer, String> columns = new TreeMap<>();
                while (rs.next()) {
                    columns.put(
                            rs.getInt("ORDINAL_POSITION"),
                            "  column " + lower(rs.getString("COLUMN_NAME")) + " " + type(rs)
                                    + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
                }
                lines.addAll(columns.values());
            }
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                Map<Integer, String> key = new TreeMap<>();
                while (rs.next()) {
                    key.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
                }
                lines.add("  primary key " + key.values());
            }
            TreeSet<String> foreign = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    foreign.add("  foreign key " + lower(rs.getString("FKCOLUMN_NAME")) + " -> "
                            + lower(rs.getString("PKTABLE_NAME")) + "." + lower(rs.getString("PKCOLUMN_NAME"))
                            + " on delete " + rs.getShort("DELETE_RULE"));
                }
            }
            lines.addAll(foreign);
            lines.addAll(indexes(meta, schema, table));
        }
        lines.addAll(constraints(c));
        return lines;
    }

    private static List<String> tables(DatabaseMetaData meta, String schema) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = lower(rs.getString("TABLE_NAME"));
                if (!name.startsWith("flyway_")) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    /** Named indexes ({@code ix_…}, and unique constraints' {@code uq_…}) with their columns in order. */
    private static List<String> indexes(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, Map<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, true)) {
            while (rs.next()) {
                String name = lower(rs.getString("INDEX_NAME"));
                if (name == null
                        || !(name.startsWith("ix_") || name.startsWith("uq_"))
                        || name.startsWith("uq_") && rs.getString("COLUMN_NAME") == null) {
                    continue;
                }
                // H2 names the index behind a unique constraint "<constraint>_INDEX_<n>".
                String key = name.replaceAll("_index_[0-9a-z]+$", "");
                columns.computeIfAbsent(key, k -> new TreeMap<>())
                        .put((int) rs.getShort("ORDINAL_POSITION"), lower(rs.getString("COLUMN_NAME")));
                unique.put(key, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<String> lines = new ArrayList<>();
        columns.forEach((name, cols) ->
                lines.add("  index " + name + " " + cols.values() + (unique.get(name) ? " unique" : "")));
        return lines;
    }

    /** Named unique and check constraints of the public schema. */
    private static List<String> constraints(Connection c) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, constraint_name, constraint_type"
                        + " FROM information_schema.table_constraints WHERE LOWER(table_schema) = 'public'"
                        + " AND constraint_type IN ('UNIQUE', 'CHECK')")) {
            while (rs.next()) {
                String name = lower(rs.getString(2));
                if (name.startsWith("uq_") || name.startsWith("ck_")) {
                    names.add("constraint " + lower(rs.getString(1)) + "." + name + " " + rs.getString(3));
                }
            }
        }
        return List.copyOf(names);
    }

    private static String type(ResultSet column) throws SQLException {
        String name = column.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        return switch (column.getInt("DATA_TYPE")) {
            case Types.VARCHAR, Types.CLOB, Types.LONGVARCHAR, Types.NVARCHAR, Types.CHAR -> "text";
            case Types.BIGINT -> "bigint";
            case Types.INTEGER -> "integer";
            case Types.SMALLINT -> "smallint";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            case Types.NUMERIC, Types.DECIMAL ->
                "numeric(" + column.getInt("COLUMN_SIZE") + "," + column.getInt("DECIMAL_DIGITS") + ")";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("time zone") ? "timestamptz" : "timestamp";
            default -> name;
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
