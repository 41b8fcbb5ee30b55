package ru.wbassist.bot.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.wbassist.api.ApiJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@link ServerClient} over java.net.http with the API secret header and JSON in snake_case. */
public final class HttpServerClient implements ServerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = ApiJson.clientMapper();
    private final String baseUrl;
    private final String apiSecret;

    public HttpServerClient(String baseUrl, String apiSecret) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiSecret = apiSecret;
    }

    @Override
    public Dto.User register(Dto.Registration registration) {
        return call("POST", "/users/", Map.of(), registration, Dto.User.class);
    }

    @Override
    public Dto.User user(long telegramId) {
        try {
            return call("GET", "/users/" + telegramId, Map.of(), null, Dto.User.class);
        } catch (ServerException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void markBlocked(long telegramId) {
        call("POST", "/users/" + telegramId + "/blocked", Map.of(), null, Void.class);
    }

    @Override
    public Dto.CabinetConnection connectCabinet(long telegramId, String apiKey, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", telegramId);
        body.put("api_key", apiKey);
        if (name != null) {
            body.put("name", name);
        }
        return call("POST", "/wb/cabinets/", Map.of(), body, Dto.CabinetConnection.class);
    }

    @Override
    public List<Dto.Cabinet> cabinets(long telegramId) {
        return call("GET", "/wb/cabinets/", Map.of("user_id", telegramId), null, Dto.Cabinets.class).cabinets();
    }

    @Override
    public void leaveCabinet(long telegramId, long cabinetId) {
        call("DELETE", "/wb/cabinets/" + cabinetId, Map.of("user_id", telegramId), null, Void.class);
    }

    @Override
    public Dto.Settings settings(long telegramId) {
        return call("GET", "/api/v1/notifications/settings", Map.of("telegram_id", telegramId), null,
                Dto.Settings.class);
    }

    @Override
    public Dto.Settings updateSettings(long telegramId, Map<String, Object> changes) {
        return call("POST", "/api/v1/notifications/settings", Map.of("telegram_id", telegramId), changes,
                Dto.Settings.class);
    }

    @Override
    public Dto.TestQueued sendTest(long telegramId, String type) {
        return call("POST", "/api/v1/notifications/test", Map.of("telegram_id", telegramId, "type", type), null,
                Dto.TestQueued.class);
    }

    @Override
    public List<Dto.Dashboard> dashboard(long telegramId) {
        return blocks("/api/v1/bot/dashboard", Map.of("telegram_id", telegramId), Dto.Dashboard.class);
    }

    @Override
    public List<Dto.Orders> orders(long telegramId, String status, int limit, int offset) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("telegram_id", telegramId);
        if (status != null) {
            query.put("status", status);
        }
        query.put("limit", limit);
        query.put("offset", offset);
        return blocks("/api/v1/bot/orders/recent", query, Dto.Orders.class);
    }

    @Override
    public List<Dto.Stocks> criticalStocks(long telegramId) {
        return blocks("/api/v1/bot/stocks/critical", Map.of("telegram_id", telegramId), Dto.Stocks.class);
    }

    @Override
    public List<Dto.Reviews> reviews(long telegramId) {
        return blocks("/api/v1/bot/reviews/summary", Map.of("telegram_id", telegramId), Dto.Reviews.class);
    }

    @Override
    public List<Dto.Analytics> analytics(long telegramId, String period) {
        return blocks("/api/v1/bot/analytics/sales", Map.of("telegram_id", telegramId, "period", period),
                Dto.Analytics.class);
    }

    @Override
    public List<Dto.SyncStarted> startSync(long telegramId) {
        return blockList(call("POST", "/api/v1/bot/sync/start", Map.of("telegram_id", telegramId), null,
                JsonNode.class), Dto.SyncStarted.class);
    }

    @Override
    public List<Dto.SyncStatus> syncStatus(long telegramId) {
        return blocks("/api/v1/bot/sync/status", Map.of("telegram_id", telegramId), Dto.SyncStatus.class);
    }

    @Override
    public List<Dto.Notification> pending(int limit, Duration wait, Duration lease) {
        Map<String, Object> query = Map.of("limit", limit, "wait", wait.toSeconds(), "lease", lease.toSeconds());
        return call("GET", "/api/v1/notifications/pending", query, null, Dto.Pending.class, wait.plus(TIMEOUT))
                .items();
    }

    @Override
    public void ack(Dto.Ack ack) {
        call("POST", "/api/v1/notifications/ack", Map.of(), ack, JsonNode.class);
    }

    private <T> List<T> blocks(String path, Map<String, Object> query, Class<T> type) {
        return blockList(call("GET", path, query, null, JsonNode.class), type);
    }

    private <T> List<T> blockList(JsonNode answer, Class<T> type) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return json.treeToValue(answer.path("cabinets"), listType);
        } catch (JsonProcessingException e) {
            throw new ServerException(502, "bad_answer", "unexpected answer shape: " + e.getOriginalMessage());
        }
    }

    private <T> T call(String method, String path, Map<String, Object> query, Object body, Class<T> type) {
        return call(method, path, query, body, type, TIMEOUT);
    }

    private <T> T call(String method, String path, Map<String, Object> query, Object body, Class<T> type,
                       Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + queryString(query)))
                .timeout(timeout)
                .header("X-API-SECRET-KEY", apiSecret)
                .header("Accept", "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 400) {
                throw error(response);
            }
            if (type == Void.class || response.body().length == 0) {
                return null;
            }
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ServerException(502, "bad_answer", "unexpected answer from " + method + " " + path);
        } catch (IOException e) {
            throw new ServerException(0, "unavailable", "server unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, "interrupted", "interrupted");
        }
    }

    private ServerException error(HttpResponse<byte[]> response) {
        try {
            JsonNode error = json.readTree(response.body());
            return new ServerException(response.statusCode(), error.path("error").asText("error"),
                    error.path("message").asText("HTTP " + response.statusCode()));
        } catch (IOException e) {
            return new ServerException(response.statusCode(), "error", "HTTP " + response.statusCode());
        }
    }

    private static String queryString(Map<String, Object> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joined.add(name + "=" + URLEncoder.encode(String.valueOf(value),
                StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
