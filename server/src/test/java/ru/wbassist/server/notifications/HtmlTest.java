package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Html;

/** {@link Html} (shared with the bot) and the well-formedness check the renderer tests use. */
class HtmlTest {

    @Test
    void escapesTheFourCharactersTelegramNeedsEscaped() {
        assertThat(Html.escape("<b>\"Tom & Jerry\"</b>")).isEqualTo("&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void clipsPlainTextWithAnEllipsisAndNeverSplitsASurrogatePair() {
        assertThat(Html.clip("  short  ", 10)).isEqualTo("short");
        assertThat(Html.clip("abcdefghij", 5)).isEqualTo("abcd…");
        String emoji = "ab😀cd";
        assertThat(Html.clip(emoji, 4)).isEqualTo("ab…");
    }

    @Test
    void truncateKeepsShortTextAsIs() {
        assertThat(Html.truncate("<b>hi</b>", 100)).isEqualTo("<b>hi</b>");
    }

    @Test
    void truncateNeverCutsATagOrEntityAndClosesOpenTags() {
        String html = "<b>Title &amp; more</b>\n<i>" + "word &lt;x&gt; ".repeat(50) + "</i>";
        String cut = Html.truncate(html, 60);
        assertThat(cut.length()).isLessThanOrEqualTo(60);
        assertThat(cut).startsWith("<b>Title &amp; more</b>\n<i>").endsWith("…</i>");
        assertWellFormed(cut);
    }

    @Test
    void truncateOfRandomMarkupAlwaysFitsAndStaysWellFormed() {
        Random random = new Random(42);
        String[] pieces = {
            "<b>", "</b>", "<i>", "</i>", "<code>", "</code>", "&amp;", "&lt;", "&quot;", "текст ", "😀", "x"
        };
        for (int run = 0; run < 500; run++) {
            StringBuilder html = new StringBuilder();
            Deque<String> open = new ArrayDeque<>();
            for (int i = 0; i < 200; i++) {
                String piece = pieces[random.nextInt(pieces.length)];
                if (piece.startsWith("</")) {
                    if (open.isEmpty()) {
                        continue;
                    }
                    piece = "</" + open.pop() + ">";
                } else if (piece.startsWith("<")) {
                    open.push(piece.substring(1, piece.length() - 1));
                }
                html.append(piece);
            }
            while (!open.isEmpty()) {
                html.append("</").append(open.pop()).append('>');
            }
            int limit = 20 + random.nextInt(300);
            String cut = Html.truncate(html.toString(), limit);
            assertThat(cut.length()).isLessThanOrEqualTo(limit);
            assertWellFormed(cut);
        }
    }

    /** Tags balanced, every & starts a known entity, no lone surrogate. */
    static void assertWellFormed(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tags = Pattern.compile("<(/?)([a-z-]+)[^>]*>").matcher(html);
        while (tags.find()) {
            if (tags.group(1).isEmpty()) {
                open.push(tags.group(2));
            } else {
                assertThat(open.pop()).isEqualTo(tags.group(2));
            }
        }
        assertThat(open).as("unclosed tags in " + html).isEmpty();
        String withoutTags = html.replaceAll("<[^>]*>", "");
        assertThat(withoutTags).doesNotContain("<").doesNotContain(">");
        assertThat(withoutTags.replaceAll("&(amp|lt|gt|quot);", "")).doesNotContain("&");
        for (int i = 0; i < html.length(); i++) {
            char ch = html.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                assertThat(i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1)))
                        .isTrue();
            }
        }
    }
}
