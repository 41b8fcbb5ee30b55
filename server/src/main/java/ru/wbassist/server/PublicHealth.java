package ru.wbassist.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /observe/health} without the secret: {@code {"status":"UP"}} (200) or {@code {"status":"DOWN"}} (503)
 * and nothing else. The database is probed at most once per interval however often it is asked, so anonymous
 * callers cannot load it. The checks' details are at {@code /observe/health/details}, behind the secret.
 */
final class PublicHealth implements Handler {

    private final BooleanSupplier databaseUp;
    private final Clock clock;
    private final Duration interval;
    private Instant probedAt;
    private boolean up;

    PublicHealth(BooleanSupplier databaseUp, Clock clock, Duration interval) {
        this.databaseUp = databaseUp;
        this.clock = clock;
        this.interval = interval;
    }

    /** The latest reading, probing again once it is {@code interval} old. */
    synchronized boolean up() {
        Instant now = clock.instant();
        if (probedAt == null || !now.isBefore(probedAt.plus(interval))) {
            up = databaseUp.getAsBoolean();
            probedAt = now;
        }
        return up;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        boolean healthy = up();
        res.status(healthy ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503)
                .send(Map.of("status", healthy ? "UP" : "DOWN"));
    }
}
