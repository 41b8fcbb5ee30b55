package ru.wbassist.bot.i18n;

import java.util.Locale;

/** The languages the bot speaks: Russian by default, English on request or by the user's Telegram language. */
public enum Lang {
    RU("ru"),
    EN("en");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** English for an English Telegram client, Russian for everything else (the product's audience). */
    public static Lang fromTelegram(String languageCode) {
        return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en") ? EN : RU;
    }

    /** The language stored on the server ("ru"/"en"), or null when absent or unknown. */
    public static Lang fromCode(String code) {
        for (Lang lang : values()) {
            if (lang.code.equalsIgnoreCase(code)) {
                return lang;
            }
        }
        return null;
    }
}
