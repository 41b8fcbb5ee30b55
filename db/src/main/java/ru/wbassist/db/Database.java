package ru.wbassist.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.flywaydb.core.Flyway;

/**
 * The server's database: a Hikari pool, the Flyway-migrated schema, and explicit transactions.
 *
 * <p>Feature code uses plain JDBC through {@link #inTransaction} because the sync needs JDBC batches,
 * {@code FOR UPDATE SKIP LOCKED} and one transaction spanning several steps. A Helidon {@link DbClient}
 * over the same pool serves the health check.
 */
public final class Database implements AutoCloseable {

    private final DatabaseConfig config;
    private final HikariDataSource pool;
    private final DbClient dbClient;

    private Database(DatabaseConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
        this.dbClient = JdbcClientBuilder.create().connectionPool(new HikariJdbcPool(pool, config.vendor())).build();
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
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
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

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
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
