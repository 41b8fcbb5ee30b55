package ru.wbassist.observability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The two log line formats, chosen by {@code LOG_FORMAT}: {@code text} (default) and {@code json}. Either way one
 * event is one line: the {@link LogContext} fields of the logging thread ride along, and a stack trace is kept whole
 * but on the same line (text: line breaks written as {@code \n}; JSON: the {@code stack} string), so grep and log
 * shippers see one record per event.
 */
public enum LogFormat {
    TEXT {
        @Override
        String line(
                Instant time,
                String level,
                String logger,
                String message,
                Map<String, String> fields,
                Throwable thrown) {
            StringBuilder line = new StringBuilder(160)
                    .append(time)
                    .append(' ')
                    .append(level)
                    .append(' ')
                    .append(logger);
            fields.forEach(
                    (name, value) -> line.append(' ').append(name).append('=').append(oneLine(value)));
            line.append(" - ").append(oneLine(message));
            if (thrown != null) {
                line.append(" | ").append(oneLine(stackTrace(thrown)));
            }
            return line.append(System.lineSeparator()).toString();
        }
    },
    JSON {
        @Override
        String line(
                Instant time,
                String level,
                String logger,
                String message,
                Map<String, String> fields,
                Throwable thrown) {
            Map<String, String> record = new LinkedHashMap<>();
            record.put("ts", time.toString());
            record.put("level", level);
            record.put("logger", logger);
            fields.forEach(record::putIfAbsent);
            record.put("message", message);
            if (thrown != null) {
                record.put("error", String.valueOf(thrown));
                record.put("stack", stackTrace(thrown));
            }
            StringBuilder json = new StringBuilder(200).append('{');
            record.forEach((name, value) -> {
                if (json.length() > 1) {
                    json.append(',');
                }
                quote(json, name).append(':');
                quote(json, value);
            });
            return json.append('}').append(System.lineSeparator()).toString();
        }
    };

    /** The format {@code LOG_FORMAT} names ({@code text} when unset). */
    public static LogFormat of(String name) {
        if (name == null || name.isBlank()) {
            return TEXT;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LOG_FORMAT must be text or json, got " + name);
        }
    }

    /** Makes every handler of the root logger write this format. */
    public void install() {
        Formatter formatter = formatter();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(formatter);
        }
    }

    /** A {@link java.util.logging.Formatter} writing this format. */
    public Formatter formatter() {
        return new Formatter() {
            @Override
            public String format(LogRecord record) {
                return line(
                        record.getInstant(),
                        level(record.getLevel()),
                        String.valueOf(record.getLoggerName()),
                        formatMessage(record),
                        LogContext.fields(),
                        record.getThrown());
            }
        };
    }

    abstract String line(
            Instant time, String level, String logger, String message, Map<String, String> fields, Throwable thrown);

    /** The names operators know from other servers, rather than java.util.logging's SEVERE/FINE. */
    private static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }

    private static String oneLine(String text) {
        return text == null
                ? "null"
                : text.replace("\r\n", "\\n")
                        .replace("\n", "\\n")
                        .replace("\r", "\\n")
                        .replace("\t", " ");
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
