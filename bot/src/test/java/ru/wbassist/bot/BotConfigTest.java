package ru.wbassist.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotConfigTest {

    @Test
    void defaultsReadTheSecretTheServerWrote(@TempDir Path dir) throws Exception {
        Path secretFile = dir.resolve("api-secret");
        Files.writeString(secretFile, "file-secret-0123456789\n");

        BotConfig config =
                BotConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "1:AAA", "API_SECRET_FILE", secretFile.toString()));

        assertThat(config.apiSecret()).isEqualTo("file-secret-0123456789");
        assertThat(config.serverUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.telegramUrl().getHost()).isEqualTo("api.telegram.org");
        assertThat(config.telegramUrl().getPort()).isEqualTo(443);
        assertThat(config.rate()).isEqualTo(28);
        assertThat(config.pollingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.toString()).doesNotContain("1:AAA").doesNotContain("file-secret");
    }

    @Test
    void environmentOverridesEverything() {
        BotConfig config = BotConfig.from(Map.of(
                "TELEGRAM_BOT_TOKEN",
                "1:AAA",
                "API_SECRET_KEY",
                "env-secret",
                "SERVER_URL",
                "http://10.0.0.5:9090",
                "TELEGRAM_API_URL",
                "http://127.0.0.1:8081",
                "TELEGRAM_RATE",
                "10",
                "POLLING_INTERVAL",
                "5"));

        assertThat(config.apiSecret()).isEqualTo("env-secret");
        assertThat(config.serverUrl()).isEqualTo("http://10.0.0.5:9090");
        assertThat(config.telegramUrl().getSchema()).isEqualTo("http");
        assertThat(config.telegramUrl().getPort()).isEqualTo(8081);
        assertThat(config.rate()).isEqualTo(10);
        assertThat(config.pollingInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theMetricsEndpointIsOffUnlessAPortIsGiven() {
        Map<String, String> base = Map.of("TELEGRAM_BOT_TOKEN", "1:AAA", "API_SECRET_KEY", "env-secret");
        assertThat(BotConfig.from(base).metricsPort()).isZero();
        Map<String, String> on = new java.util.HashMap<>(base);
        on.put("BOT_METRICS_PORT", "9464");
        BotConfig config = BotConfig.from(on);
        assertThat(config.metricsPort()).isEqualTo(9464);
        assertThat(config.metricsHost()).isEqualTo("127.0.0.1");
        assertThat(config.toString())
                .contains("metrics=http://127.0.0.1:9464/metrics")
                .doesNotContain("env-secret");
        on.put("BOT_METRICS_PORT", "70000");
        assertThatThrownBy(() -> BotConfig.from(on))
                .isInstanceOf(BotConfig.ConfigException.class)
                .hasMessage("BOT_METRICS_PORT must be a port number (1-65535), got 70000");
    }

    @Test
    void problemsAreOneClearLine(@TempDir Path dir) {
        assertThatThrownBy(() -> BotConfig.from(Map.of()))
                .isInstanceOf(BotConfig.ConfigException.class)
                .hasMessageContaining("TELEGRAM_BOT_TOKEN is not set");
        assertThatThrownBy(() -> BotConfig.from(Map.of(
                        "TELEGRAM_BOT_TOKEN",
                        "1:A",
                        "API_SECRET_FILE",
                        dir.resolve("missing").toString())))
                .hasMessageContaining("no API secret")
                .hasMessageContaining("API_SECRET_KEY");
        assertThatThrownBy(() -> BotConfig.from(
                        Map.of("TELEGRAM_BOT_TOKEN", "1:A", "API_SECRET_KEY", "s", "TELEGRAM_RATE", "fast")))
                .hasMessage("TELEGRAM_RATE must be a positive number, got fast");
    }
}
