package ru.wbassist.console.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The bundled emoji font (Noto Emoji, monochrome outlines, OFL; see {@code fonts/README.md}) and which code points it
 * draws. A message is split into runs: emoji in this font, the rest in the text font. JavaFX has no per-glyph fallback
 * to a font loaded from the class path, so the console does the fallback itself, from the font's own {@code cmap}.
 * Needs no toolkit: the view loads the font into JavaFX ({@link #RESOURCE}, {@link #FAMILY}).
 */
public final class EmojiFont {

    public static final String RESOURCE = "/ru/wbassist/console/fonts/NotoEmoji-Regular.ttf";
    public static final String FAMILY = "Noto Emoji";

    /** Below this the text font draws everything (Latin, Cyrillic, digits and '#', which the emoji font also has). */
    private static final int FIRST_EMOJI_BLOCK = 0x2000;

    /** A piece of text drawn in one font. */
    public record Run(String text, boolean emoji) {}

    private static final BitSet COVERAGE = read();

    private EmojiFont() {}

    /** Whether the bundled font has a glyph for the code point. */
    public static boolean covers(int codePoint) {
        return codePoint >= 0 && COVERAGE.get(codePoint);
    }

    /** Whether the console draws the code point with the emoji font. */
    public static boolean drawsEmoji(int codePoint) {
        return codePoint >= FIRST_EMOJI_BLOCK && covers(codePoint);
    }

    /**
     * Splits text into runs of one font each. Joiners, variation selectors, the keycap mark and tag characters stay
     * with the run before them, so a sequence is never split between fonts.
     */
    public static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean emoji = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean next = isSequencePart(codePoint) && !current.isEmpty() ? emoji : drawsEmoji(codePoint);
            if (next != emoji && !current.isEmpty()) {
                runs.add(new Run(current.toString(), emoji));
                current.setLength(0);
            }
            emoji = next;
            current.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), emoji));
        }
        return runs;
    }

    private static boolean isSequencePart(int codePoint) {
        return codePoint == 0x200D
                || codePoint == 0xFE0E
                || codePoint == 0xFE0F
                || codePoint == 0x20E3
                || codePoint >= 0xE0020 && codePoint <= 0xE007F;
    }

    public static InputStream open() {
        return Objects.requireNonNull(EmojiFont.class.getResourceAsStream(RESOURCE), RESOURCE);
    }

    private static BitSet read() {
        try (InputStream in = open()) {
            return Cmap.coverage(ByteBuffer.wrap(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled emoji font " + RESOURCE, e);
        }
    }

    /** The code points a TrueType font maps to a glyph other than .notdef: its {@code cmap}, format 12 or 4. */
    static final class Cmap {

        private Cmap() {}

        static BitSet coverage(ByteBuffer font) {
            int cmap = tableOffset(font, "cmap");
            int format4 = -1;
            int tables = font.getShort(cmap + 2) & 0xFFFF;
            for (int i = 0; i < tables; i++) {
                int record = cmap + 4 + i * 8;
                int platform = font.getShort(record) & 0xFFFF;
                int encoding = font.getShort(record + 2) & 0xFFFF;
                int subtable = cmap + font.getInt(record + 4);
                int format = font.getShort(subtable) & 0xFFFF;
                if (format == 12 && (platform == 3 && encoding == 10 || platform == 0)) {
                    return format12(font, subtable);
                }
                if (format == 4 && (platform == 3 && encoding == 1 || platform == 0)) {
                    format4 = subtable;
                }
            }
            if (format4 < 0) {
                throw new IllegalArgumentException("no Unicode cmap subtable of format 4 or 12");
            }
            return format4(font, format4);
        }

        private static int tableOffset(ByteBuffer font, String tag) {
            int tables = font.getShort(4) & 0xFFFF;
            for (int i = 0; i < tables; i++) {
                int record = 12 + i * 16;
                byte[] name = new byte[4];
                font.get(record, name);
                if (new String(name, java.nio.charset.StandardCharsets.US_ASCII).equals(tag)) {
                    return font.getInt(record + 8);
                }
            }
            throw new IllegalArgumentException("no " + tag + " table");
        }

        private static BitSet format12(ByteBuffer font, int subtable) {
            BitSet covered = new BitSet();
            long groups = font.getInt(subtable + 12) & 0xFFFFFFFFL;
            for (int g = 0; g < groups; g++) {
                int group = subtable + 16 + g * 12;
                int start = font.getInt(group);
                int end = font.getInt(group + 4);
                int startGlyph = font.getInt(group + 8);
                // glyph 0 is .notdef: a group starting at glyph 0 does not cover its first code point
                covered.set(startGlyph == 0 ? start + 1 : start, end + 1);
            }
            return covered;
        }

        private static BitSet format4(ByteBuffer font, int subtable) {
            BitSet covered = new BitSet();
            int segments = (font.getShort(subtable + 6) & 0xFFFF) / 2;
            int ends = subtable + 14;
            int starts = ends + segments * 2 + 2;
            int deltas = starts + segments * 2;
            int rangeOffsets = deltas + segments * 2;
            for (int s = 0; s < segments; s++) {
                int end = font.getShort(ends + s * 2) & 0xFFFF;
                int start = font.getShort(starts + s * 2) & 0xFFFF;
                int delta = font.getShort(deltas + s * 2);
                int rangeOffset = font.getShort(rangeOffsets + s * 2) & 0xFFFF;
                for (int c = start; c <= end && c != 0xFFFF; c++) {
                    int glyph;
                    if (rangeOffset == 0) {
                        glyph = (c + delta) & 0xFFFF;
                    } else {
                        int raw = font.getShort(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2) & 0xFFFF;
                        glyph = raw == 0 ? 0 : (raw + delta) & 0xFFFF;
                    }
                    if (glyph != 0) {
                        covered.set(c);
                    }
                }
            }
            return covered;
        }
    }
}
