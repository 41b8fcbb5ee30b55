package ru.wbassist.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void adminSecretWinsOverApiSecretAndTheFile() throws Exception {
        writeSecretFile("from-file");

        ConnectionSettings settings = ConnectionSettings.resolve(
                Map.of("SERVER_URL", "http://srv:9000", "ADMIN_SECRET_KEY", "admin", "API_SECRET_KEY", "api"), dir);

        assertThat(settings.serverUrl()).isEqualTo("http://srv:9000");
        assertThat(settings.secret()).contains("admin");
        assertThat(settings.secretSource()).isEqualTo("ADMIN_SECRET_KEY");
    }

    @Test
    void apiSecretThenTheFileTheServerWrites() throws Exception {
        assertThat(ConnectionSettings.resolve(Map.of("API_SECRET_KEY", "api", "ADMIN_SECRET_KEY", " "), dir)
                        .secret())
                .contains("api");

        writeSecretFile("from-file\n");
        ConnectionSettings settings = ConnectionSettings.resolve(Map.of(), dir);
        assertThat(settings.serverUrl()).isEqualTo(ConnectionSettings.DEFAULT_URL);
        assertThat(settings.secret()).contains("from-file");
    }

    @Test
    void noSecretAnywhereLeavesItEmptyAndNeverPrintsOne() {
        assertThat(ConnectionSettings.resolve(Map.of(), dir).secret()).isEmpty();
        assertThat(ConnectionSettings.resolve(Map.of("API_SECRET_KEY", "top-secret"), dir)
                        .toString())
                .doesNotContain("top-secret");
    }

    private void writeSecretFile(String content) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/api-secret"), content);
    }
}
