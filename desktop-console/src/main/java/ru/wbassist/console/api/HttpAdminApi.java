package ru.wbassist.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import ru.wbassist.api.Admin;
import ru.wbassist.api.ApiJson;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Routes;

/** {@link AdminApi} over HTTP: java.net.http + Jackson, the secret in {@code X-API-SECRET-KEY}. */
public final class HttpAdminApi implements AdminApi {

    private static final String SECRET_HEADER = "X-API-SECRET-KEY";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI baseUri;
    private final String secret;
    private final HttpClient http;
    private final ObjectMapper json;

    public HttpAdminApi(URI baseUri, String secret) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.secret = secret;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.json = ApiJson.clientMapper();
    }

    @Override
    public Admin.Overview overview() {
        return get(Admin.PATH + Admin.OVERVIEW, Map.of(), new TypeReference<>() {});
    }

    @Override
    public Admin.Page<Admin.CabinetRow> cabinets(String nameContains, int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", nameContains == null || nameContains.isBlank() ? null : nameContains);
        params.put("limit", limit);
        params.put("offset", offset);
        return get(Admin.PATH + Admin.CABINETS, params, new TypeReference<Admin.Page<Admin.CabinetRow>>() {});
    }

    @Override
    public List<Admin.Member> cabinetUsers(long cabinetId) {
        return get(
                        Routes.expand(Admin.PATH + Admin.CABINET_USERS, cabinetId),
                        Map.of(),
                        new TypeReference<Admin.Members>() {})
                .items();
    }

    @Override
    public void startSync(long cabinetId) {
        send(HttpRequest.newBuilder(uri(Routes.expand(Admin.PATH + Admin.CABINET_SYNC, cabinetId), Map.of()))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public void pauseSync(long cabinetId, boolean paused) {
        send(HttpRequest.newBuilder(uri(
                        Routes.expand(Admin.PATH + (paused ? Admin.CABINET_PAUSE : Admin.CABINET_RESUME), cabinetId),
                        Map.of()))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public Admin.Page<Admin.SyncLogEntry> syncLogs(SyncLogQuery query) {
        Map<String, Object> params = filters(query);
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return get(Admin.PATH + Admin.SYNC_LOGS, params, new TypeReference<Admin.Page<Admin.SyncLogEntry>>() {});
    }

    @Override
    public byte[] exportSyncLogs(SyncLogQuery query) {
        return download(Admin.PATH + Admin.SYNC_LOGS_EXPORT, filters(query));
    }

    private static Map<String, Object> filters(SyncLogQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cabinet_id", query.cabinetId());
        params.put("data_set", query.dataSet());
        params.put("status", query.status());
        params.put("from", query.from());
        params.put("to", query.to());
        return params;
    }

    @Override
    public Admin.Page<Admin.NotificationEntry> notifications(NotificationQuery query) {
        Map<String, Object> params = filters(query);
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return get(
                Admin.PATH + Admin.NOTIFICATIONS, params, new TypeReference<Admin.Page<Admin.NotificationEntry>>() {});
    }

    @Override
    public byte[] exportNotifications(NotificationQuery query) {
        return download(Admin.PATH + Admin.NOTIFICATIONS_EXPORT, filters(query));
    }

    private static Map<String, Object> filters(NotificationQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("telegram_id", query.telegramId());
        params.put("cabinet_id", query.cabinetId());
        params.put("type", query.type());
        params.put("status", query.status());
        params.put("from", query.from());
        params.put("to", query.to());
        return params;
    }

    @Override
    public Admin.Page<Admin.ItemToAnswer> itemsToAnswer(ItemQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cabinet_id", query.cabinetId());
        params.put("kind", query.kind());
        params.put("answered", query.answered());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return get(Admin.PATH + Admin.ITEMS_TO_ANSWER, params, new TypeReference<Admin.Page<Admin.ItemToAnswer>>() {});
    }

    @Override
    public Admin.Page<Admin.SentAnswer> answers(AnswerQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cabinet_id", query.cabinetId());
        params.put("kind", query.kind());
        params.put("status", query.status());
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        return get(Admin.PATH + Admin.ANSWERS, params, new TypeReference<Admin.Page<Admin.SentAnswer>>() {});
    }

    @Override
    public Admin.Retried retryNotification(long notificationId) {
        return parse(
                send(HttpRequest.newBuilder(
                                uri(Routes.expand(Admin.PATH + Admin.NOTIFICATION_RETRY, notificationId), Map.of()))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                new TypeReference<>() {});
    }

    @Override
    public Admin.Page<Admin.UserRow> users(int limit, int offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        return get(Admin.PATH + Admin.USERS, params, new TypeReference<Admin.Page<Admin.UserRow>>() {});
    }

    @Override
    public Notifications.TestQueued sendTestNotification(long telegramId, String type) {
        return parse(
                send(testNotification(Routes.expand(Admin.PATH + Admin.TEST_NOTIFICATION, telegramId), type)),
                new TypeReference<>() {});
    }

    @Override
    public Notifications.TestPreview previewTestNotification(long telegramId, String type) {
        return parse(
                send(testNotification(Routes.expand(Admin.PATH + Admin.TEST_NOTIFICATION_PREVIEW, telegramId), type)),
                new TypeReference<>() {});
    }

    /** The send and its preview: the same POST on two paths. */
    private HttpRequest.Builder testNotification(String path, String type) {
        return HttpRequest.newBuilder(uri(path, Map.of("type", type))).POST(HttpRequest.BodyPublishers.noBody());
    }

    @Override
    public String endpoint() {
        return baseUri.toString();
    }

    private <T> T get(String path, Map<String, Object> params, TypeReference<T> type) {
        return parse(send(HttpRequest.newBuilder(uri(path, params)).GET()), type);
    }

    private <T> T parse(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AdminApiException(
                    AdminApiException.Kind.PROTOCOL,
                    "The server at " + baseUri + " answered something the console does not understand: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    private String send(HttpRequest.Builder request) {
        return new String(exchange(request.header("Accept", "application/json")), StandardCharsets.UTF_8);
    }

    /** A file the server sends (CSV): its bytes as they came, the byte order mark included. */
    private byte[] download(String path, Map<String, Object> params) {
        return exchange(HttpRequest.newBuilder(uri(path, params)).GET().header("Accept", "text/csv"));
    }

    private byte[] exchange(HttpRequest.Builder request) {
        HttpRequest built =
                request.header(SECRET_HEADER, secret).timeout(REQUEST_TIMEOUT).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new AdminApiException(
                    AdminApiException.Kind.UNREACHABLE,
                    "Cannot reach the server at " + baseUri + ": connection refused. Is it running?",
                    e);
        } catch (HttpConnectTimeoutException e) {
            throw new AdminApiException(
                    AdminApiException.Kind.UNREACHABLE,
                    "Cannot reach the server at " + baseUri
                            + ": the connection timed out. Check the URL and the network.",
                    e);
        } catch (HttpTimeoutException e) {
            throw new AdminApiException(
                    AdminApiException.Kind.UNREACHABLE,
                    "The server at " + baseUri + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s.",
                    e);
        } catch (IOException e) {
            throw new AdminApiException(
                    AdminApiException.Kind.UNREACHABLE,
                    "Cannot talk to the server at " + baseUri + ": "
                            + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminApiException(AdminApiException.Kind.UNREACHABLE, "Interrupted while calling " + baseUri, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        throw AdminApiException.forStatus(
                status, describeError(status, new String(response.body(), StandardCharsets.UTF_8)));
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
                String text = value instanceof Instant time
                        ? time.atZone(ApiJson.MOSCOW).toOffsetDateTime().toString()
                        : String.valueOf(value);
                query.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
            }
        });
        return URI.create(baseUri + path + query);
    }
}
