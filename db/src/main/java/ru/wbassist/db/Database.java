package ru.wbassist.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The server's database: a Hikari pool, the Flyway-migrated schema, and explicit transactions.
 *
 * <p>Feature code uses plain JDBC through {@link #inTransaction} because the sync needs JDBC batches,
 * {@code FOR UPDATE SKIP LOCKED} and one transaction spanning several steps. A Helidon {@link DbClient}
 * over the same pool serves the health check.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    private final DatabaseConfig config;
    private final HikariDataSource pool;
    private final DbClient dbClient;
    /** The after-commit hooks of each open transaction, by its connection. */
    private final Map<Connection, List<Runnable>> afterCommit = Collections.synchronizedMap(new IdentityHashMap<>());

    private Database(DatabaseConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
        this.dbClient = JdbcClientBuilder.create()
                .connectionPool(new HikariJdbcPool(pool, config.vendor()))
                .build();
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        hc.setUsername(config.username());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setPoolName("wbassist");
        if (config.vendor() == DatabaseConfig.Vendor.POSTGRESQL) {
            // pgjdbc then sends a JDBC batch as one multi-row INSERT: faster sync batches (docs/benchmarks.md, Ingest).
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool = new HikariDataSource(hc);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(config, pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    public DbClient dbClient() {
        return dbClient;
    }

    public DatabaseConfig.Vendor vendor() {
        return config.vendor();
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Hooks registered
     * with {@link #afterCommit} run after the commit, in this thread; a rollback drops them.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        T result;
        List<Runnable> hooks;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            afterCommit.put(c, new ArrayList<>());
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                hooks = afterCommit.remove(c);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an after-commit hook failed; the transaction stays committed", e);
            }
        }
        return result;
    }

    /**
     * Runs {@code hook} once the transaction of {@code c} (one of {@link #inTransaction}'s) has committed.
     *
     * @throws IllegalStateException when {@code c} is not in such a transaction
     */
    public void afterCommit(Connection c, Runnable hook) {
        List<Runnable> hooks = afterCommit.get(c);
        if (hooks == null) {
            throw new IllegalStateException("afterCommit needs a connection of Database.inTransaction");
        }
        hooks.add(hook);
    }

    /**
     * Tells every process listening on {@code channel} (see {@link #listen}) once the transaction of {@code c}
     * commits: PostgreSQL's {@code NOTIFY} is transactional, so a rollback tells no one. A no-op on H2, which is
     * embedded in one process (use {@link #afterCommit} for that process).
     */
    public void notifyOnCommit(Connection c, String channel) throws SQLException {
        if (config.vendor() == DatabaseConfig.Vendor.POSTGRESQL) {
            Sql.queryOne(c, "SELECT pg_notify(?, '')", rs -> rs.getString(1), channel);
        }
    }

    /**
     * Calls {@code onNotify} whenever any process commits a {@link #notifyOnCommit} on {@code channel} (PostgreSQL
     * {@code LISTEN} on a connection of its own, outside the pool; on H2 nothing ever arrives). Returns once listening
     * (or after 10 s of failing to, while it keeps trying). After a lost connection it reconnects and calls
     * {@code onNotify} once, since notifications may have been missed meanwhile.
     */
    public AutoCloseable listen(String channel, Runnable onNotify) {
        if (config.vendor() != DatabaseConfig.Vendor.POSTGRESQL) {
            return () -> {};
        }
        Listener listener = new Listener(channel, onNotify);
        listener.thread = Thread.ofVirtual().name("db-listen-" + channel).start(listener::loop);
        try {
            listener.listening.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return listener;
    }

    private final class Listener implements AutoCloseable {
        private final String channel;
        private final Runnable onNotify;
        private final CountDownLatch listening = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile Thread thread;
        private volatile Connection connection;

        Listener(String channel, Runnable onNotify) {
            this.channel = channel;
            this.onNotify = onNotify;
        }

        void loop() {
            boolean missed = false;
            while (running) {
                try (Connection c = DriverManager.getConnection(config.url(), config.username(), config.password())) {
                    connection = c;
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN \"" + channel.replace("\"", "") + "\"");
                    }
                    listening.countDown();
                    if (missed) {
                        onNotify.run();
                    }
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] arrived = pg.getNotifications(1000);
                        if (arrived != null && arrived.length > 0) {
                            onNotify.run();
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    missed = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "LISTEN " + channel + " lost its connection; reconnecting in 1 s: " + e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() {
            running = false;
            Connection c = connection;
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
            Thread t = thread;
            if (t != null) {
                t.interrupt();
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (single statements, reads). */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Work against one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
