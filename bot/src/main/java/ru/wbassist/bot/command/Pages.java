package ru.wbassist.bot.command;

/**
 * Keeps a reply within Telegram's 4096-character limit. Replies are built from whole blocks joined by blank lines,
 * so cutting at a block boundary never leaves an HTML tag open.
 */
final class Pages {

    private static final int TELEGRAM_TEXT_LIMIT = 4096;

    private Pages() {
    }

    static String fit(String html) {
        if (html.length() <= TELEGRAM_TEXT_LIMIT) {
            return html;
        }
        int cut = html.lastIndexOf("\n\n", TELEGRAM_TEXT_LIMIT - 2);
        return (cut > 0 ? html.substring(0, cut) : html.substring(0, TELEGRAM_TEXT_LIMIT - 2)) + "\n…";
    }
}
