package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One HTTP exchange with the helpers every route needs: query parameters, JSON body, JSON responses. */
final class Call {

    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    /** The request body is not the JSON a route expects. */
    static final class BadBody extends Exception {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpExchange exchange;
    private final ObjectMapper json;
    private final Map<String, String> query;
    private boolean responded;

    Call(HttpExchange exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** The body as JSON; an empty body reads as an empty object. */
    JsonNode bodyJson() throws BadBody {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length == 0) {
                return json.createObjectNode();
            }
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadBody("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadBody("the body is not valid JSON");
        }
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    boolean responded() {
        return responded;
    }

    void respond(int status, Object body) throws IOException {
        respond(status, JSON, body);
    }

    /** Streams the body (chunked), so an 80,000-row page never sits in memory as one byte array. */
    void respond(int status, String contentType, Object body) throws IOException {
        responded = true;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            json.writeValue(out, body);
        }
    }

    void respondText(int status, String text) throws IOException {
        responded = true;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void respondEmpty(int status) throws IOException {
        responded = true;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
