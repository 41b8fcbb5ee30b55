package ru.wbassist.server.config;

import io.helidon.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import ru.wbassist.db.DatabaseConfig;

/**
 * The server's settings after defaults, environment and local secrets are applied.
 *
 * @param config                   the raw configuration, for features that read their own section
 * @param keyEncryptionKey         encrypts WB keys from now on
 * @param previousKeyEncryptionKeys still decrypt keys stored before a rotation ({@code ./run.sh rotate-key})
 */
public record AppConfig(
        Config config,
        Path dataDir,
        boolean production,
        String apiSecret,
        Optional<String> adminSecret,
        byte[] keyEncryptionKey,
        List<byte[]> previousKeyEncryptionKeys,
        DatabaseConfig database,
        Duration syncInterval,
        boolean syncEnabled) {

    /** Shortest accepted API or admin secret, whatever its source. */
    public static final int MIN_SECRET_LENGTH = 16;

    public static AppConfig from(Config config) {
        Config app = config.get("app");
        Path dataDir = Path.of(app.get("data-dir").asString().orElse("./data"));
        boolean production = "production".equals(app.get("profile").asString().orElse("development"));
        Optional<String> apiSecret = nonBlank(app.get("api-secret"));
        Optional<String> kek = nonBlank(app.get("key-encryption-key"));
        Optional<String> adminSecret = nonBlank(app.get("admin-secret"));
        if (production && (apiSecret.isEmpty() || kek.isEmpty() || adminSecret.isEmpty())) {
            throw new IllegalStateException("The production profile needs API_SECRET_KEY, ADMIN_SECRET_KEY and"
                    + " KEY_ENCRYPTION_KEY to be set");
        }
        apiSecret.ifPresent(s -> requireLength(s, "API_SECRET_KEY"));
        adminSecret.ifPresent(s -> requireLength(s, "ADMIN_SECRET_KEY"));
        Optional<String> dbUrl = nonBlank(config.get("db.url"));
        if (dbUrl.isEmpty() || apiSecret.isEmpty() || kek.isEmpty() || Files.isDirectory(dataDir)) {
            DataDirectory.secure(dataDir);
        }
        LocalSecrets local = new LocalSecrets(dataDir);
        String secret = local.resolve(apiSecret, LocalSecrets.API_SECRET_FILE, "API secret (API_SECRET_KEY)");
        if (apiSecret.isEmpty()) {
            requireLength(
                    secret,
                    "the API secret in " + local.path(LocalSecrets.API_SECRET_FILE)
                            + " (an empty file is what a crash while writing it leaves: delete it to generate a new one)");
        }
        if (adminSecret.isPresent() && adminSecret.get().equals(secret)) {
            throw new IllegalStateException("ADMIN_SECRET_KEY must differ from the API secret: the bot's secret must"
                    + " not open the admin routes");
        }
        byte[] keyEncryptionKey = decodeKey(
                local.resolve(kek, LocalSecrets.KEY_ENCRYPTION_KEY_FILE, "key-encryption key (KEY_ENCRYPTION_KEY)"),
                kek.isPresent()
                        ? "KEY_ENCRYPTION_KEY"
                        : "the key-encryption key in " + local.path(LocalSecrets.KEY_ENCRYPTION_KEY_FILE));
        List<byte[]> previous = new ArrayList<>();
        nonBlank(app.get("previous-key-encryption-keys")).ifPresent(list -> {
            for (String key : list.split(",")) {
                previous.add(decodeKey(key, "KEY_ENCRYPTION_KEY_PREVIOUS"));
            }
        });
        long syncSeconds = config.get("sync.interval").asLong().orElse(180L);
        if (syncSeconds < 5) {
            throw new IllegalStateException("SYNC_INTERVAL must be at least 5 seconds");
        }
        return new AppConfig(
                config,
                dataDir,
                production,
                secret,
                adminSecret,
                keyEncryptionKey,
                List.copyOf(previous),
                DatabaseConfig.from(config.get("db"), DatabaseConfig.h2FileUrl(dataDir)),
                Duration.ofSeconds(syncSeconds),
                config.get("sync.enabled").asBoolean().orElse(true));
    }

    private static Optional<String> nonBlank(Config value) {
        return value.asString().asOptional().filter(s -> !s.isBlank());
    }

    private static void requireLength(String secret, String what) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(what + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    private static byte[] decodeKey(String encoded, String variable) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder()
                    .decode(encoded.trim().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " must be base64 of 32 bytes");
        }
        if (key.length != 32) {
            throw new IllegalStateException(variable + " must be base64 of 32 bytes");
        }
        return key;
    }

    @Override
    public String toString() {
        return "AppConfig[dataDir=" + dataDir + ", production=" + production + ", database=" + database
                + ", syncInterval=" + syncInterval + ", syncEnabled=" + syncEnabled + "]";
    }
}
