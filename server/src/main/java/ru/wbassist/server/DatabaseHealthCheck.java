package ru.wbassist.server;

import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness: the database answers a trivial query through Helidon's DbClient. */
final class DatabaseHealthCheck implements HealthCheck {

    private final DbClient db;

    DatabaseHealthCheck(DbClient db) {
        this.db = db;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        try {
            db.execute().query("SELECT 1").close();
            return HealthCheckResponse.builder()
                    .status(HealthCheckResponse.Status.UP)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder()
                    .status(HealthCheckResponse.Status.DOWN)
                    .detail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
