package ru.wbassist.console.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.wbassist.console.telegram.TelegramHtml.Span;
import ru.wbassist.console.telegram.TelegramHtml.Style;

class TelegramHtmlTest {

    @Test
    void nestedTagsCombineTheirStyles() {
        List<Span> spans = TelegramHtml.parse("<b>Bold <i>both</i></b> plain <u>u</u><s>s</s>");

        assertThat(spans)
                .containsExactly(
                        new Span("Bold ", Set.of(Style.BOLD), null),
                        new Span("both", Set.of(Style.BOLD, Style.ITALIC), null),
                        new Span(" plain ", Set.of(), null),
                        new Span("u", Set.of(Style.UNDERLINE), null),
                        new Span("s", Set.of(Style.STRIKE), null));
    }

    @Test
    void synonymsCodeLinksQuotesAndSpoilers() {
        List<Span> spans = TelegramHtml.parse(
                "<strong>a</strong><em>b</em><ins>c</ins><del>d</del><code>x&lt;1</code>"
                        + "<pre>p</pre><a href=\"https://wb.ru/?a=1&amp;b=2\">link</a><blockquote>q</blockquote><tg-spoiler>z</tg-spoiler>");

        assertThat(spans).extracting(Span::text).containsExactly("a", "b", "c", "d", "x<1", "p", "link", "q", "z");
        assertThat(spans)
                .extracting(Span::styles)
                .containsExactly(
                        Set.of(Style.BOLD),
                        Set.of(Style.ITALIC),
                        Set.of(Style.UNDERLINE),
                        Set.of(Style.STRIKE),
                        Set.of(Style.CODE),
                        Set.of(Style.PRE),
                        Set.of(Style.LINK),
                        Set.of(Style.QUOTE),
                        Set.of(Style.SPOILER));
        assertThat(spans.get(6).href()).isEqualTo("https://wb.ru/?a=1&b=2");
    }

    @Test
    void entitiesAreDecodedOnceAndUnknownTagsStayText() {
        assertThat(TelegramHtml.plainText("&lt;b&gt; &amp;amp; &quot;q&quot; &#8381; &#x1F6D2; <br> <x>"))
                .isEqualTo("<b> &amp; \"q\" ₽ \uD83D\uDED2 <br> <x>");
    }

    @Test
    void newlinesAreKeptAndUnclosedTagsStyleTheRest() {
        List<Span> spans = TelegramHtml.parse("line 1\n<b>line 2\nline 3");

        assertThat(spans)
                .containsExactly(
                        new Span("line 1\n", Set.of(), null), new Span("line 2\nline 3", Set.of(Style.BOLD), null));
    }
}
