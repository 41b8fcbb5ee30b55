package ru.wbassist.emulators.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Parses text in Telegram's HTML parse mode the way the Bot API server does (tdlib's parse_html): only the documented
 * tags, properly nested, with the four named entities and numeric ones. It yields the visible text, whose length is what
 * Telegram's 4096/1024 limits count. Error wording follows the real server so clients can be tested against it.
 */
public final class TelegramHtml {

    private static final Set<String> SUPPORTED_TAGS = Set.of(
            "a",
            "b",
            "strong",
            "i",
            "em",
            "u",
            "ins",
            "s",
            "strike",
            "del",
            "span",
            "tg-spoiler",
            "tg-emoji",
            "tg-time",
            "code",
            "pre",
            "blockquote");

    /** What the parser meets, in order: decoded text, and the supported tags (with an {@code a} tag's href). */
    private interface Visitor {
        void text(char c);

        void open(String tag, String href);

        void close(String tag);
    }

    private TelegramHtml() {}

    /** Returns the visible text of {@code html}, or throws a 400 "can't parse entities" error. */
    public static String visibleText(String html) {
        StringBuilder visible = new StringBuilder(html.length());
        parse(html, new Visitor() {
            @Override
            public void text(char c) {
                visible.append(c);
            }

            @Override
            public void open(String tag, String href) {}

            @Override
            public void close(String tag) {}
        });
        return visible.toString();
    }

    /**
     * The same text as a web page fragment: every character of the text escaped, each supported tag drawn as a plain
     * HTML tag without attributes (a link keeps an escaped http(s) href, nothing else), so nothing a seller or buyer
     * wrote can become markup or script. Throws like {@link #visibleText} for text Telegram would refuse.
     */
    public static String pageHtml(String html) {
        StringBuilder page = new StringBuilder(html.length() + 32);
        parse(html, new Visitor() {
            @Override
            public void text(char c) {
                if (c == '\n') {
                    page.append("<br>");
                } else {
                    escape(c, page);
                }
            }

            @Override
            public void open(String tag, String href) {
                if (tag.equals("a")) {
                    boolean web = href != null && (href.startsWith("https://") || href.startsWith("http://"));
                    page.append(web ? "<a href=\"" + attribute(href) + "\">" : "<a>");
                } else {
                    page.append('<').append(pageTag(tag)).append('>');
                }
            }

            @Override
            public void close(String tag) {
                page.append("</").append(tag.equals("a") ? "a" : pageTag(tag)).append('>');
            }
        });
        return page.toString();
    }

    private static String pageTag(String tag) {
        return switch (tag) {
            case "b", "strong" -> "b";
            case "i", "em" -> "i";
            case "u", "ins" -> "u";
            case "s", "strike", "del" -> "s";
            case "code", "pre", "blockquote" -> tag;
            default -> "span"; // the spoiler, custom emoji and time: their text is what matters on the page
        };
    }

