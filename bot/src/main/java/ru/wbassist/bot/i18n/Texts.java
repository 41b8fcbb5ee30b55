package ru.wbassist.bot.i18n;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The texts users read, from {@code messages.properties} (Russian) and {@code messages_en.properties}; values are
 * {@link MessageFormat} patterns in Telegram HTML. Callers escape what they pass in ({@link Html#escape}).
 */
public final class Texts {

    private static final Map<Lang, Texts> BY_LANG = new EnumMap<>(Lang.class);

    static {
        ResourceBundle.Control noFallback =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        BY_LANG.put(
                Lang.RU, new Texts(Lang.RU, ResourceBundle.getBundle("messages", java.util.Locale.ROOT, noFallback)));
        BY_LANG.put(Lang.EN, new Texts(Lang.EN, ResourceBundle.getBundle("messages", Lang.EN.locale(), noFallback)));
    }

    private final Lang lang;
    private final ResourceBundle bundle;

    private Texts(Lang lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    public static Texts of(Lang lang) {
        return BY_LANG.get(lang);
    }

    public Lang lang() {
        return lang;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text " + key + " for " + lang, e);
        }
        return new MessageFormat(pattern, lang.locale()).format(args);
    }

    /** The text for {@code key}, or {@code fallback} when there is none (e.g. a role the bot does not know yet). */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? get(key) : fallback;
    }

    /** Every key, for the test that both languages define the same texts. */
    public Set<String> keys() {
        return bundle.keySet();
    }
}
