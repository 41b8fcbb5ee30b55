package ru.wbassist.console.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import ru.wbassist.console.telegram.TelegramHtml.Span;
import ru.wbassist.console.telegram.TelegramHtml.Style;

/**
 * Shows Telegram HTML in a {@link TextFlow} styled like a Telegram message bubble, every emoji in the bundled
 * {@link EmojiFont} (so a machine without an emoji font shows them too).
 */
public final class TelegramHtmlView {

    private static final double SIZE = 14;
    private static final String EMOJI_FAMILY = loadEmojiFont();
    private static final Color LINK = Color.web("#2a7ab0");
    private static final Color QUOTE = Color.web("#3d5a73");
    private static final Color SPOILER = Color.web("#9aa5b1");

    private TelegramHtmlView() {}

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
                texts.addAll(styled("▍ ", span));
            }
            inQuote = span.has(Style.QUOTE);
            String text = inQuote ? span.text().replace("\n", "\n▍ ") : span.text();
            texts.addAll(styled(text, span));
        }
        return texts;
    }

    /** One line of plain text (a table cell), emoji in the emoji font; the cell clips what does not fit. */
    public static HBox line(String plain, double size) {
        HBox line = new HBox();
        for (EmojiFont.Run run : EmojiFont.runs(plain)) {
            Text text = new Text(run.text());
            text.setFont(run.emoji() ? Font.font(EMOJI_FAMILY, size) : Font.font("System", size));
            text.getStyleClass().add("telegram-text");
            line.getChildren().add(text);
        }
        return line;
    }

    /** The span's text, split where the font changes between text and emoji. */
    private static List<Text> styled(String content, Span span) {
        List<Text> texts = new ArrayList<>();
        for (EmojiFont.Run run : EmojiFont.runs(content)) {
            texts.add(styled(run, span));
        }
        return texts;
    }

    private static Text styled(EmojiFont.Run run, Span span) {
        Text text = new Text(run.text());
        boolean mono = span.has(Style.CODE) || span.has(Style.PRE);
        FontWeight weight = span.has(Style.BOLD) ? FontWeight.BOLD : FontWeight.NORMAL;
        FontPosture posture =
                span.has(Style.ITALIC) || span.has(Style.QUOTE) ? FontPosture.ITALIC : FontPosture.REGULAR;
        double size = mono ? SIZE - 1 : SIZE;
        text.setFont(
                run.emoji()
                        ? Font.font(EMOJI_FAMILY, weight, size)
                        : Font.font(mono ? "Monospaced" : "System", weight, posture, size));
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

    private static String loadEmojiFont() {
        try (InputStream in = EmojiFont.open()) {
            Font font = Font.loadFont(in, SIZE);
            if (font == null) {
                throw new IllegalStateException("JavaFX could not load " + EmojiFont.RESOURCE);
            }
            return font.getFamily();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
