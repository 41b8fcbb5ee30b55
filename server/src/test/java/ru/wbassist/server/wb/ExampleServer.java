package ru.wbassist.server.wb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers fixed bodies per path: it replays WB's official examples byte for byte, so the real
 * client parses exactly what WB documents. The sandbox covers behaviour; this covers the documented shapes.
 */
final class ExampleServer implements AutoCloseable {

    record Answer(int status, String body, Map<String, String> headers) {}

    record Request(String method, String uri, String authorization, String body) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ExampleServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "{}", Map.of()));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Answers {@code path} with the example file {@code /wb/<name>}. */
    ExampleServer answer(String path, int status, String exampleName) {
        answers.put(path, new Answer(status, example(exampleName), Map.of()));
        return this;
    }

    ExampleServer answerBody(String path, int status, String body) {
        answers.put(path, new Answer(status, body, Map.of()));
        return this;
    }

    static String example(String name) {
        try (InputStream in = ExampleServer.class.getResourceAsStream("/wb/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Request> requests() {
        return requests;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
