package ru.wbassist.console.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Saving the server's CSV exports: the bytes as they came (byte order mark and all), and how many rows they hold. */
public final class Exports {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private Exports() {}

    /**
     * Downloads the CSV in the background, writes it to {@code file}, and reports "Saved N rows to …" (or the
     * failure, through the activity's error line).
     */
    public static void save(
            Activity activity, Supplier<byte[]> download, Path file, Texts texts, Consumer<String> result) {
        result.accept(null);
        activity.perform(
                () -> write(download.get(), file),
                rows -> result.accept(texts.get("common.exported", rows, file.getFileName())),
                failure -> {});
    }

    /** Writes the file and answers its number of rows (records after the header; a quoted field may hold line breaks). */
    static long write(byte[] csv, Path file) {
        try {
            Files.write(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return records(csv) - 1;
    }

    static long records(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        long records = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
            }
        }
        return records;
    }

    /** "notifications-20261127-1200.csv", Moscow time. */
    public static String fileName(String what) {
        return what + "-" + FILE_TIME.format(ZonedDateTime.now(MoscowTime.ZONE)) + ".csv";
    }
}
