package ru.wbassist.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.wbassist.console.common.Language;

class ConsoleOptionsTest {

    @Test
    void readsDemoDataAndTheScreenshotDirectory() {
        ConsoleOptions options = ConsoleOptions.parse(List.of("--demo-data", "--screenshots=docs/screenshots"));

        assertThat(options.demoData()).isTrue();
        assertThat(options.screenshots()).contains(Path.of("docs/screenshots"));
        assertThat(ConsoleOptions.parse(List.of()))
                .isEqualTo(new ConsoleOptions(false, java.util.Optional.empty(), java.util.Optional.empty()));
    }

    @Test
    void readsTheLanguage() {
        assertThat(ConsoleOptions.parse(List.of("--language=ru")).language()).contains(Language.RU);
        assertThat(ConsoleOptions.parse(List.of("--language=en")).language()).contains(Language.EN);
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--language=de")))
                .hasMessage("Unknown argument: --language=de");
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--screenshots=")))
                .hasMessage("Unknown argument: --screenshots=");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--demo"))).hasMessage("Unknown argument: --demo");
    }
}
