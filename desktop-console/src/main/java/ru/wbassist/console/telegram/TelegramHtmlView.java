package ru.wbassist.console.telegram;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import ru.wbassist.console.telegram.TelegramHtml.Span;
import ru.wbassist.console.telegram.TelegramHtml.Style;

import java.util.ArrayList;
import java.util.List;

/** Shows Telegram HTML in a {@link TextFlow} styled like a Telegram message bubble. */
public final class TelegramHtmlView {

    private static final double SIZE = 14;
    private static final Color LINK = Color.web("#2a7ab0");
    private static final Color QUOTE = Color.web("#3d5a73");
    private static final Color SPOILER = Color.web("#9aa5b1");

    private TelegramHtmlView() {
    }

    public static TextFlow create() {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("telegram-message");
        flow.setLineSpacing(2);
        return flow;
    }

    /** Replaces the flow's content with the rendered message; null or blank shows nothing. */
    public static void show(TextFlow flow, String html) {
        flow.getChildren().setAll(html == null ? List.of() : render(TelegramHtml.parse(html)));
    }

    static List<Text> render(List<Span> spans) {
        List<Text> texts = new ArrayList<>();
        boolean inQuote = false;
        for (Span span : spans) {
            if (span.has(Style.QUOTE) && !inQuote) {
                texts.add(styled("▍ ", span));
            }
            inQuote = span.has(Style.QUOTE);
            String text = inQuote ? span.text().replace("\n", "\n▍ ") : span.text();
            texts.add(styled(text, span));
        }
        return texts;
    }

    private static Text styled(String content, Span span) {
        Text text = new Text(content);
        boolean mono = span.has(Style.CODE) || span.has(Style.PRE);
        text.setFont(Font.font(mono ? "Monospaced" : "System",
                span.has(Style.BOLD) ? FontWeight.BOLD : FontWeight.NORMAL,
                span.has(Style.ITALIC) || span.has(Style.QUOTE) ? FontPosture.ITALIC : FontPosture.REGULAR,
                mono ? SIZE - 1 : SIZE));
        text.setUnderline(span.has(Style.UNDERLINE) || span.has(Style.LINK));
        text.setStrikethrough(span.has(Style.STRIKE));
        if (span.has(Style.LINK)) {
            text.setFill(LINK);
        } else if (span.has(Style.SPOILER)) {
            text.setFill(SPOILER);
        } else if (span.has(Style.QUOTE)) {
            text.setFill(QUOTE);
        }
        text.getStyleClass().add("telegram-text");
        return text;
    }
}
