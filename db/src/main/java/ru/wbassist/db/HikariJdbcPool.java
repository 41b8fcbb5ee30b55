package ru.wbassist.db;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Adapts the Hikari pool to Helidon's DbClient, which ships no pool of its own in 4.5
 * (helidon-dbclient-hikari is not published for 4.5).
 */
final class HikariJdbcPool implements JdbcConnectionPool {

    private final HikariDataSource pool;
    private final DatabaseConfig.Vendor vendor;

    HikariJdbcPool(HikariDataSource pool, DatabaseConfig.Vendor vendor) {
        this.pool = pool;
        this.vendor = vendor;
    }

    @Override
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("Cannot get a connection from the pool", e);
        }
    }

    @Override
    public String dbType() {
        return vendor == DatabaseConfig.Vendor.POSTGRESQL ? "postgresql" : "h2";
    }
}