    private static String attribute(String value) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int end = value.charAt(i) == '&' ? decodeEntity(value, i, decoded) : -1;
            if (end > 0) {
                i = end;
            } else {
                decoded.append(value.charAt(i++));
            }
        }
        StringBuilder escaped = new StringBuilder(decoded.length());
        decoded.chars().forEach(c -> escape((char) c, escaped));
        return escaped.toString();
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    private static void parse(String html, Visitor visitor) {
        Deque<String> open = new ArrayDeque<>();
        StringBuilder decoded = new StringBuilder(2);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '&') {
                decoded.setLength(0);
                int end = decodeEntity(html, i, decoded);
                if (end > 0) {
                    for (int k = 0; k < decoded.length(); k++) {
                        visitor.text(decoded.charAt(k));
                    }
                    i = end;
                    continue;
                }
                // tdlib keeps an '&' that starts no known entity as a literal character
                visitor.text(c);
                i++;
            } else if (c == '<') {
                i = html.startsWith("</", i) ? closeTag(html, i, open, visitor) : openTag(html, i, open, visitor);
            } else {
                visitor.text(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw parseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
    }

    private static int openTag(String html, int start, Deque<String> open, Visitor visitor) {
        int i = start + 1;
        while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        if (i >= html.length()) {
            throw parseError("Unclosed start tag at byte offset " + byteOffset(html, start));
        }
        String name = html.substring(start + 1, i).toLowerCase(Locale.ROOT);
        if (!SUPPORTED_TAGS.contains(name)) {
            throw parseError("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(html, start));
        }
        String spanClass = null;
        String href = null;
        while (true) {
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= html.length()) {
                throw parseError("Unclosed start tag at byte offset " + byteOffset(html, start));
            }
            if (html.charAt(i) == '>') {
                i++;
                break;
            }
            int nameStart = i;
            while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && "=>".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String attribute = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= html.length() || html.charAt(i) != '=') {
                // a valueless attribute, as in <blockquote expandable>
                continue;
            }
            i++;
            while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            if (i >= html.length()) {
                throw parseError("Unclosed start tag at byte offset " + byteOffset(html, start));
            }
            String value;
            char quote = html.charAt(i);
            if (quote == '"' || quote == '\'') {
                int close = html.indexOf(quote, i + 1);
                if (close < 0) {
                    throw parseError("Unclosed start tag at byte offset " + byteOffset(html, start));
                }
                value = html.substring(i + 1, close);
                i = close + 1;
            } else {
                int valueStart = i;
                while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                    i++;
                }
                value = html.substring(valueStart, i);
            }
            if ("class".equals(attribute)) {
                spanClass = value;
            } else if ("href".equals(attribute)) {
                href = value;
            }
        }
        if ("span".equals(name) && !"tg-spoiler".equals(spanClass)) {
            throw parseError("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(html, start));
        }
        if ("blockquote".equals(name) && open.contains("blockquote")) {
            throw parseError("Nested blockquotes aren't supported at byte offset " + byteOffset(html, start));
        }
        open.push(name);
        visitor.open(name, href);
        return i;
    }

    private static int closeTag(String html, int start, Deque<String> open, Visitor visitor) {
        if (open.isEmpty()) {
            throw parseError("Unexpected end tag at byte offset " + byteOffset(html, start));
        }
        int i = start + 2;
        while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
        }
        String name = html.substring(start + 2, i).toLowerCase(Locale.ROOT);
        while (i < html.length() && Character.isWhitespace(html.charAt(i))) {
            i++;
        }
        if (i >= html.length() || html.charAt(i) != '>') {
            throw parseError("Unclosed end tag at byte offset " + byteOffset(html, start));
        }
        if (!name.isEmpty() && !name.equals(open.peek())) {
            throw parseError("Unmatched end tag at byte offset " + byteOffset(html, start) + ", expected \"</"
                    + open.peek() + ">\", found \"</" + name + ">\"");
        }
        visitor.close(open.pop());
        return i + 1;
    }

    /** Decodes an entity at {@code start} into {@code out}; returns the index after it, or -1 when there is none. */
    private static int decodeEntity(String html, int start, StringBuilder out) {
        int semicolon = html.indexOf(';', start);
        if (semicolon < 0 || semicolon - start > 12) {
            return -1;
        }
        String body = html.substring(start + 1, semicolon);
        switch (body) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "quot" -> out.append('"');
            default -> {
                if (!body.startsWith("#") || body.length() < 2) {
                    return -1;
                }
                try {
                    int codePoint = body.charAt(1) == 'x' || body.charAt(1) == 'X'
                            ? Integer.parseInt(body.substring(2), 16)
                            : Integer.parseInt(body.substring(1));
                    if (codePoint <= 0 || codePoint > Character.MAX_CODE_POINT) {
                        return -1;
                    }
                    out.appendCodePoint(codePoint);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return semicolon + 1;
    }

    private static int byteOffset(String html, int charIndex) {
        return html.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static BotApiException parseError(String detail) {
        return BotApiException.badRequest("can't parse entities: " + detail);
    }
}
