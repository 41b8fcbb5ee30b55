package ru.wbassist.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.wbassist.emulators.telegram.TelegramHtml;

/**
 * A long reply is cut so that Telegram still parses it: a tag, entity or emoji is placed across every cut position
 * near the limit, in text with blank lines, line breaks only, spaces only and no break at all, and each result is
 * checked by the Telegram emulator's parser (the rules of Telegram's HTML mode) and against the input.
 */
class PagesTest {

    private static final List<String> PIECES = List.of(
            "<b>Футболка</b>",
            "<i>x</i>",
            "<code>SKU-1</code>",
            "&amp;",
            "&lt;b&gt;",
            "&#128512;",
            "😀",
            "<a href=\"https://www.wildberries.ru/catalog/1/detail.aspx?a=1&amp;b=2\">товар</a>",
            "<b>жирный <i>курсив</i> текст</b>",
            "<blockquote>цитата\n\nдва абзаца</blockquote>",
            "<span class=\"tg-spoiler\">скрыто</span>");
    private static final List<String> FILLERS =
            List.of("Заказ №1 · 1 200 ₽\n\n", "строка без пустых\n", "слова ", "безпробелов");

    @Test
    void everyCutPositionLeavesHtmlTelegramAccepts() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String filler : FILLERS) {
            for (String piece : PIECES) {
                for (int at = Pages.TELEGRAM_TEXT_LIMIT - 2 - 80; at <= Pages.TELEGRAM_TEXT_LIMIT + 2; at++) {
                    String html = text(filler, at) + piece + text(filler, 2000);
                    String page = Pages.fit(html);
                    checked++;
                    String problem = problem(html, page);
                    if (problem != null) {
                        failures.add(problem + " — piece " + piece.replace("\n", "\\n") + " at " + at + ", filler '"
                                + filler.replace("\n", "\\n") + "'");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(failures).isEmpty();
    }

    @Test
    void aReplyInsideOneLongTagIsCutInsideItAndTheTagClosed() {
        String html = "<b>" + "а".repeat(5000) + "</b>";
        String page = Pages.fit(html);
        assertThat(problem(html, page)).isNull();
        assertThat(page).endsWith("</b>\n…").hasSizeGreaterThan(4000);
    }

    @Test
    void aShortReplyIsLeftAsItIsAndALongOnePrefersABlankLine() {
        assertThat(Pages.fit("<b>short</b>")).isEqualTo("<b>short</b>");
        String blocks = ("<b>Блок</b>\n" + "x".repeat(90) + "\n\n").repeat(60);
        String page = Pages.fit(blocks);
        assertThat(problem(blocks, page)).isNull();
        assertThat(page).endsWith(("x".repeat(90)) + "\n…");
    }

    /** Null when {@code page} fits, parses, keeps what it shows from {@code html} unchanged and keeps most of it. */
    private static String problem(String html, String page) {
        if (page.length() > Pages.TELEGRAM_TEXT_LIMIT) {
            return "too long: " + page.length();
        }
        try {
            TelegramHtml.visibleText(page);
        } catch (RuntimeException e) {
            return "Telegram would reject it: " + e.getMessage();
        }
        String kept = page.substring(0, page.length() - "\n…".length()).replaceAll("(</[a-z-]+>)+$", "");
        if (!html.startsWith(kept)) {
            return "changed the text before the cut";
        }
        if (kept.length() < Pages.TELEGRAM_TEXT_LIMIT / 2 - 200) {
            return "kept only " + kept.length() + " characters";
        }
        if (!page.endsWith("…")) {
            return "does not say that more was cut";
        }
        return null;
    }

    private static String text(String filler, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(filler);
        }
        return text.substring(0, length);
    }
}
