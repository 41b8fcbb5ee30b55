package ru.wbassist.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import io.helidon.config.Config;
import ru.wbassist.db.DatabaseConfig;

/**
 * The server's settings after defaults, environment and local secrets are applied.
 *
 * @param config the raw configuration, for features that read their own section
 */
public record AppConfig(Config config, Path dataDir, boolean production, String apiSecret, Optional<String> adminSecret,
                        byte[] keyEncryptionKey, DatabaseConfig database, Duration syncInterval, boolean syncEnabled) {

    public static AppConfig from(Config config) {
        Config app = config.get("app");
        Path dataDir = Path.of(app.get("data-dir").asString().orElse("./data"));
        boolean production = "production".equals(app.get("profile").asString().orElse("development"));
        Optional<String> apiSecret = app.get("api-secret").asString().asOptional().filter(s -> !s.isBlank());
        Optional<String> kek = app.get("key-encryption-key").asString().asOptional().filter(s -> !s.isBlank());
        if (production && (apiSecret.isEmpty() || kek.isEmpty())) {
            throw new IllegalStateException("The production profile needs API_SECRET_KEY and KEY_ENCRYPTION_KEY to be set");
        }
        if (apiSecret.isPresent() && apiSecret.get().length() < 16) {
            throw new IllegalStateException("API_SECRET_KEY must be at least 16 characters");
        }
        LocalSecrets local = new LocalSecrets(dataDir);
        String secret = local.resolve(apiSecret, LocalSecrets.API_SECRET_FILE, "API secret (API_SECRET_KEY)");
        byte[] keyEncryptionKey = decodeKey(local.resolve(kek, LocalSecrets.KEY_ENCRYPTION_KEY_FILE,
                "key-encryption key (KEY_ENCRYPTION_KEY)"));
        long syncSeconds = config.get("sync.interval").asLong().orElse(180L);
        if (syncSeconds < 5) {
            throw new IllegalStateException("SYNC_INTERVAL must be at least 5 seconds");
        }
        return new AppConfig(config, dataDir, production, secret,
                app.get("admin-secret").asString().asOptional().filter(s -> !s.isBlank()),
                keyEncryptionKey, DatabaseConfig.from(config.get("db")), Duration.ofSeconds(syncSeconds),
                config.get("sync.enabled").asBoolean().orElse(true));
    }

    private static byte[] decodeKey(String encoded) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(encoded.trim().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("KEY_ENCRYPTION_KEY must be base64 of 32 bytes");
        }
        if (key.length != 32) {
            throw new IllegalStateException("KEY_ENCRYPTION_KEY must be base64 of 32 bytes");
        }
        return key;
    }

    @Override
    public String toString() {
        return "AppConfig[dataDir=" + dataDir + ", production=" + production + ", database=" + database
                + ", syncInterval=" + syncInterval + ", syncEnabled=" + syncEnabled + "]";
    }
}
