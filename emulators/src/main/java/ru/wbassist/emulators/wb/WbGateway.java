package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one HTTP entry point. WB paths go through what WB's gateway does, in its order: authenticate the token, check
 * the token's category for the method, (injected faults), charge the rate-limit bucket; then the method runs.
 * Paths under {@code /sandbox/} are the control API and skip all of that.
 */
final class WbGateway implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(WbGateway.class.getName());
    private static final String BEARER = "Bearer ";

    /** One WB method: a path may serve several HTTP methods ({@code GET} and {@code PATCH /api/v1/questions}). */
    record Route(String method, String path, LimitGroup group, WbRoute handler) {}

    private final ObjectMapper json;
    private final Map<String, List<Route>> routes;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final Faults faults;
    private final Function<String, Optional<SandboxSeller>> sellers;
    private final HttpHandler control;
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> tooManyCounts = new ConcurrentHashMap<>();

    WbGateway(
            ObjectMapper json,
            List<Route> routes,
            Tokens tokens,
            RateLimiter limiter,
            Faults faults,
            Function<String, Optional<SandboxSeller>> sellers,
            HttpHandler control) {
        this.json = json;
        this.routes = routes.stream().collect(Collectors.groupingBy(Route::path));
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.sellers = sellers;
        this.control = control;
    }

    long requestCount(String path) {
        return sum(requestCounts, path);
    }

    long tooManyRequestsCount(String path) {
        return sum(tooManyCounts, path);
    }

    private static long sum(Map<String, LongAdder> counts, String path) {
        LongAdder count = counts.get(path);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/sandbox") || path.startsWith("/sandbox/")) {
                control.handle(exchange);
                return;
            }
            Call call = new Call(exchange, json);
            try {
                serve(call, path);
            } catch (IOException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "WB sandbox route " + path + " failed", e);
                if (!call.responded()) {
                    call.respond(
                            500,
                            Call.PROBLEM_JSON,
                            Problem.of(500, "internal server error", "the sandbox failed to serve this request"));
                }
            }
        }
    }

    private void serve(Call call, String path) throws IOException {
        requestCounts.computeIfAbsent(path, p -> new LongAdder()).increment();
        List<Route> candidates = routes.get(path);
        if (candidates == null) {
            call.respond(404, Call.PROBLEM_JSON, Problem.of(404, "not found", "no such method: " + path));
            return;
        }
        Route route = candidates.stream()
                .filter(r -> r.method().equals(call.method()))
                .findFirst()
                .orElse(null);
        if (route == null) {
            String allowed = candidates.stream().map(Route::method).collect(Collectors.joining(", "));
            call.header("Allow", allowed);
            call.respond(405, Call.PROBLEM_JSON, Problem.of(405, "method not allowed", path + " accepts " + allowed));
            return;
        }
        Tokens.Claims claims;
        SandboxSeller seller;
        try {
            claims = tokens.verify(token(call));
            seller = sellers.apply(claims.sid())
                    .orElseThrow(() -> new Tokens.Rejected("token problem; the seller of this token does not exist"));
        } catch (Tokens.Rejected e) {
            call.respond(401, Call.PROBLEM_JSON, Problem.unauthorized(e.getMessage()));
            return;
        }
        Scope needed = route.group().scope();
        if (needed != null && !needed.grantedBy(claims.scopes())) {
            call.respond(401, Call.PROBLEM_JSON, Problem.unauthorized("token scope not allowed"));
            return;
        }
        if (injectFault(call, claims, route.group())) {
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(claims.sid(), claims.acc(), route.group());
        if (!decision.allowed()) {
            tooManyCounts.computeIfAbsent(path, p -> new LongAdder()).increment();
            tooManyRequests(call, decision, route.group());
            return;
        }
        call.header("X-Ratelimit-Remaining", Long.toString(decision.remaining()));
        route.handler().handle(call, seller);
    }

    /** Applies the configured faults; true when the request was answered with one. */
    private boolean injectFault(Call call, Tokens.Claims claims, LimitGroup group) throws IOException {
        Duration delay = faults.delay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (faults.injection()) {
            case TOO_MANY_REQUESTS -> {
                tooManyRequests(call, limiter.peekRefusal(claims.sid(), claims.acc(), group), group);
                return true;
            }
            case SERVER_ERROR -> {
                int status = faults.serverErrorStatus();
                String title = switch (status) {
                    case 502 -> "bad gateway";
                    case 503 -> "service unavailable";
                    default -> "internal server error";
                };
                call.respond(status, Call.PROBLEM_JSON, Problem.of(status, title, "injected fault (WB sandbox)"));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void tooManyRequests(Call call, RateLimiter.Decision decision, LimitGroup group) throws IOException {
        call.header("X-Ratelimit-Retry", Long.toString(decision.retrySeconds()));
        call.header("X-Ratelimit-Limit", Long.toString(decision.limit()));
        call.header("X-Ratelimit-Reset", Long.toString(decision.resetSeconds()));
        String limiterId = UUID.nameUUIDFromBytes(group.name().getBytes(StandardCharsets.UTF_8))
                .toString();
        call.respond(429, Call.PROBLEM_JSON, Problem.of(429, "too many requests", "limited by " + limiterId));
    }

    private static String token(Call call) throws Tokens.Rejected {
        String header = call.header("Authorization").map(String::strip).orElse("");
        String token = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : header;
        if (token.isEmpty()) {
            throw new Tokens.Rejected("token problem; token is missing: empty Authorization header");
        }
        return token;
    }
}
