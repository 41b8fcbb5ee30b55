package ru.wbassist.emulators.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void supportedTagsNestAndEntitiesDecodeIntoTheVisibleText() {
        String html =
                "<b>Заказ <i>№1</i></b> &lt;3 &amp; &quot;ok&quot; &#8381; &#x20BD; <a href=\"https://x.ru/?a=1&amp;b=2\">link</a>"
                        + " <span class=\"tg-spoiler\">s</span> <pre><code class=\"language-java\">x</code></pre>"
                        + " <blockquote expandable>q</blockquote>";

        assertThat(TelegramHtml.visibleText(html)).isEqualTo("Заказ №1 <3 & \"ok\" ₽ ₽ link s x q");
    }

    @Test
    void unknownEntityAndLoneAmpersandStayLiteralLikeTdlib() {
        assertThat(TelegramHtml.visibleText("A & B &nbsp; C")).isEqualTo("A & B &nbsp; C");
    }

    @Test
    void unsupportedTagIsRejectedWithItsByteOffset() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("Цена<br>"))
                .isInstanceOf(BotApiException.class)
                .hasMessage("Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 8");
    }

    @Test
    void bareLessThanIsAnEmptyUnsupportedTag() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("a < b"))
                .hasMessage("Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2");
    }

    @Test
    void crossedTagsAreUnmatched() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("<b><i>x</b></i>"))
                .hasMessage(
                        "Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
    }

    @Test
    void unclosedAndStrayTagsAreRejected() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("<b>bold"))
                .hasMessage("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"");
        assertThatThrownBy(() -> TelegramHtml.visibleText("text</b>"))
                .hasMessage("Bad Request: can't parse entities: Unexpected end tag at byte offset 4");
        assertThatThrownBy(() -> TelegramHtml.visibleText("<a href=\"x"))
                .hasMessageContaining("Unclosed start tag at byte offset 0");
    }

    @Test
    void spanNeedsTheSpoilerClassAndBlockquotesDoNotNest() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("<span>x</span>"))
                .hasMessageContaining("Tag \"span\" must have class \"tg-spoiler\"");
        assertThatThrownBy(() -> TelegramHtml.visibleText("<blockquote><blockquote>x</blockquote></blockquote>"))
                .hasMessageContaining("Nested blockquotes");
    }

    @Test
    void thePageHtmlEscapesEveryTextAndKeepsOnlyPlainTags() {
        assertThat(TelegramHtml.pageHtml("<b>Отзыв</b> &lt;script&gt;x&lt;/script&gt; &amp;lt; \"q\" 'a'\nnext"))
                .isEqualTo("<b>Отзыв</b> &lt;script&gt;x&lt;/script&gt; &amp;lt; &quot;q&quot; &#39;a&#39;<br>next");
        assertThat(TelegramHtml.pageHtml("<strong>a</strong><em>b</em><del>c</del><span class=\"tg-spoiler\">d</span>"))
                .isEqualTo("<b>a</b><i>b</i><s>c</s><span>d</span>");
        assertThat(TelegramHtml.pageHtml("<pre><code class=\"language-x\" onclick=\"y\">z</code></pre>"))
                .isEqualTo("<pre><code>z</code></pre>");
        assertThat(TelegramHtml.pageHtml("<a href=\"https://wb.ru/?a=1&amp;b=&quot;x&quot;\">wb</a>"))
                .isEqualTo("<a href=\"https://wb.ru/?a=1&amp;b=&quot;x&quot;\">wb</a>");
        assertThat(TelegramHtml.pageHtml("<a href=\"javascript:alert(1)\">x</a><a href='data:text/html,<b>'>y</a>"))
                .isEqualTo("<a>x</a><a>y</a>");
        assertThatThrownBy(() -> TelegramHtml.pageHtml("<img src=x>")).isInstanceOf(BotApiException.class);
    }
}
