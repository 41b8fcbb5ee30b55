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

    private TelegramHtml() {}

    /** Returns the visible text of {@code html}, or throws a 400 "can't parse entities" error. */
    public static String visibleText(String html) {
        StringBuilder visible = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '&') {
                int end = decodeEntity(html, i, visible);
                if (end > 0) {
                    i = end;
                    continue;
                }
                // tdlib keeps an '&' that starts no known entity as a literal character
                visible.append(c);
                i++;
            } else if (c == '<') {
                i = html.startsWith("</", i) ? closeTag(html, i, open) : openTag(html, i, open);
            } else {
                visible.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw parseError("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return visible.toString();
    }

    private static int openTag(String html, int start, Deque<String> open) {
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
            }
        }
        if ("span".equals(name) && !"tg-spoiler".equals(spanClass)) {
            throw parseError("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(html, start));
        }
        if ("blockquote".equals(name) && open.contains("blockquote")) {
            throw parseError("Nested blockquotes aren't supported at byte offset " + byteOffset(html, start));
        }
        open.push(name);
        return i;
    }

    private static int closeTag(String html, int start, Deque<String> open) {
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
        open.pop();
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
