package ru.wbassist.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The data directory holds the H2 file and generated secrets: it is owner-only (0700) and so is every file in it
 * (0600). Files another version or another tool left more open are closed on each start.
 */
public final class DataDirectory {

    private DataDirectory() {}

    /** Creates the directory owner-only, or narrows an existing one and the files in it. */
    public static void secure(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(
                            dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                    return;
                }
            }
            if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                return;
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (NoSuchFileException gone) {
                        // another start's temporary file, already moved into place
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dir + " owner-only", e);
        }
    }
}
