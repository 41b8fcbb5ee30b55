package ru.wbassist.console.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The console's labels and messages in one language, from {@code i18n/messages_<code>.properties} (UTF-8).
 * Notification types and statuses have labels too; codes without one are shown as they are.
 */
public final class Texts {

    private static final Texts ENGLISH = load(Language.EN);
    private static final Texts RUSSIAN = load(Language.RU);

    private final Language language;
    private final Properties messages;

    private Texts(Language language, Properties messages) {
        this.language = language;
        this.messages = messages;
    }

    public static Texts of(Language language) {
        return language == Language.RU ? RUSSIAN : ENGLISH;
    }

    public static Texts english() {
        return ENGLISH;
    }

    public Language language() {
        return language;
    }

    /** The message for the key, with {@code {0}}-style arguments filled in when there are any. */
    public String get(String key, Object... args) {
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("No console text '" + key + "' in " + language.code());
        }
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Locale.forLanguageTag(language.code())).format(args);
    }

    /** "Новый заказ" for {@code new_order}. */
    public String type(String code) {
        return code == null ? "" : messages.getProperty("type." + code, code);
    }

    /** "ошибка" for {@code failed}: delivery and sync statuses. */
    public String status(String code) {
        return code == null ? "" : messages.getProperty("status." + code, code);
    }

    public Set<String> keys() {
        return messages.stringPropertyNames();
    }

    private static Texts load(Language language) {
        String resource = "/ru/wbassist/console/i18n/messages_" + language.code() + ".properties";
        try (InputStream in = Objects.requireNonNull(Texts.class.getResourceAsStream(resource), resource)) {
            Properties messages = new Properties();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Texts(language, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
