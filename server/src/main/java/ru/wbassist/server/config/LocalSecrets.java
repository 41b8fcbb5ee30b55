package ru.wbassist.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets for a single machine when none is configured: generated once, kept in the data directory readable only
 * by the owner, so the bot and the console on the same machine can read them. The production profile refuses this.
 *
 * <p>A new secret is written whole to a temporary file and then linked into place, which fails when another start
 * got there first: a crash never leaves an empty or partial secret, and two starts never disagree (the loser reads
 * the winner's file).
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

    /** Where a secret of this name is kept. */
    public Path path(String file) {
        return dataDir.resolve(file);
    }

    /**
     * The configured value, else the one stored in {@code file}, else a new random one stored there.
     * Only the file's path is logged, never the value.
     */
    public String resolve(Optional<String> configured, String file, String purpose) {
        if (configured.isPresent()) {
            return configured.get();
        }
        Path path = path(file);
        try {
            if (Files.exists(path)) {
                return read(path);
            }
            DataDirectory.secure(dataDir);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!publish(path, value)) {
                return read(path); // another start on this machine generated it first
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    "No " + purpose + " configured: generated one in " + path.toAbsolutePath()
                            + " (owner-only). Configure it explicitly in production.");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + path, e);
        }
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8).trim();
    }

    /** Puts {@code value} at {@code path} in one step; false when a file is there already. */
    private static boolean publish(Path path, String value) throws IOException {
        Path temporary = createOwnerOnlyTemporary(path);
        try {
            Files.writeString(
                    temporary, value, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.createLink(path, temporary); // atomic, and never replaces an existing file
                return true;
            } catch (FileAlreadyExistsException lost) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                if (Files.exists(path)) {
                    return false;
                }
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path createOwnerOnlyTemporary(Path path) throws IOException {
        String prefix = "." + path.getFileName() + ".";
        try {
            return Files.createTempFile(
                    path.getParent(),
                    prefix,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(path.getParent(), prefix, ".tmp");
        }
    }
}
