package ru.wbassist.server.wb;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import ru.wbassist.server.metrics.ServerMeters;

/**
 * Sends one WB request the way WB wants it: the raw key in {@code Authorization}, within the cabinet's rate limit,
 * retried through resilience4j when WB says so. A 429 waits {@code X-Ratelimit-Retry} (or {@code Retry-After});
 * 5xx and network failures back off exponentially; both within the method group's {@link MethodGroup.RetryBudget}.
 * 401/403 are final: {@link WbException.KeyRejected}.
 */
final class WbTransport {

    private static final System.Logger LOG = System.getLogger(WbTransport.class.getName());
    private static final int MAX_REASON = 300;

    private final HttpClient http;
    private final RateLimiter limiter;
    private final Duration requestTimeout;
    private final Duration backoffBase;
    private final ServerMeters meters;

    WbTransport(HttpClient http, RateLimiter limiter, Duration requestTimeout, Duration backoffBase,
                ServerMeters meters) {
        this.http = http;
        this.limiter = limiter;
        this.requestTimeout = requestTimeout;
        this.backoffBase = backoffBase;
        this.meters = meters;
    }

    RateLimiter limiter() {
        return limiter;
    }

    /** Sends the request and returns the body of a 2xx answer. */
    String send(WbCredentials credentials, MethodGroup group, HttpRequest.Builder request) {
        return send(credentials, group, request, true);
    }

    /**
     * Sends a write that must not happen twice: a 429 (WB did nothing) is retried, a 5xx or a lost answer is not,
     * since WB may have applied it.
     */
    String sendOnce(WbCredentials credentials, MethodGroup group, HttpRequest.Builder request) {
        return send(credentials, group, request, false);
    }

    private String send(WbCredentials credentials, MethodGroup group, HttpRequest.Builder request,
                        boolean retryFailures) {
        HttpRequest built = request.header("Authorization", credentials.token())
                .header("Accept", "application/json").timeout(requestTimeout).build();
        Attempts attempts = new Attempts(group, credentials.limitKey(), retryFailures);
        RetryConfig config = RetryConfig.<HttpResponse<String>>custom()
                .maxAttempts(group.retry().maxAttempts())
                .retryOnResult(attempts::retryResult)
                .retryOnException(attempts::retryException)
                .intervalBiFunction(attempts)
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of("wb-" + group.name(), config);
        HttpResponse<String> response;
        try {
            response = retry.executeCheckedSupplier(() -> {
                limiter.acquire(credentials.limitKey(), group);
                try {
                    HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString());
                    meters.wbRequest(group.label(), Integer.toString(answer.statusCode()));
                    return answer;
                } catch (IOException e) {
                    meters.wbRequest(group.label(), "error");
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new WbException.Unreachable("WB " + group + " did not answer after " + attempts.count
                    + " attempts: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WbException.Unreachable("interrupted while calling WB " + group, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return bodyOf(group, response);
    }

    private static String bodyOf(MethodGroup group, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String reason = reason(response.body());
        if (status == 401 || status == 403) {
            throw new WbException.KeyRejected(status, reason);
        }
        throw new WbException("WB " + group + " answered " + status + ": " + reason, status, null);
    }

    /** WB's explanation from a problem+json ({@code detail}/{@code title}) or an envelope ({@code errorText}). */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        String text;
        try {
            JsonNode json = WbJson.MAPPER.readTree(body);
            text = firstText(json, "detail", "errorText", "title", "errors", "message").orElse(body);
        } catch (IOException notJson) {
            text = body;
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    private static Optional<String> firstText(JsonNode json, String... fields) {
        if (json == null) {
            return Optional.empty();
        }
        for (String field : fields) {
            JsonNode node = json.path(field);
            if (node.isTextual() && !node.asText().isBlank()) {
                return Optional.of(node.asText());
            }
            if (node.isArray() && !node.isEmpty()) {
                return Optional.of(node.toString());
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }

    /**
     * The state of one call's retries. The predicates decide whether to retry (and how long the wait will be, so the
     * budget is checked before waiting); resilience4j then asks this object for that wait as its interval.
     */
    private final class Attempts implements IntervalBiFunction<HttpResponse<String>> {
        private final MethodGroup group;
        private final String limitKey;
        private final boolean retryFailures;
        private long waitedMillis;
        private long nextWaitMillis;
        private int count = 1;

        Attempts(MethodGroup group, String limitKey, boolean retryFailures) {
            this.group = group;
            this.limitKey = limitKey;
            this.retryFailures = retryFailures;
        }

        boolean retryResult(HttpResponse<String> response) {
            int status = response.statusCode();
            if (status == 429) {
                long wait = retryAfterMillis(response).orElseGet(this::backoffMillis);
                limiter.pause(limitKey, group, Duration.ofMillis(wait));
                return plan(wait, "rate_limited", "429 (wait " + wait + " ms as WB asks)");
            }
            if (status >= 500 && retryFailures) {
                return plan(backoffMillis(), "server_error", String.valueOf(status));
            }
            return false;
        }

        boolean retryException(Throwable e) {
            return retryFailures && e instanceof IOException io && plan(backoffMillis(), "network", describe(io));
        }

        private boolean plan(long wait, String reason, String what) {
            if (count >= group.retry().maxAttempts()) {
                LOG.log(Level.WARNING, "WB {0}: {1}; giving up after {2} attempts", group, what, count);
                return false;
            }
            if (waitedMillis + wait > group.retry().maxTotalWait().toMillis()) {
                LOG.log(Level.WARNING, "WB {0}: {1}; the retry budget of {2} is spent", group, what,
                        group.retry().maxTotalWait());
                return false;
            }
            nextWaitMillis = wait;
            meters.wbRetryWait(group.label(), reason, Duration.ofMillis(wait));
            LOG.log(Level.INFO, "WB {0}: {1}; retrying (attempt {2} of {3})", group, what, count + 1,
                    group.retry().maxAttempts());
            return true;
        }

        private long backoffMillis() {
            return backoffBase.toMillis() << Math.min(count - 1, 10);
        }

        @Override
        public Long apply(Integer attempt, Either<Throwable, HttpResponse<String>> outcome) {
            waitedMillis += nextWaitMillis;
            count++;
            return nextWaitMillis;
        }
    }

    /** {@code X-Ratelimit-Retry} (WB, seconds), else {@code Retry-After} (seconds), as milliseconds. */
    static Optional<Long> retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("X-Ratelimit-Retry")
                .or(() -> response.headers().firstValue("Retry-After"))
                .flatMap(WbTransport::seconds)
                .map(s -> Math.round(s * 1000));
    }

    private static Optional<Double> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds >= 0 ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
