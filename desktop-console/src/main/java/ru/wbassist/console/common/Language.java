package ru.wbassist.console.common;

import java.util.Locale;

/** The console's languages; the system locale picks one at start, the header's switch changes it. */
public enum Language {
    RU("ru", "Русский"),
    EN("en", "English");

    private final String code;
    private final String label;

    Language(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Russian for a Russian (or Belarusian, Kazakh, Ukrainian) system locale, English otherwise. */
    public static Language of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru", "be", "kk", "uk" -> RU;
            default -> EN;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
