package ru.wbassist.server.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.time.Moscow;

/**
 * CSV exports of admin lists (RFC 4180: comma, CRLF, quotes doubled), UTF-8 with a byte order mark so spreadsheet
 * programs read Cyrillic right. Times are Moscow time with their offset, like the JSON answers.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final int FETCH_SIZE = 500;
    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Csv() {}

    /** The columns of an export: a header name and how a row's cell is written. */
    static final class Columns<T> {

        private final List<String> names = new ArrayList<>();
        private final List<Function<T, String>> cells = new ArrayList<>();

        Columns<T> number(String name, Function<T, ? extends Number> value) {
            return add(name, row -> {
                Number number = value.apply(row);
                return number == null ? "" : number.toString();
            });
        }

        Columns<T> time(String name, Function<T, Instant> value) {
            return add(name, row -> {
                Instant time = value.apply(row);
                return time == null ? "" : TIME.format(Moscow.toMsk(time));
            });
        }

        /** Free text, quoted when needed; a leading {@code = + - @} is neutralised so no cell runs as a formula. */
        Columns<T> text(String name, Function<T, String> value) {
            return add(name, row -> quoted(value.apply(row)));
        }

        private Columns<T> add(String name, Function<T, String> cell) {
            names.add(name);
            cells.add(cell);
            return this;
        }

        List<String> names() {
            return List.copyOf(names);
        }
    }

    /**
     * Writes the rows of a query as CSV, streamed: read in one transaction (PostgreSQL hands out the rows by a cursor
     * only outside auto-commit), {@link #FETCH_SIZE} at a time.
     */
    static <T> void export(
            Database db, OutputStream out, Columns<T> columns, String sql, Sql.RowMapper<T> map, Object... params)
            throws IOException {
        write(
                out,
                columns,
                rows -> db.inTransaction(c -> {
                    Sql.forEach(c, sql, FETCH_SIZE, rs -> rows.accept(map.map(rs)), params);
                    return null;
                }));
    }

    /**
     * Writes the BOM, the header and every row {@code source} hands to its sink.
     *
     * @param source produces the rows into the given sink (a database read, typically)
     */
    private static <T> void write(OutputStream out, Columns<T> columns, Consumer<Consumer<T>> source)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BOM);
        writer.write(String.join(",", columns.names) + "\r\n");
        try {
            source.accept(row -> {
                try {
                    for (int i = 0; i < columns.cells.size(); i++) {
                        if (i > 0) {
                            writer.write(',');
                        }
                        writer.write(columns.cells.get(i).apply(row));
                    }
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    static String quoted(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
