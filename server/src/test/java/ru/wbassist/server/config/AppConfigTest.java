package ru.wbassist.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(Files.getPosixFilePermissions(dir))
                .isEqualTo(Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE));
        assertThat(first.toString()).doesNotContain(first.apiSecret());
    }

    @Test
    void productionRefusesToStartWithoutConfiguredSecrets() {
        assertThatThrownBy(() -> AppConfig.from(
                        Settings.load(Map.of("APP_PROFILE", "production", "DATA_DIR", dataDir.toString()))))
                .hasMessageContaining("API_SECRET_KEY")
                .hasMessageContaining("KEY_ENCRYPTION_KEY");
        assertThat(dataDir.resolve(LocalSecrets.API_SECRET_FILE)).doesNotExist();

        AppConfig production = AppConfig.from(Settings.load(Map.of(
                "APP_PROFILE",
                "production",
                "API_SECRET_KEY",
                "0123456789abcdef0123",
                "KEY_ENCRYPTION_KEY",
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "ADMIN_SECRET_KEY",
                "admin-0123456789abcdef",
                "DATA_DIR",
                dataDir.toString())));
        assertThat(production.production()).isTrue();
        assertThat(production.apiSecret()).isEqualTo("0123456789abcdef0123");
    }

    @Test
    void environmentOverridesTheDefaultsAndBadValuesAreRefused() {
        AppConfig config = AppConfig.from(Settings.load(Map.of(
                "DATA_DIR",
                dataDir.toString(),
                "SYNC_INTERVAL",
                "45",
                "DATABASE_URL",
                "jdbc:postgresql://db:5432/wb",
                "API_SECRET_KEY",
                "0123456789abcdef0123")));
        assertThat(config.syncInterval().toSeconds()).isEqualTo(45);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/wb");
        assertThat(Settings.load(Map.of("WB_API_BASE_URL", "http://127.0.0.1:9"))
                        .get("wb.urls.content")
                        .asString()
                        .get())
                .isEqualTo("http://127.0.0.1:9");

        assertThatThrownBy(() -> AppConfig.from(
                        Settings.load(Map.of("DATA_DIR", dataDir.toString(), "API_SECRET_KEY", "short"))))
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> AppConfig.from(
                        Settings.load(Map.of("DATA_DIR", dataDir.toString(), "KEY_ENCRYPTION_KEY", "dG9vLXNob3J0"))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() ->
                        AppConfig.from(Settings.load(Map.of("DATA_DIR", dataDir.toString(), "SYNC_INTERVAL", "1"))))
                .hasMessageContaining("SYNC_INTERVAL");
    }

    @Test
    void aSecretFileShorterThan16CharactersRefusesToStart() throws Exception {
        Path dir = dataDir.resolve("data");
        Files.createDirectories(dir);
        for (String content : new String[] {"", "  \n", "short-secret"}) {
            Files.writeString(dir.resolve(LocalSecrets.API_SECRET_FILE), content);
            assertThatThrownBy(() -> AppConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString()))))
                    .as("api-secret file holding '%s'", content)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            dir.resolve(LocalSecrets.API_SECRET_FILE).toString())
                    .hasMessageContaining("at least 16 characters");
        }
        Files.writeString(dir.resolve(LocalSecrets.API_SECRET_FILE), "");
        Files.writeString(dir.resolve(LocalSecrets.KEY_ENCRYPTION_KEY_FILE), "");
        assertThatThrownBy(() -> AppConfig.from(
                        Settings.load(Map.of("DATA_DIR", dir.toString(), "API_SECRET_KEY", "0123456789abcdef0123"))))
                .hasMessageContaining("32 bytes")
                .hasMessageContaining(
                        dir.resolve(LocalSecrets.KEY_ENCRYPTION_KEY_FILE).toString());
    }

    @Test
    void concurrentFirstStartsAgreeOnOneSecretAndNeverReadAHalfWrittenFile() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path dir = dataDir.resolve("race" + round);
            int starts = 8;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(starts);
            List<java.util.concurrent.Future<AppConfig>> results = new java.util.ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(starts)) {
                for (int i = 0; i < starts; i++) {
                    results.add(pool.submit(() -> {
                        together.await();
                        return AppConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString())));
                    }));
                }
            }
            String secret = Files.readString(dir.resolve(LocalSecrets.API_SECRET_FILE));
            byte[] kek = AppConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString())))
                    .keyEncryptionKey();
            for (var result : results) {
                assertThat(result.get().apiSecret()).isEqualTo(secret);
                assertThat(result.get().keyEncryptionKey()).isEqualTo(kek);
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no temporary file is left behind")
                        .containsExactlyInAnyOrder(LocalSecrets.API_SECRET_FILE, LocalSecrets.KEY_ENCRYPTION_KEY_FILE);
            }
        }
    }

    @Test
    void productionNeedsItsOwnAdminSecretOfAtLeast16Characters() {
        Map<String, String> production = Map.of(
                "APP_PROFILE",
                "production",
                "DATA_DIR",
                dataDir.toString(),
                "API_SECRET_KEY",
                "0123456789abcdef0123",
                "KEY_ENCRYPTION_KEY",
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        assertThatThrownBy(() -> AppConfig.from(Settings.load(production))).hasMessageContaining("ADMIN_SECRET_KEY");
        assertThatThrownBy(() ->
                        AppConfig.from(Settings.load(with(production, "ADMIN_SECRET_KEY", "0123456789abcdef0123"))))
                .hasMessageContaining("ADMIN_SECRET_KEY")
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> AppConfig.from(Settings.load(with(production, "ADMIN_SECRET_KEY", "admin-short"))))
                .hasMessageContaining("ADMIN_SECRET_KEY")
                .hasMessageContaining("at least 16");
        // outside production an admin secret stays optional, but when set the same rules apply
        assertThatThrownBy(() -> AppConfig.from(Settings.load(Map.of(
                        "DATA_DIR",
                        dataDir.toString(),
                        "API_SECRET_KEY",
                        "0123456789abcdef0123",
                        "ADMIN_SECRET_KEY",
                        "0123456789abcdef0123"))))
                .hasMessageContaining("differ");
        AppConfig ok = AppConfig.from(Settings.load(with(production, "ADMIN_SECRET_KEY", "admin-0123456789abcdef")));
        assertThat(ok.adminSecret()).contains("admin-0123456789abcdef");
        assertThat(ok.toString()).doesNotContain("admin-0123456789abcdef");
    }

    @Test
    void theDefaultH2FileLivesUnderDataDirWhichIsOwnerOnly() throws Exception {
        Path dir = dataDir.resolve("elsewhere");
        AppConfig config = AppConfig.from(Settings.load(Map.of(
                "DATA_DIR",
                dir.toString(),
                "API_SECRET_KEY",
                "0123456789abcdef0123",
                "KEY_ENCRYPTION_KEY",
                "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")));
        assertThat(config.database().url()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath() + "/wbassist;");
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var app = ru.wbassist.server.App.create(config)) {
            try (var files = Files.list(dir)) {
                List<Path> all = files.toList();
                assertThat(all).anyMatch(p -> p.getFileName().toString().startsWith("wbassist"));
                for (Path file : all) {
                    assertThat(Files.getPosixFilePermissions(file))
                            .as(file.toString())
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
        // a data directory left open by an older version is closed on the next start
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("stray.log"), "x");
        Files.setPosixFilePermissions(dir.resolve("stray.log"), PosixFilePermissions.fromString("rw-r--r--"));
        AppConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString(), "API_SECRET_KEY", "0123456789abcdef0123")));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("stray.log")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
