package ru.wbassist.bot.command;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a reply within Telegram's 4096-character limit. A long reply is cut at the last safe place before the limit
 * — a blank line, else a line break, else a space (each only if it keeps half the page), else any character — never
 * inside a tag, an entity such as {@code &amp;} or a surrogate pair; tags open at the cut are closed, so Telegram can
 * always parse the result.
 */
final class Pages {

    static final int TELEGRAM_TEXT_LIMIT = 4096;
    private static final String MORE = "\n…";

    private Pages() {}

    static String fit(String html) {
        if (html.length() <= TELEGRAM_TEXT_LIMIT) {
            return html;
        }
        int budget = TELEGRAM_TEXT_LIMIT - MORE.length();
        Deque<String> open = new ArrayDeque<>();
        Cut[] best = new Cut[Cut.KINDS]; // by preference: blank line, line break, space, anywhere
        int i = 0;
        while (i <= budget) {
            String closing = closing(open);
            if (i + closing.length() <= budget) {
                Cut cut = new Cut(i, closing);
                best[3] = cut;
                if (html.startsWith("\n\n", i)) {
                    best[0] = cut;
                } else if (html.charAt(i) == '\n') {
                    best[1] = cut;
                } else if (html.charAt(i) == ' ') {
                    best[2] = cut;
                }
            }
            int next = tokenEnd(html, i, open);
            if (next < 0) {
                break; // an unterminated tag: nothing after it is safe
            }
            i = next;
        }
        for (int kind = 0; kind < Cut.KINDS; kind++) {
            Cut cut = best[kind];
            // a break is worth its kind only if it keeps at least half the page; any safe place beats an empty one
            if (cut != null && (cut.at() >= budget / 2 || kind == Cut.KINDS - 1 && cut.at() > 0)) {
                return html.substring(0, cut.at()) + cut.closing() + MORE;
            }
        }
        return MORE.strip();
    }

    /** Where the token starting at {@code i} ends, updating the open tags; -1 when a tag never ends. */
    private static int tokenEnd(String html, int i, Deque<String> open) {
        char c = html.charAt(i);
        if (c == '<') {
            int end = tagEnd(html, i);
            if (end < 0) {
                return -1;
            }
            if (html.startsWith("</", i)) {
                open.pollFirst();
            } else {
                int nameEnd = i + 1;
                while (nameEnd < end - 1
                        && !Character.isWhitespace(html.charAt(nameEnd))
                        && html.charAt(nameEnd) != '>') {
                    nameEnd++;
                }
                open.push(html.substring(i + 1, nameEnd));
            }
            return end;
        }
        if (c == '&') {
            int semicolon = html.indexOf(';', i);
            if (semicolon > i + 1
                    && semicolon - i <= 10
                    && html.substring(i + 1, semicolon).matches("#?[0-9A-Za-z]+")) {
                return semicolon + 1;
            }
            return i + 1;
        }
        if (Character.isHighSurrogate(c) && i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))) {
            return i + 2;
        }
        return i + 1;
    }

    /** The index after the {@code >} closing the tag at {@code start} (quoted attribute values may hold one). */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private static String closing(Deque<String> open) {
        StringBuilder tags = new StringBuilder();
        for (String name : open) {
            tags.append("</").append(name).append('>');
        }
        return tags.toString();
    }

    /** A place to cut and the end tags it needs. */
    private record Cut(int at, String closing) {
        static final int KINDS = 4;
    }
}
