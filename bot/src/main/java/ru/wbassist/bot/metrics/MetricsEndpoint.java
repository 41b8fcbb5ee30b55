package ru.wbassist.bot.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import ru.wbassist.bot.delivery.DeliveryStats;
import ru.wbassist.observability.BuildInfo;

/**
 * The bot's own meters at {@code GET /metrics}, in the Prometheus text format the server's {@code /observe/metrics}
 * uses, on a port of its own (BOT_METRICS_PORT; off unless set). The bot has no other HTTP server, so this is the
 * JDK's small one rather than a web framework. It listens on BOT_METRICS_HOST (127.0.0.1 by default): nothing here
 * is secret, but it is for the scraper, not the world.
 */
public final class MetricsEndpoint implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts serving; port 0 picks a free one. */
    public static MetricsEndpoint start(String host, int port, Supplier<DeliveryStats> stats) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/metrics", exchange -> respond(exchange, stats));
            server.start();
            return new MetricsEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, Supplier<DeliveryStats> stats) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")
                    || !exchange.getRequestURI().getPath().equals("/metrics")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = render(stats.get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The text exposition of the figures (names documented in docs/operations.md). */
    static String render(DeliveryStats s) {
        StringBuilder text = new StringBuilder(1024);
        meter(
                text,
                "wbassist_bot_build_info",
                "gauge",
                "1, labelled with the version of the running build",
                "{version=\"" + BuildInfo.version() + "\"}",
                1);
        meter(text, "wbassist_bot_sent_total", "counter", "notifications Telegram accepted", "", s.sent());
        meter(
                text,
                "wbassist_bot_telegram_429_total",
                "counter",
                "429 answers Telegram gave to deliveries",
                "",
                s.rateLimited());
        text.append("# HELP wbassist_bot_retries_total deliveries tried again: after a 429, or by the server after a"
                + " failure\n# TYPE wbassist_bot_retries_total counter\n");
        text.append("wbassist_bot_retries_total{reason=\"rate_limited\"} ")
                .append(s.rateLimited())
                .append('\n');
        text.append("wbassist_bot_retries_total{reason=\"failed\"} ")
                .append(s.retried())
                .append('\n');
        meter(
                text,
                "wbassist_bot_given_up_total",
                "counter",
                "deliveries failed for good (the user blocked the bot)",
                "",
                s.givenUp());
        meter(text, "wbassist_bot_in_flight", "gauge", "sends on the wire to Telegram", "", s.inFlight());
        meter(text, "wbassist_bot_queued", "gauge", "claimed notifications waiting for their turn", "", s.queued());
        meter(
                text,
                "wbassist_bot_journal_entries",
                "gauge",
                "deliveries Telegram accepted that the server has not acknowledged yet",
                "",
                s.journalEntries());
        return text.toString();
    }

    private static void meter(StringBuilder text, String name, String type, String help, String labels, long value) {
        text.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(' ')
                .append(type)
                .append('\n')
                .append(name)
                .append(labels)
                .append(' ')
                .append(value)
                .append('\n');
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
