package ru.wbassist.server.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.api.Notifications;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Params;

/** The lossless-mode parameters of a poll: cursor, limit, wait, lease (docs/api.md), from a query or a JSON body. */
record Lease(long cursor, int limit, Duration waitFor, Duration lease) {

    private static final int MAX_WAIT = 30;
    private static final int MIN_LEASE = 5;
    private static final int MAX_LEASE = 600;
    private static final int DEFAULT_LEASE = 60;

    /** Present when the query uses the lossless mode (any of cursor, wait, lease). */
    static Optional<Lease> fromQuery(ServerRequest req, int maxLimit, int defaultLimit) {
        boolean lossless = Params.optionalString(req, "cursor").isPresent()
                || Params.optionalString(req, "wait").isPresent()
                || Params.optionalString(req, "lease").isPresent();
        if (!lossless) {
            return Optional.empty();
        }
        if (Params.optionalString(req, "last_check").isPresent()) {
            throw mixedModes();
        }
        return Optional.of(defaults(req, maxLimit, defaultLimit));
    }

    static Lease defaults(ServerRequest req, int maxLimit, int defaultLimit) {
        return new Lease(
                Params.optionalLong(req, "cursor", 0).orElse(0L),
                Params.intInRange(req, "limit", 1, maxLimit, defaultLimit),
                Duration.ofSeconds(Params.intInRange(req, "wait", 0, MAX_WAIT, 0)),
                Duration.ofSeconds(Params.intInRange(req, "lease", MIN_LEASE, MAX_LEASE, DEFAULT_LEASE)));
    }

    /** The same, from the fields of a JSON body (numbers, not strings). */
    static Optional<Lease> fromBody(JsonNode body, int maxLimit, int defaultLimit) {
        boolean lossless = JsonFields.present(body, "cursor")
                || JsonFields.present(body, "wait")
                || JsonFields.present(body, "lease");
        if (!lossless) {
            if (JsonFields.present(body, "limit")) {
                throw new InvalidRequest("limit", "limit belongs to the lossless mode (cursor, wait, lease)");
            }
            return Optional.empty();
        }
        if (JsonFields.present(body, "last_check")) {
            throw mixedModes();
        }
        return Optional.of(new Lease(
                JsonFields.optionalLong(body, "cursor", 0).orElse(0L),
                JsonFields.optionalInt(body, "limit", 1, maxLimit).orElse(defaultLimit),
                Duration.ofSeconds(
                        JsonFields.optionalInt(body, "wait", 0, MAX_WAIT).orElse(0)),
                Duration.ofSeconds(JsonFields.optionalInt(body, "lease", MIN_LEASE, MAX_LEASE)
                        .orElse(DEFAULT_LEASE))));
    }

    private static InvalidRequest mixedModes() {
        return new InvalidRequest(
                "last_check", "last_check is the read-only mode; do not combine it with" + " cursor, wait or lease");
    }

    /** @throws ApiException 503 {@code too_many_waiting} when the poll would wait and the cap is reached */
    List<Notifications.Item> take(NotificationQueue queue, Optional<List<Long>> userIds) throws InterruptedException {
        try {
            return queue.lease(userIds, limit, lease, waitFor);
        } catch (NotificationQueue.TooManyWaiting e) {
            throw ApiException.tooManyWaiting(e.getMessage());
        }
    }

    long nextCursor(List<Notifications.Item> items) {
        return items.stream().mapToLong(Notifications.Item::id).max().stream()
                .map(m -> Math.max(m, cursor))
                .findFirst()
                .orElse(cursor);
    }
}
