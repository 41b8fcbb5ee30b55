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
 * {@code benchmark.warmup} seconds of warm-up), all against the same running {@link PollBenchmarkServer}.
 * Prints requests/s, p50 and p99 per route.
 */
public final class PollLoadGenerator {

    private PollLoadGenerator() {
    }

    private record Route(String name, LongFunction<String> path) {
    }

    public static void main(String[] args) throws Exception {
        String[] ready = Files.readString(Path.of(System.getProperty("benchmark.ready-file", "poll-benchmark.ready")))
                .trim().split(" ");
        String base = ready[0];
        String secret = ready[1];
        int users = Integer.parseInt(ready[2]);
        String since = URLEncoder.encode(ready[3], StandardCharsets.UTF_8);
        int concurrency = Integer.getInteger("benchmark.concurrency", 32);
        int seconds = Integer.getInteger("benchmark.seconds", 15);
        int warmup = Integer.getInteger("benchmark.warmup", 5);
        int batch = Integer.getInteger("benchmark.batch", 100);

        LongFunction<Long> user = i -> 1 + Math.floorMod(i * 7919L, (long) users);
        LongFunction<String> ids = i -> LongStream.range(0, batch).mapToObj(k -> Long.toString(user.apply(i * batch + k)))
                .collect(Collectors.joining(","));
        List<Route> routes = List.of(
                new Route("trivial: GET /users/{id}", i -> "/users/" + user.apply(i)),
                new Route("poll, read-only (last_check)", i -> "/api/v1/notifications/poll?telegram_id=" + user.apply(i)
                        + "&last_check=" + since),
                new Route("poll/batch ×" + batch + ", read-only", i -> "/api/v1/notifications/poll/batch?telegram_ids="
                        + ids.apply(i) + "&last_check=" + since),
                new Route("poll, lossless (cursor, lease)", i -> "/api/v1/notifications/poll?telegram_id=" + user.apply(i)
                        + "&cursor=0&lease=600"),
                new Route("poll/batch ×" + batch + ", lossless", i -> "/api/v1/notifications/poll/batch?telegram_ids="
                        + ids.apply(i) + "&cursor=0&lease=600"),
                new Route("pending (limit 100, lease)", i -> "/api/v1/notifications/pending?limit=100&lease=600"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        System.out.printf("%s, %d concurrent clients, %d s per route after %d s warm-up; Java %s, %d cores%n", base,
                concurrency, seconds, warmup, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %10s %10s %9s %9s %12s%n", "route", "requests", "req/s", "p50 ms", "p99 ms", "items/resp");
        for (Route route : routes) {
            load(http, base, secret, route, concurrency, warmup);
            Result r = load(http, base, secret, route, concurrency, seconds);
            long[] sorted = r.nanos();
            System.out.printf("%-34s %,10d %,10.0f %9.2f %9.2f %12.1f%n", route.name(), sorted.length,
                    sorted.length / (double) seconds, quantile(sorted, 0.50), quantile(sorted, 0.99),
                    r.items() / (double) Math.max(1, sorted.length));
        }
    }

    private record Result(long[] nanos, long items) {
    }

    private static Result load(HttpClient http, String base, String secret, Route route, int concurrency, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong counter = new AtomicLong();
        AtomicLong items = new AtomicLong();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int k = 0; k < concurrency; k++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + route.path().apply(counter.getAndIncrement())))
                                .header("X-API-SECRET-KEY", secret).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(route.name() + " answered " + response.statusCode() + ": "
                                    + response.body());
                        }
                        items.addAndGet(countItems(response.body()));
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
        return new Result(nanos, items.get());
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
