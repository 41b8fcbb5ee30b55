package ru.wbassist.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets for a single machine when none is configured: generated once, kept in the data directory readable only
 * by the owner, so the bot and the console on the same machine can read them. The production profile refuses this.
 */
public final class LocalSecrets {

    public static final String API_SECRET_FILE = "api-secret";
    public static final String KEY_ENCRYPTION_KEY_FILE = "key-encryption-key";

    private static final System.Logger LOG = System.getLogger(LocalSecrets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDir;

    public LocalSecrets(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The configured value, else the one stored in {@code file}, else a new random one stored there.
     * Only the file's path is logged, never the value.
     */
    public String resolve(Optional<String> configured, String file, String purpose) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Path path = dataDir.resolve(file);
        try {
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.UTF_8).trim();
            }
            createPrivateDirectory(dataDir);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            write(path, value);
            LOG.log(System.Logger.Level.WARNING, "No " + purpose + " configured: generated one in " + path.toAbsolutePath()
                    + " (owner-only). Configure it explicitly in production.");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + path, e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static void write(Path path, String value) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            return; // another process on this machine generated it first; read theirs
        }
        Files.writeString(path, value, StandardCharsets.UTF_8);
    }
}
