package ru.wbassist.console.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the console connects and with which secret: SERVER_URL (default http://127.0.0.1:8080); the secret from
 * ADMIN_SECRET_KEY, else API_SECRET_KEY, else the file data/api-secret that a local server writes.
 */
public record ConnectionSettings(String serverUrl, Optional<String> secret, String secretSource) {

    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    static final Path SECRET_FILE = Path.of("data", "api-secret");

    @Override
    public String toString() {
        // The secret never reaches a log line through this record.
        return "ConnectionSettings[serverUrl=" + serverUrl + ", secretSource=" + secretSource + "]";
    }

    public static ConnectionSettings resolve(Map<String, String> env, Path workingDirectory) {
        String url = nonBlank(env.get("SERVER_URL")).orElse(DEFAULT_URL);
        for (String name : new String[] {"ADMIN_SECRET_KEY", "API_SECRET_KEY"}) {
            Optional<String> secret = nonBlank(env.get(name));
            if (secret.isPresent()) {
                return new ConnectionSettings(url, secret, name);
            }
        }
        Path file = workingDirectory.resolve(SECRET_FILE);
        if (Files.isReadable(file)) {
            try {
                Optional<String> secret = nonBlank(Files.readString(file, StandardCharsets.UTF_8));
                if (secret.isPresent()) {
                    return new ConnectionSettings(url, secret, file.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return new ConnectionSettings(url, Optional.empty(), "none");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
