package ru.wbassist.db;

import io.helidon.config.Config;

/**
 * Where the database is and how large the pool may grow.
 *
 * @param url      JDBC URL; the default is an H2 file in the data directory
 * @param username database user
 * @param password database password (never logged)
 * @param maxPoolSize upper bound of the Hikari pool
 */
public record DatabaseConfig(String url, String username, String password, int maxPoolSize) {

    /** The embedded default: an H2 file {@code wbassist} in PostgreSQL mode in {@code dataDir}. */
    public static String h2FileUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("wbassist")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public DatabaseConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("db.url must not be empty");
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("db.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("db.pool-size must be at least 1");
        }
    }

    /** Reads {@code db.url} (else {@code defaultUrl}), {@code db.username}, {@code db.password}, {@code db.pool-size}. */
    public static DatabaseConfig from(Config db, String defaultUrl) {
        return new DatabaseConfig(
                db.get("url").asString().orElse(defaultUrl),
                db.get("username").asString().orElse("sa"),
                db.get("password").asString().orElse(""),
                db.get("pool-size").asInt().orElse(10));
    }

    public Vendor vendor() {
        return url.startsWith("jdbc:postgresql:") ? Vendor.POSTGRESQL : Vendor.H2;
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", username=" + username + ", maxPoolSize=" + maxPoolSize + "]";
    }

    /** The two stores the schema supports. */
    public enum Vendor {
        H2,
        POSTGRESQL
    }
}
