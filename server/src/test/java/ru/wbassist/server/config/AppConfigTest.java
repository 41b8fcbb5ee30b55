package ru.wbassist.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesSecretsOnceIntoOwnerOnlyFiles() throws Exception {
        Path dir = dataDir.resolve("data");
        AppConfig first = AppConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString())));
        AppConfig second = AppConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString())));
        assertThat(first.apiSecret()).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second.apiSecret());
        assertThat(first.keyEncryptionKey()).hasSize(32).isEqualTo(second.keyEncryptionKey());
        assertThat(Files.getPosixFilePermissions(dir.resolve(LocalSecrets.API_SECRET_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        assertThat(first.toString()).doesNotContain(first.apiSecret());
    }

    @Test
    void productionRefusesToStartWithoutConfiguredSecrets() {
        assertThatThrownBy(() -> AppConfig.from(Settings.load(Map.of("APP_PROFILE", "production",
                "DATA_DIR", dataDir.toString()))))
                .hasMessageContaining("API_SECRET_KEY").hasMessageContaining("KEY_ENCRYPTION_KEY");
        assertThat(dataDir.resolve(LocalSecrets.API_SECRET_FILE)).doesNotExist();

        AppConfig production = AppConfig.from(Settings.load(Map.of("APP_PROFILE", "production",
                "API_SECRET_KEY", "0123456789abcdef0123", "KEY_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "DATA_DIR", dataDir.toString())));
        assertThat(production.production()).isTrue();
        assertThat(production.apiSecret()).isEqualTo("0123456789abcdef0123");
    }

    @Test
    void environmentOverridesTheDefaultsAndBadValuesAreRefused() {
        AppConfig config = AppConfig.from(Settings.load(Map.of("DATA_DIR", dataDir.toString(), "SYNC_INTERVAL", "45",
                "DATABASE_URL", "jdbc:postgresql://db:5432/wb", "API_SECRET_KEY", "0123456789abcdef0123")));
        assertThat(config.syncInterval().toSeconds()).isEqualTo(45);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/wb");
        assertThat(Settings.load(Map.of("WB_API_BASE_URL", "http://127.0.0.1:9")).get("wb.urls.content").asString().get())
                .isEqualTo("http://127.0.0.1:9");

        assertThatThrownBy(() -> AppConfig.from(Settings.load(Map.of("DATA_DIR", dataDir.toString(),
                "API_SECRET_KEY", "short")))).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> AppConfig.from(Settings.load(Map.of("DATA_DIR", dataDir.toString(),
                "KEY_ENCRYPTION_KEY", "dG9vLXNob3J0")))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AppConfig.from(Settings.load(Map.of("DATA_DIR", dataDir.toString(),
                "SYNC_INTERVAL", "1")))).hasMessageContaining("SYNC_INTERVAL");
    }
}
