package ru.wbassist.server.wb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import ru.wbassist.server.metrics.ServerMeters;

/**
 * Sends one WB request the way WB wants it: the raw key in {@code Authorization}, within the cabinet's rate limit,
 * retried through resilience4j when WB says so. A 429 waits {@code X-Ratelimit-Retry} (or {@code Retry-After});
 * 5xx and network failures back off exponentially; both within the method group's {@link MethodGroup.RetryBudget}.
 * 401/403 are final: {@link WbException.KeyRejected}. A 2xx body is parsed as it streams in (a stocks page may hold
 * 250,000 rows, several cabinets at once) and may be at most {@code maxBodyBytes} long.
 */
final class WbTransport {

    private static final System.Logger LOG = System.getLogger(WbTransport.class.getName());
    private static final int MAX_REASON = 300;
    /** How much of an error answer is read for WB's reason. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final RateLimiter limiter;
    private final Duration requestTimeout;
    private final Duration backoffBase;
    private final long maxBodyBytes;
    private final ServerMeters meters;

    WbTransport(
            HttpClient http,
            RateLimiter limiter,
            Duration requestTimeout,
            Duration backoffBase,
            long maxBodyBytes,
            ServerMeters meters) {
        this.http = http;
        this.limiter = limiter;
        this.requestTimeout = requestTimeout;
        this.backoffBase = backoffBase;
        this.maxBodyBytes = maxBodyBytes;
        this.meters = meters;
    }

    RateLimiter limiter() {
        return limiter;
    }

    /** Reads a 2xx body as it streams in. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Sends the request and reads the body of a 2xx answer with {@code reader}.
     *
     * @throws WbException when the body is longer than the cap or does not parse: the caller's data set fails this run
     */
    <T> T send(WbCredentials credentials, MethodGroup group, HttpRequest.Builder request, BodyReader<T> reader) {
        return send(credentials, group, request, reader, true);
    }

    /**
     * Sends a write that must not happen twice: a 429 (WB did nothing) is retried, a 5xx or a lost answer is not,
     * since WB may have applied it. Returns the 2xx body.
     */
    String sendOnce(WbCredentials credentials, MethodGroup group, HttpRequest.Builder request) {
        return send(
                credentials, group, request, body -> new String(body.readAllBytes(), StandardCharsets.UTF_8), false);
    }

    private <T> T send(
            WbCredentials credentials,
            MethodGroup group,
            HttpRequest.Builder request,
            BodyReader<T> reader,
            boolean retryFailures) {
        HttpRequest built = request.header("Authorization", credentials.token())
                .header("Accept", "application/json")
                .timeout(requestTimeout)
                .build();
        Attempts attempts = new Attempts(group, credentials.limitKey(), retryFailures);
        RetryConfig config = RetryConfig.<HttpResponse<InputStream>>custom()
                .maxAttempts(group.retry().maxAttempts())
                .retryOnResult(attempts::retryResult)
                .retryOnException(attempts::retryException)
                .intervalBiFunction(attempts)
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of("wb-" + group.name(), config);
        HttpResponse<InputStream> response;
        try {
            response = retry.executeCheckedSupplier(() -> {
                limiter.acquire(credentials.limitKey(), group);
                try {
                    HttpResponse<InputStream> answer = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
                    meters.wbRequest(group.label(), Integer.toString(answer.statusCode()));
                    return answer;
                } catch (IOException e) {
                    meters.wbRequest(group.label(), "error");
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new WbException.Unreachable(
                    "WB " + group + " did not answer after " + attempts.count + " attempts: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WbException.Unreachable("interrupted while calling WB " + group, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String reason = reason(errorBody(response.body()));
            if (status == 401 || status == 403) {
                throw new WbException.KeyRejected(status, reason);
            }
            throw new WbException("WB " + group + " answered " + status + ": " + reason, status, null);
        }
        CappedStream body = new CappedStream(response.body(), maxBodyBytes);
        try (body) {
            return reader.read(body);
        } catch (IOException e) {
            if (body.exceeded()) {
                LOG.log(
                        Level.WARNING,
                        "WB {0} answered more than {1} bytes; the answer is dropped and this data set"
                                + " fails this run (wb.max-response-bytes)",
                        group,
                        maxBodyBytes);
                throw new WbException(
                        "WB " + group + " answered more than " + maxBodyBytes
                                + " bytes (wb.max-response-bytes); the answer was dropped",
                        status,
                        null);
            }
            if (e instanceof JsonProcessingException json) {
                throw new WbException(
                        "WB " + group + " sent a body that does not parse: " + json.getOriginalMessage(), status, null);
            }
            throw new WbException.Unreachable("WB " + group + " broke off its answer: " + describe(e), e);
        }
    }

    private static String errorBody(InputStream body) {
        try (body) {
            return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    /** Counts what is read and fails once more than the cap has come. */
    private static final class CappedStream extends FilterInputStream {
        private final long cap;
        private long read;

        CappedStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        boolean exceeded() {
            return read > cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > cap) {
                throw new IOException("the answer exceeds " + cap + " bytes");
            }
        }
    }

    /** WB's explanation from a problem+json ({@code detail}/{@code title}) or an envelope ({@code errorText}). */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        String text;
        try {
            JsonNode json = WbJson.MAPPER.readTree(body);
            text = firstText(json, "detail", "errorText", "title", "errors", "message")
                    .orElse(body);
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
    private final class Attempts implements IntervalBiFunction<HttpResponse<InputStream>> {
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

        boolean retryResult(HttpResponse<InputStream> response) {
            int status = response.statusCode();
            boolean retry = false;
            if (status == 429) {
                long wait = retryAfterMillis(response).orElseGet(this::backoffMillis);
                limiter.pause(limitKey, group, Duration.ofMillis(wait));
                retry = plan(wait, "rate_limited", "429 (wait " + wait + " ms as WB asks)");
            } else if (status >= 500 && retryFailures) {
                retry = plan(backoffMillis(), "server_error", String.valueOf(status));
            }
            if (retry) {
                discard(response.body());
            }
            return retry;
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
                LOG.log(
                        Level.WARNING,
                        "WB {0}: {1}; the retry budget of {2} is spent",
                        group,
                        what,
                        group.retry().maxTotalWait());
                return false;
            }
            nextWaitMillis = wait;
            meters.wbRetryWait(group.label(), reason, Duration.ofMillis(wait));
            LOG.log(
                    Level.INFO,
                    "WB {0}: {1}; retrying (attempt {2} of {3})",
                    group,
                    what,
                    count + 1,
                    group.retry().maxAttempts());
            return true;
        }

        private long backoffMillis() {
            return backoffBase.toMillis() << Math.min(count - 1, 10);
        }

        @Override
        public Long apply(Integer attempt, Either<Throwable, HttpResponse<InputStream>> outcome) {
            waitedMillis += nextWaitMillis;
            count++;
            return nextWaitMillis;
        }
    }

    /** {@code X-Ratelimit-Retry} (WB, seconds), else {@code Retry-After} (seconds), as milliseconds. */
    static Optional<Long> retryAfterMillis(HttpResponse<?> response) {
        return response.headers()
                .firstValue("X-Ratelimit-Retry")
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
