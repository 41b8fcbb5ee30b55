package ru.wbassist.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.wbassist.api.ApiJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@link AdminApi} over HTTP: java.net.http + Jackson, the secret in {@code X-API-SECRET-KEY}. */
public final class HttpAdminApi implements AdminApi {

    private static final String SECRET_HEADER = "X-API-SECRET-KEY";
    private static final String ADMIN = "/api/v1/admin";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI baseUri;
    private final String secret;
    private final HttpClient http;
    private final ObjectMapper json;

    public HttpAdminApi(URI baseUri, String secret) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.secret = secret;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.json = ApiJson.clientMapper();
    }

    @Override
    public Overview overview() {
        return get(ADMIN + "/overview", Map.of(), new TypeReference<>() { });
    }

    @Override
    public Page<CabinetSummary> cabinets(String nameContains, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", nameContains == null || nameContains.isBlank() ? null : nameContains);
        params.put("limit", limit);
        params.put("offset", offset);
        return get(ADMIN + "/cabinets", params, new TypeReference<Page<CabinetSummary>>() { });
    }

    @Override
    public List<CabinetUser> cabinetUsers(long cabinetId) {
        Items<CabinetUser> items = get(ADMIN + "/cabinets/" + cabinetId + "/users", Map.of(), new TypeReference<>() { });
        return items.items();
    }

    @Override
    public void startSync(long cabinetId) {
        send(HttpRequest.newBuilder(uri(ADMIN + "/cabinets/" + cabinetId + "/sync", Map.of()))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public Page<SyncLogEntry> syncLogs(SyncLogQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cabinet_id", query.cabinetId());
        params.put("data_set", query.dataSet());
        params.put("status", query.status());
        params.put("from", query.from());
        params.put("to", query.to());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return get(ADMIN + "/sync-logs", params, new TypeReference<Page<SyncLogEntry>>() { });
    }

    @Override
    public Page<NotificationRecord> notifications(NotificationQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("telegram_id", query.telegramId());
        params.put("cabinet_id", query.cabinetId());
        params.put("type", query.type());
        params.put("status", query.status());
        params.put("from", query.from());
        params.put("to", query.to());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return get(ADMIN + "/notifications", params, new TypeReference<Page<NotificationRecord>>() { });
    }

    @Override
    public Page<AdminUser> users(int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return get(ADMIN + "/users", params, new TypeReference<Page<AdminUser>>() { });
    }

    @Override
    public TestSendResult sendTestNotification(long telegramId, String type) {
        return parse(send(testNotification(telegramId, type, "")), new TypeReference<>() { });
    }

    @Override
    public TestSendPreview previewTestNotification(long telegramId, String type) {
        return parse(send(testNotification(telegramId, type, "/preview")), new TypeReference<>() { });
    }

    /** The send and its preview: the same POST, the preview one segment further. */
    private HttpRequest.Builder testNotification(long telegramId, String type, String suffix) {
        return HttpRequest.newBuilder(uri(ADMIN + "/users/" + telegramId + "/test-notification" + suffix,
                        Map.of("type", type)))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    @Override
    public String endpoint() {
        return baseUri.toString();
    }

    /** The wrapper of routes that answer {@code {"items":[...]}} without a total. */
    private record Items<T>(List<T> items) {
    }

    private <T> T get(String path, Map<String, Object> params, TypeReference<T> type) {
        return parse(send(HttpRequest.newBuilder(uri(path, params)).GET()), type);
    }

    private <T> T parse(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AdminApiException(AdminApiException.Kind.PROTOCOL,
                    "The server at " + baseUri + " answered something the console does not understand: "
                            + e.getOriginalMessage(), e);
        }
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest built = request.header(SECRET_HEADER, secret)
                .header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new AdminApiException(AdminApiException.Kind.UNREACHABLE,
                    "Cannot reach the server at " + baseUri + ": connection refused. Is it running?", e);
        } catch (HttpConnectTimeoutException e) {
            throw new AdminApiException(AdminApiException.Kind.UNREACHABLE,
                    "Cannot reach the server at " + baseUri + ": the connection timed out. Check the URL and the network.", e);
        } catch (HttpTimeoutException e) {
            throw new AdminApiException(AdminApiException.Kind.UNREACHABLE,
                    "The server at " + baseUri + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s.", e);
        } catch (IOException e) {
            throw new AdminApiException(AdminApiException.Kind.UNREACHABLE,
                    "Cannot talk to the server at " + baseUri + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminApiException(AdminApiException.Kind.UNREACHABLE, "Interrupted while calling " + baseUri, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        throw AdminApiException.forStatus(status, describeError(status, response.body()));
    }

    private String describeError(int status, String body) {
        if (status == 401) {
            return "The server at " + baseUri + " rejected the secret (401 Unauthorized). "
                    + "Check ADMIN_SECRET_KEY / API_SECRET_KEY.";
        }
        String message = null;
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
        } catch (JsonProcessingException ignored) {
            // Not the documented error shape (a proxy page, say): the status alone has to do.
        }
        return "HTTP " + status + (message == null ? "" : ": " + message);
    }

    private URI uri(String path, Map<String, Object> params) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((name, value) -> {
            if (value != null) {
                String text = value instanceof OffsetDateTime time ? time.toString() : String.valueOf(value);
                query.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
        });
        return URI.create(baseUri + path + query);
    }
}
