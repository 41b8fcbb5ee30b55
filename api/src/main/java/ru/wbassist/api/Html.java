package ru.wbassist.api;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Telegram HTML: escaping of values and cutting a rendered text to a limit without breaking a tag or an entity
 * (Telegram rejects the whole message with "can't parse entities" otherwise).
 */
public final class Html {

    private static final String ELLIPSIS = "…";

    private Html() {}

    /** Escapes {@code <}, {@code >}, {@code &} and {@code "} (so the value is safe in text and in attributes). */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** Plain (unescaped) text cut to {@code max} characters, with an ellipsis when cut; never splits a surrogate pair. */
    public static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() <= max) {
            return trimmed;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(trimmed.charAt(end - 1))) {
            end--;
        }
        return trimmed.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * Cuts rendered HTML to at most {@code limit} characters: never inside a tag or an entity, closes the tags left
     * open and marks the cut with an ellipsis. The raw length is counted (an upper bound of what Telegram counts after
     * parsing), so the result always fits.
     */
    public static String truncate(String html, int limit) {
        if (html.length() <= limit) {
            return html;
        }
        Deque<String> open = new ArrayDeque<>();
        StringBuilder out = new StringBuilder(limit);
        int i = 0;
        while (i < html.length()) {
            char ch = html.charAt(i);
            int end;
            String tagName = null;
            boolean closing = false;
            if (ch == '<') {
                end = html.indexOf('>', i) + 1;
                String tag = html.substring(i + 1, end - 1);
                closing = tag.startsWith("/");
                tagName = (closing ? tag.substring(1) : tag).split("[\\s>]", 2)[0];
            } else if (ch == '&') {
                int semi = html.indexOf(';', i);
                end = semi > 0 ? semi + 1 : i + 1;
            } else {
                end = Character.isHighSurrogate(ch) && i + 1 < html.length() ? i + 2 : i + 1;
            }
            String piece = html.substring(i, end);
            int closers = closersLength(open)
                    + (closing ? -(tagName.length() + 3) : 0)
                    + (tagName != null && !closing ? tagName.length() + 3 : 0);
            if (out.length() + piece.length() + ELLIPSIS.length() + closers > limit) {
                break;
            }
            out.append(piece);
            if (tagName != null) {
                if (closing) {
                    open.pop();
                } else {
                    open.push(tagName);
                }
            }
            i = end;
        }
        out.append(ELLIPSIS);
        for (String tag : open) {
            out.append("</").append(tag).append('>');
        }
        return out.toString();
    }

    private static int closersLength(Deque<String> open) {
        int length = 0;
        for (String tag : open) {
            length += tag.length() + 3;
        }
        return length;
    }
}
