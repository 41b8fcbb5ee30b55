package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A chat drawn as a web page, roughly as a Telegram client shows it: the user's messages and button presses on the
 * right, the bot's messages with their inline keyboards on the left, and every edit as its own entry so that a flow
 * that edits one message reads step by step. Telegram HTML is drawn through {@link TelegramHtml#pageHtml}; everything
 * else (plain texts, labels, photo links) is escaped, so nothing in a chat becomes markup on the page.
 */
final class ChatPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Moscow"));

    private static final String STYLE = """
            body{margin:0;background:#dfe7ee;font:15px/1.4 "DejaVu Sans",Arial,sans-serif,"Noto Color Emoji"}
            main{max-width:520px;margin:0 auto;padding:12px 12px 20px}
            h1{font-size:15px;font-weight:bold;margin:0 0 10px;color:#2b5278}
            .entry{display:flex;flex-direction:column;margin:6px 0}
            .user{align-items:flex-end}
            .bubble{max-width:85%;padding:7px 10px;border-radius:12px;background:#fff;box-shadow:0 1px 1px #0002;\
            overflow-wrap:anywhere}
            .user .bubble{background:#e1fec6}
            .meta{font-size:11px;color:#708499;margin:0 4px 2px}
            .keyboard{max-width:85%;width:85%;margin-top:3px}
            .row{display:flex;gap:3px;margin-top:3px}
            .button{flex:1;text-align:center;background:#5d8fbbcc;color:#fff;border-radius:8px;padding:6px 4px;\
            font-size:13px}
            .press{font-size:13px;color:#2b5278;background:#ffffffb0;border-radius:10px;padding:3px 10px}
            .photo{display:block;color:#708499;font-size:12px;margin-bottom:4px}
            blockquote{margin:4px 0;padding-left:8px;border-left:3px solid #5d8fbb}
            pre,code{font-family:"DejaVu Sans Mono",monospace;font-size:13px}
            """;

    private ChatPage() {}

    static String render(long chatId, List<ChatEvent> events) {
        StringBuilder page = new StringBuilder(4096)
                .append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Chat ")
                .append(chatId)
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main><h1>Chat ")
                .append(chatId)
                .append(" · ")
                .append(events.size())
                .append(" events (times MSK)</h1>\n");
        for (ChatEvent event : events) {
            switch (event) {
                case ChatEvent.Typed typed ->
                    entry(page, "user", "#" + typed.messageId() + " · " + TIME.format(typed.at()))
                            .append("<div class=\"bubble\">")
                            .append(plain(typed.text()))
                            .append("</div>");
                case ChatEvent.Pressed pressed ->
                    entry(page, "user", TIME.format(pressed.at()))
                            .append("<div class=\"press\">👆 ")
                            .append(plain(pressed.button()))
                            .append(" · under #")
                            .append(pressed.messageId())
                            .append("</div>");
                case ChatEvent.Bot bot -> botEntry(page, bot.sent());
            }
            page.append("</div>\n");
        }
        return page.append("</main></body></html>\n").toString();
    }

    private static void botEntry(StringBuilder page, SentMessage sent) {
        String action = switch (sent.method()) {
            case "editMessageText" -> "edited #" + sent.messageId();
            case "editMessageReplyMarkup" -> "buttons of #" + sent.messageId() + " changed";
            case "deleteMessage" -> "deleted #" + sent.messageId();
            default -> "#" + sent.messageId();
        };
        entry(page, "bot", action + " · " + TIME.format(sent.at()));
        if (sent.method().equals("deleteMessage")) {
            return;
        }
        page.append("<div class=\"bubble\">");
        if (sent.photo() != null) {
            page.append("<span class=\"photo\" title=\"")
                    .append(plain(sent.photo()))
                    .append("\">🖼 photo</span>");
        }
        String body = sent.body();
        if (body != null) {
            page.append("HTML".equalsIgnoreCase(sent.parseMode()) ? TelegramHtml.pageHtml(body) : plain(body));
        }
        page.append("</div>");
        keyboard(page, sent.replyMarkup());
    }

    private static void keyboard(StringBuilder page, JsonNode markup) {
        if (markup == null || !markup.path("inline_keyboard").isArray()) {
            return;
        }
        page.append("<div class=\"keyboard\">");
        for (JsonNode row : markup.path("inline_keyboard")) {
            page.append("<div class=\"row\">");
            for (JsonNode button : row) {
                page.append("<span class=\"button\">")
                        .append(plain(button.path("text").asText()))
                        .append("</span>");
            }
            page.append("</div>");
        }
        page.append("</div>");
    }

    private static StringBuilder entry(StringBuilder page, String side, String meta) {
        return page.append("<div class=\"entry ")
                .append(side)
                .append("\"><span class=\"meta\">")
                .append(plain(meta))
                .append("</span>");
    }

    /** Plain text for the page: every markup character escaped, line breaks kept. */
    static String plain(String text) {
        return TelegramHtml.pageHtml(
                text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
}
