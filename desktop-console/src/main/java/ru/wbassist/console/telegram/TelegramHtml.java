package ru.wbassist.console.telegram;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Telegram HTML subset the server renders notifications in (b/strong, i/em, u/ins, s/strike/del, code,
 * pre, a href, blockquote, tg-spoiler, the four named entities and numeric ones) into styled spans, so the console
 * previews a message the way the Telegram client shows it. Anything Telegram would not parse as a tag is shown as
 * text, as written.
 */
public final class TelegramHtml {

    public enum Style {
        BOLD,
        ITALIC,
        UNDERLINE,
        STRIKE,
        CODE,
        PRE,
        LINK,
        QUOTE,
        SPOILER
    }

    /** A run of text with the styles of the tags around it; {@code href} is set inside a link. */
    public record Span(String text, Set<Style> styles, String href) {
        public Span {
            styles = styles.isEmpty() ? Set.of() : Set.copyOf(styles);
        }

        public boolean has(Style style) {
            return styles.contains(style);
        }
    }

    private static final Map<String, Style> TAGS = Map.ofEntries(
            Map.entry("b", Style.BOLD),
            Map.entry("strong", Style.BOLD),
            Map.entry("i", Style.ITALIC),
            Map.entry("em", Style.ITALIC),
            Map.entry("u", Style.UNDERLINE),
            Map.entry("ins", Style.UNDERLINE),
            Map.entry("s", Style.STRIKE),
            Map.entry("strike", Style.STRIKE),
            Map.entry("del", Style.STRIKE),
            Map.entry("code", Style.CODE),
            Map.entry("pre", Style.PRE),
            Map.entry("a", Style.LINK),
            Map.entry("blockquote", Style.QUOTE),
            Map.entry("tg-spoiler", Style.SPOILER));

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^<>]*)?)>");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private record Open(String tag, Style style, String href) {}

    private TelegramHtml() {}

    public static List<Span> parse(String html) {
        List<Span> spans = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        int position = 0;
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            Style style = TAGS.get(name);
            if (style == null) {
                continue;
            }
            emit(spans, html.substring(position, tag.start()), open);
            position = tag.end();
            if (tag.group(1).isEmpty()) {
                Matcher href = HREF.matcher(tag.group(3));
                open.add(new Open(name, style, style == Style.LINK && href.find() ? decode(href.group(1)) : null));
            } else {
                close(open, style);
            }
        }
        emit(spans, html.substring(position), open);
        return spans;
    }

    /** The text as the reader sees it, without markup. */
    public static String plainText(String html) {
        StringBuilder text = new StringBuilder();
        parse(html).forEach(span -> text.append(span.text()));
        return text.toString();
    }

    private static void close(List<Open> open, Style style) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i).style() == style) {
                open.remove(i);
                return;
            }
        }
    }

    private static void emit(List<Span> spans, String raw, List<Open> open) {
        if (raw.isEmpty()) {
            return;
        }
        Set<Style> styles = EnumSet.noneOf(Style.class);
        String href = null;
        for (Open o : open) {
            styles.add(o.style());
            if (o.href() != null) {
                href = o.href();
            }
        }
        spans.add(new Span(decode(raw), styles, href));
    }

    static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> codePoint(name);
            };
            entity.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(decoded);
        return decoded.toString();
    }

    private static String codePoint(String numeric) {
        int codePoint = numeric.startsWith("#x")
                ? Integer.parseInt(numeric.substring(2), 16)
                : Integer.parseInt(numeric.substring(1));
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "&" + numeric + ";";
    }
}
