package ru.wbassist.db;

import java.sql.SQLException;

/** An unchecked wrapper for {@link SQLException}; {@link #isUniqueViolation()} tells a duplicate apart. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the database rejected a row because a unique or primary key already holds it (SQLSTATE 23505). */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
