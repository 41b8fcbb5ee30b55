package ru.wbassist.server.cabinets;

import java.io.PrintStream;
import java.util.Map;
import ru.wbassist.db.Database;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.Settings;

/**
 * {@code ./run.sh rotate-key}: re-encrypts every stored WB key with {@code KEY_ENCRYPTION_KEY}, reading the old ones
 * with {@code KEY_ENCRYPTION_KEY_PREVIOUS}, against the configured database while servers keep running
 * (docs/operations.md). Keys come from the environment only; nothing secret is printed.
 */
public final class KeyRotationMain {

    private KeyRotationMain() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out));
    }

    /** Runs a rotation; 0 when every stored key is now on the current KEK. */
    static int run(Map<String, String> environment, PrintStream out) {
        AppConfig config;
        try {
            config = AppConfig.from(Settings.load(environment));
        } catch (IllegalStateException e) {
            out.println("rotate-key: " + e.getMessage());
            return 2;
        }
        KeyVault vault = new KeyVault(config.keyEncryptionKey(), config.previousKeyEncryptionKeys());
        try (Database db = Database.open(config.database())) {
            KeyRotation.Result result = new KeyRotation(new CabinetRepository(db, vault)).rotateAll();
            result.failures().forEach(failure -> out.println("rotate-key: " + failure));
            out.println("rotate-key: " + result.rotated() + " stored WB keys re-encrypted with key-encryption key "
                    + vault.keyId() + ", " + result.alreadyCurrent() + " already were, "
                    + result.failures().size()
                    + " failed");
            return result.failures().isEmpty() ? 0 : 1;
        }
    }
}
