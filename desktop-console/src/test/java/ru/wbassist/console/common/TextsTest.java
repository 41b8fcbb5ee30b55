package ru.wbassist.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Notifications;

/** Both languages label the same things, and every label the code asks for exists. */
class TextsTest {

    private static final Pattern KEY = Pattern.compile("texts\\.get\\(\"([a-z_.]+)\"[,)]");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(Texts.of(Language.RU).keys()).isEqualTo(Texts.of(Language.EN).keys());
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = KEY.matcher(Files.readString(source));
                while (key.find()) {
                    used.add(key.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(Texts.of(Language.EN).keys()).containsAll(used);
        for (String type : Notifications.Types.ALL) {
            assertThat(Texts.of(Language.RU).type(type)).as(type).isNotEqualTo(type);
        }
        for (String status : Notifications.Types.STATUSES) {
            assertThat(Texts.of(Language.RU).status(status)).as(status).isNotEqualTo(status);
        }
    }

    @Test
    void theSystemLocaleChoosesTheLanguage() {
        assertThat(Language.of(Locale.forLanguageTag("ru-RU"))).isEqualTo(Language.RU);
        assertThat(Language.of(Locale.forLanguageTag("en-US"))).isEqualTo(Language.EN);
        assertThat(Language.of(Locale.GERMANY)).isEqualTo(Language.EN);
    }

    @Test
    void argumentsAreFilledInAndIdsAreNotGrouped() {
        assertThat(Texts.of(Language.RU).get("notifications.retried", "12345", "12346"))
                .isEqualTo("Уведомление #12345 снова в очереди как #12346.");
        assertThat(Texts.english().get("paging.range", "1", "50", "230")).isEqualTo("1–50 of 230");
        assertThat(Texts.english().type("something_new")).isEqualTo("something_new");
    }
}
