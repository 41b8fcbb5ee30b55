package ru.wbassist.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import ru.wbassist.api.Admin;
import ru.wbassist.api.ErrorBody;

/**
 * Requires {@code X-API-SECRET-KEY} on every route but the public health status (UP/DOWN, no details);
 * {@code /observe/metrics} also takes the API secret as {@code Authorization: Bearer}, which is what Prometheus sends.
 * When an admin secret is configured, admin routes require it instead of the API secret, so the bot's secret grants no
 * operator access.
 * Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken tells nothing
 * about the secret, not even its length.
 */
public final class ApiSecretFilter implements Filter {

    public static final HeaderName HEADER = HeaderNames.create("X-API-SECRET-KEY");
    /** The one route open without the secret. */
    public static final String PUBLIC_HEALTH = "/observe/health";

    private static final String ADMIN_PREFIX = Admin.PATH + "/";
    private static final String METRICS = "/observe/metrics";
    private static final String BEARER = "Bearer ";

    private final byte[] apiSecretDigest;
    private final byte[] adminSecretDigest;

    public ApiSecretFilter(String apiSecret, Optional<String> adminSecret) {
        this.apiSecretDigest = digest(apiSecret);
        this.adminSecretDigest = adminSecret.map(ApiSecretFilter::digest).orElse(null);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (path.equals(PUBLIC_HEALTH)) {
            chain.proceed();
            return;
        }
        Optional<String> presented = req.headers()
                .first(HEADER)
                .or(() -> path.equals(METRICS) || path.startsWith(METRICS + "/") ? bearer(req) : Optional.empty());
        if (presented.isEmpty()) {
            reject(res, "missing X-API-SECRET-KEY header");
            return;
        }
        byte[] expected =
                adminSecretDigest != null && path.startsWith(ADMIN_PREFIX) ? adminSecretDigest : apiSecretDigest;
        if (!MessageDigest.isEqual(digest(presented.get()), expected)) {
            reject(res, "wrong X-API-SECRET-KEY");
            return;
        }
        chain.proceed();
    }

    private static Optional<String> bearer(RoutingRequest req) {
        return req.headers()
                .first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.startsWith(BEARER))
                .map(value -> value.substring(BEARER.length()).strip());
    }

    private static void reject(RoutingResponse res, String message) {
        ErrorHandlers.send(res, Status.UNAUTHORIZED_401, new ErrorBody("unauthorized", message, null, null));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
