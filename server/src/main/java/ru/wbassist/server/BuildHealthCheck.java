package ru.wbassist.server;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import ru.wbassist.observability.BuildInfo;

/** Shows the running build's version in {@code /observe/health} (always UP), so an operator sees what is deployed. */
final class BuildHealthCheck implements HealthCheck {

    @Override
    public HealthCheckType type() {
        return HealthCheckType.LIVENESS;
    }

    @Override
    public String name() {
        return "build";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder()
                .status(HealthCheckResponse.Status.UP)
                .detail("version", BuildInfo.version())
                .build();
    }
}
