package ru.wbassist.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.MessageFormat;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Syncs;

class TextsTest {

    @Test
    void russianAndEnglishDefineTheSameTexts() {
        assertThat(Texts.of(Lang.EN).keys())
                .containsExactlyInAnyOrderElementsOf(Texts.of(Lang.RU).keys());
    }

    @Test
    void everyTextIsAValidPatternAndDiffersByLanguage() {
        for (String key : Texts.of(Lang.RU).keys()) {
            for (Lang lang : Lang.values()) {
                assertThatCode(() -> new MessageFormat(Texts.of(lang).get(key)))
                        .as("%s in %s", key, lang)
                        .doesNotThrowAnyException();
            }
        }
        assertThat(Texts.of(Lang.RU).get("help")).contains("команды");
        assertThat(Texts.of(Lang.EN).get("help")).contains("commands").contains("today's summary");
    }

    @Test
    void everyDataSetTheServerSyncsHasAName() {
        for (Lang lang : Lang.values()) {
            for (String dataSet : Syncs.DATA_SETS) {
                assertThat(Texts.of(lang).keys()).as("%s in %s", dataSet, lang).contains("data_set." + dataSet);
            }
        }
    }

    @Test
    void telegramLanguageChoosesEnglishOnlyForEnglishClients() {
        assertThat(Lang.fromTelegram("en-US")).isEqualTo(Lang.EN);
        assertThat(Lang.fromTelegram("ru")).isEqualTo(Lang.RU);
        assertThat(Lang.fromTelegram("uk")).isEqualTo(Lang.RU);
        assertThat(Lang.fromTelegram(null)).isEqualTo(Lang.RU);
    }
}
