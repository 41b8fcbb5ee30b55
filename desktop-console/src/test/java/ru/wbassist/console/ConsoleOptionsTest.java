package ru.wbassist.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleOptionsTest {

    @Test
    void readsDemoDataAndTheScreenshotDirectory() {
        ConsoleOptions options = ConsoleOptions.parse(List.of("--demo-data", "--screenshots=docs/screenshots"));

        assertThat(options.demoData()).isTrue();
        assertThat(options.screenshots()).contains(Path.of("docs/screenshots"));
        assertThat(ConsoleOptions.parse(List.of())).isEqualTo(new ConsoleOptions(false, java.util.Optional.empty()));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--screenshots="))).hasMessage("Unknown argument: --screenshots=");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--demo"))).hasMessage("Unknown argument: --demo");
    }
}
