package ru.wbassist.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP to the parts' APIs and control routes. */
final class Http {

    /** A response: status and parsed JSON body (a missing node when the body was empty or not JSON). */
    record Reply(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(url, headers).GET().build());
    }

    Reply post(String url, Map<String, String> headers, Object body) throws IOException, InterruptedException {
        return send(request(url, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /** Waits until {@code url} answers 2xx, or fails after {@code timeout}. */
    void awaitUp(String url, Duration timeout, Child owner) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(url, Map.of()).status() / 100 == 2) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!owner.alive()) {
                throw new IllegalStateException(owner.name() + " exited during start; see " + owner.log());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                owner.name() + " did not answer " + url + " within " + timeout + "; see " + owner.log());
    }

    private static HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        return builder;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.missingNode();
        }
        return new Reply(response.statusCode(), body);
    }
}
