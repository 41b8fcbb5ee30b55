package ru.wbassist.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import ru.wbassist.emulators.telegram.TelegramEmulator;

/** BotMain as a process: a missing or rejected token ends it with one line on stderr and exit code 2. */
class BotMainTest {

    private record Run(int exitCode, String stderr) {}

    @Test
    void missingTokenExitsWithCode2AndOneLine() throws Exception {
        Run run = run(Map.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip())
                .doesNotContain("\n")
                .startsWith("wb-assist bot: TELEGRAM_BOT_TOKEN is not set");
    }

    @Test
    void anUnknownLogFormatExitsWithCode2AndOneLine() throws Exception {
        Run run = run(Map.of("LOG_FORMAT", "xml", "TELEGRAM_BOT_TOKEN", "1:A", "API_SECRET_KEY", "secret-0123456789"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("wb-assist bot: LOG_FORMAT must be text or json, got xml");
    }

    @Test
    void rejectedTokenExitsWithCode2AndNeverPrintsIt() throws Exception {
        try (TelegramEmulator telegram = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token("123:RIGHT"))) {
            Run run = run(Map.of(
                    "TELEGRAM_BOT_TOKEN",
                    "999:WRONG-TOKEN",
                    "API_SECRET_KEY",
                    "secret-0123456789",
                    "TELEGRAM_API_URL",
                    telegram.baseUrl()));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr().strip())
                    .doesNotContain("\n")
                    .doesNotContain("WRONG-TOKEN")
                    .isEqualTo("wb-assist bot: Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized)");
        }
    }

    private static Run run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BotMain.class.getName());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process =
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), stderr);
    }
}
