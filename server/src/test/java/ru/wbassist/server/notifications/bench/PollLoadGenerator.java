package ru.wbassist.server.notifications.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The client side of the poll benchmark, run as a second process: closed-loop load from
 * {@code benchmark.concurrency} virtual threads, one route after another for {@code benchmark.seconds} each (after
 * {@code benchmark.warmup} seconds of warm-up), all against the same running {@link PollBenchmarkServer}. The
 * {@code POST /poll/batch} routes ask for every user at once (up to 10,000) from {@code benchmark.batch-concurrency}
 * clients: one bot polling its users. {@code benchmark.routes} (comma-separated parts of route names) picks routes.
 * Prints requests/s, p50 and p99, items and kilobytes per response per route.
 */
public final class PollLoadGenerator {

    private PollLoadGenerator() {}

    /** A route under load: GET when {@code body} is null, else POST of that JSON. */
    private record Route(String name, LongFunction<String> path, String body, int concurrency) {
        Route(String name, LongFunction<String> path, int concurrency) {
            this(name, path, null, concurrency);
        }
    }

    public static void main(String[] args) throws Exception {
        String[] ready = Files.readString(Path.of(System.getProperty("benchmark.ready-file", "poll-benchmark.ready")))
                .trim()
                .split(" ");
        String base = ready[0];
        String secret = ready[1];
        int users = Integer.parseInt(ready[2]);
        String since = URLEncoder.encode(ready[3], StandardCharsets.UTF_8);
        int concurrency = Integer.getInteger("benchmark.concurrency", 32);
        int seconds = Integer.getInteger("benchmark.seconds", 15);
        int warmup = Integer.getInteger("benchmark.warmup", 5);
        int batch = Integer.getInteger("benchmark.batch", 100);
        int bigBatch = Math.min(users, 10_000);
        int batchConcurrency = Integer.getInteger("benchmark.batch-concurrency", 1);
        List<String> only = List.of(System.getProperty("benchmark.routes", "").split(","));

        LongFunction<Long> user = i -> 1 + Math.floorMod(i * 7919L, (long) users);
        LongFunction<String> ids = i -> LongStream.range(0, batch)
                .mapToObj(k -> Long.toString(user.apply(i * batch + k)))
                .collect(Collectors.joining(","));
        String everyone = LongStream.rangeClosed(1, bigBatch)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(",", "{\"telegram_ids\":[", "]"));
        String pollBatch = "/api/v1/notifications/poll/batch";
        List<Route> routes = List.of(
                new Route("trivial: GET /users/{id}", i -> "/users/" + user.apply(i), concurrency),
                new Route(
                        "poll, read-only (last_check)",
                        i -> "/api/v1/notifications/poll?telegram_id=" + user.apply(i) + "&last_check=" + since,
                        concurrency),
                new Route(
                        "poll/batch ×" + batch + ", read-only",
                        i -> pollBatch + "?telegram_ids=" + ids.apply(i) + "&last_check=" + since,
                        concurrency),
                new Route(
                        "POST poll/batch ×" + bigBatch + ", read-only",
                        i -> pollBatch,
                        everyone + ",\"last_check\":\"" + ready[3] + "\"}",
                        batchConcurrency),
                new Route(
                        "poll, lossless (cursor, lease)",
                        i -> "/api/v1/notifications/poll?telegram_id=" + user.apply(i) + "&cursor=0&lease=600",
                        concurrency),
                new Route(
                        "poll/batch ×" + batch + ", lossless",
                        i -> pollBatch + "?telegram_ids=" + ids.apply(i) + "&cursor=0&lease=600",
                        concurrency),
                new Route(
                        "POST poll/batch ×" + bigBatch + ", lossless",
                        i -> pollBatch,
                        everyone + ",\"cursor\":0,\"limit\":100,\"lease\":600}",
                        batchConcurrency),
                new Route(
                        "pending (limit 100, lease)",
                        i -> "/api/v1/notifications/pending?limit=100&lease=600",
                        concurrency));

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        System.out.printf(
                "%s, %d concurrent clients (%d on the POST batches), %d s per route after %d s warm-up;"
                        + " Java %s, %d cores%n",
                base,
                concurrency,
                batchConcurrency,
                seconds,
                warmup,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "%-36s %8s %10s %9s %9s %10s %9s%n",
                "route", "requests", "req/s", "p50 ms", "p99 ms", "items/resp", "KB/resp");
        for (Route route : routes) {
            if (only.stream().noneMatch(route.name()::contains)) {
                continue;
            }
            load(http, base, secret, route, warmup);
            Result r = load(http, base, secret, route, seconds);
            long[] sorted = r.nanos();
            double responses = Math.max(1, sorted.length);
            System.out.printf(
                    "%-36s %,8d %,10.1f %9.2f %9.2f %10.1f %9.1f%n",
                    route.name(),
                    sorted.length,
                    sorted.length / (double) seconds,
                    quantile(sorted, 0.50),
                    quantile(sorted, 0.99),
                    r.items() / responses,
                    r.bytes() / responses / 1024);
        }
    }

    private record Result(long[] nanos, long items, long bytes) {}

    private static Result load(HttpClient http, String base, String secret, Route route, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong counter = new AtomicLong();
        AtomicLong items = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int k = 0; k < route.concurrency(); k++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(
                                        URI.create(base + route.path().apply(counter.getAndIncrement())))
                                .header("X-API-SECRET-KEY", secret);
                        if (route.body() != null) {
                            request.header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(route.body()));
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response =
                                http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add(System.nanoTime() - t0);
                        // Latin-1 decodes without work; the counted field name is ASCII
                        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(
                                    route.name() + " answered " + response.statusCode() + ": " + body);
                        }
                        items.addAndGet(countItems(body));
                        bytes.addAndGet(response.body().length);
                    }
                    return null;
                }));
            }
            for (var future : running) {
                future.get();
            }
        }
        long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(nanos);
        return new Result(nanos, items.get(), bytes.get());
    }

    /** Items in an answer, counted by their ids (cheap, and the same for every route's shape). */
    private static long countItems(String body) {
        long count = 0;
        for (int i = body.indexOf("\"group_size\""); i >= 0; i = body.indexOf("\"group_size\"", i + 1)) {
            count++;
        }
        return count;
    }

    private static double quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(q * sorted.length) - 1] / 1e6;
    }
}
