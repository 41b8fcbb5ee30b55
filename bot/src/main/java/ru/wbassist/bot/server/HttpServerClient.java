package ru.wbassist.bot.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import ru.wbassist.api.Answers;
import ru.wbassist.api.ApiJson;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Routes;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Users;

/** {@link ServerClient} over java.net.http with the API secret header and JSON in snake_case. */
public final class HttpServerClient implements ServerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = ApiJson.clientMapper();
    private final String baseUrl;
    private final String apiSecret;

    public HttpServerClient(String baseUrl, String apiSecret) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiSecret = apiSecret;
    }

    @Override
    public Users.User register(Users.Registration registration) {
        return call("POST", Users.PATH + "/", Map.of(), registration, Users.User.class);
    }

    @Override
    public Users.User user(long telegramId) {
        try {
            return call("GET", Routes.expand(Users.PATH + Users.ONE, telegramId), Map.of(), null, Users.User.class);
        } catch (ServerException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void markBlocked(long telegramId) {
        call("POST", Routes.expand(Users.PATH + Users.BLOCKED, telegramId), Map.of(), null, Void.class);
    }

    @Override
    public Cabinets.Connected connectCabinet(long telegramId, String apiKey, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("telegram_id", telegramId);
        body.put("api_key", apiKey);
        if (name != null) {
            body.put("name", name);
        }
        return call("POST", Cabinets.PATH + "/", Map.of(), body, Cabinets.Connected.class);
    }

    @Override
    public List<Cabinets.Cabinet> cabinets(long telegramId) {
        return call("GET", Cabinets.PATH + "/", Map.of("telegram_id", telegramId), null, Cabinets.CabinetList.class)
                .cabinets();
    }

    @Override
    public void leaveCabinet(long telegramId, long cabinetId) {
        call(
                "DELETE",
                Routes.expand(Cabinets.PATH + Cabinets.ONE, cabinetId),
                Map.of("telegram_id", telegramId),
                null,
                Void.class);
    }

    @Override
    public Notifications.Settings settings(long telegramId) {
        return call(
                "GET",
                Notifications.PATH + Notifications.SETTINGS,
                Map.of("telegram_id", telegramId),
                null,
                Notifications.Settings.class);
    }

    @Override
    public Notifications.Settings updateSettings(long telegramId, Map<String, Object> changes) {
        return call(
                "POST",
                Notifications.PATH + Notifications.SETTINGS,
                Map.of("telegram_id", telegramId),
                changes,
                Notifications.Settings.class);
    }

    @Override
    public List<Notifications.ProductMute> mutes(long telegramId) {
        return call(
                        "GET",
                        Notifications.PATH + Notifications.MUTES,
                        Map.of("telegram_id", telegramId),
                        null,
                        Notifications.ProductMutes.class)
                .mutes();
    }

    @Override
    public void mute(long telegramId, long cabinetId, long nmId) {
        call(
                "POST",
                Notifications.PATH + Notifications.MUTES,
                Map.of("telegram_id", telegramId),
                new Notifications.MuteRequest(cabinetId, nmId),
                Notifications.ProductMutes.class);
    }

    @Override
    public void unmute(long telegramId, long cabinetId, long nmId) {
        call(
                "DELETE",
                Notifications.PATH + Notifications.MUTES,
                Map.of("telegram_id", telegramId, "cabinet_id", cabinetId, "nm_id", nmId),
                null,
                Void.class);
    }

    @Override
    public Notifications.TestQueued sendTest(long telegramId, String type) {
        return call(
                "POST",
                Notifications.PATH + Notifications.TEST,
                Map.of("telegram_id", telegramId, "type", type),
                null,
                Notifications.TestQueued.class);
    }

    @Override
    public List<Insights.Dashboard> dashboard(long telegramId) {
        return blocks(Insights.PATH + Insights.DASHBOARD, Map.of("telegram_id", telegramId), Insights.Dashboard.class);
    }

    @Override
    public List<Insights.Orders> orders(long telegramId, String status, int limit, int offset) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("telegram_id", telegramId);
        if (status != null) {
            query.put("status", status);
        }
        query.put("limit", limit);
        query.put("offset", offset);
        return blocks(Insights.PATH + Insights.RECENT_ORDERS, query, Insights.Orders.class);
    }

    @Override
    public List<Insights.Stocks> criticalStocks(long telegramId) {
        return blocks(
                Insights.PATH + Insights.CRITICAL_STOCKS, Map.of("telegram_id", telegramId), Insights.Stocks.class);
    }

    @Override
    public List<Insights.Reviews> reviews(long telegramId) {
        return blocks(
                Insights.PATH + Insights.REVIEW_SUMMARY, Map.of("telegram_id", telegramId), Insights.Reviews.class);
    }

    @Override
    public List<Insights.Analytics> analytics(long telegramId, String period) {
        return blocks(
                Insights.PATH + Insights.SALES_ANALYTICS,
                Map.of("telegram_id", telegramId, "period", period),
                Insights.Analytics.class);
    }

    @Override
    public List<Syncs.Started> startSync(long telegramId) {
        return blockList(
                call("POST", Syncs.PATH + Syncs.START, Map.of("telegram_id", telegramId), null, JsonNode.class),
                Syncs.Started.class);
    }

    @Override
    public List<Syncs.CabinetStatus> syncStatus(long telegramId) {
        return blocks(Syncs.PATH + Syncs.STATUS, Map.of("telegram_id", telegramId), Syncs.CabinetStatus.class);
    }

    @Override
    public List<Answers.Unanswered> unanswered(long telegramId, String kind) {
        return blocks(
                Answers.PATH + byKind(kind, Answers.UNANSWERED_REVIEWS, Answers.UNANSWERED_QUESTIONS),
                Map.of("telegram_id", telegramId),
                Answers.Unanswered.class);
    }

    @Override
    public Answers.ReplyContext replyContext(long telegramId, long cabinetId, String kind, String itemId) {
        return call(
                "GET",
                Routes.expand(
                        Answers.PATH + byKind(kind, Answers.REVIEW_REPLY, Answers.QUESTION_REPLY), encode(itemId)),
                Map.of("telegram_id", telegramId, "cabinet_id", cabinetId),
                null,
                Answers.ReplyContext.class);
    }

    @Override
    public Answers.Answer answer(
            long telegramId, long cabinetId, String kind, String itemId, String text, String idempotencyKey) {
        return call(
                "POST",
                Routes.expand(
                        Answers.PATH + byKind(kind, Answers.REVIEW_ANSWER, Answers.QUESTION_ANSWER), encode(itemId)),
                Map.of(),
                new Answers.AnswerRequest(telegramId, cabinetId, text, idempotencyKey),
                Answers.Answer.class);
    }

    @Override
    public List<Answers.TemplateBlock> templates(long telegramId) {
        return blocks(Answers.PATH + Answers.TEMPLATES, Map.of("telegram_id", telegramId), Answers.TemplateBlock.class);
    }

    @Override
    public Answers.Template addTemplate(long telegramId, long cabinetId, String text) {
        return call(
                "POST",
                Answers.PATH + Answers.TEMPLATES,
                Map.of(),
                new Answers.TemplateRequest(telegramId, cabinetId, text, null),
                Answers.Template.class);
    }

    @Override
    public void deleteTemplate(long telegramId, long templateId) {
        call(
                "DELETE",
                Routes.expand(Answers.PATH + Answers.TEMPLATE, templateId),
                Map.of("telegram_id", telegramId),
                null,
                Void.class);
    }

    @Override
    public Answers.Answering setMembersCanAnswer(long telegramId, long cabinetId, boolean membersCanAnswer) {
        return call(
                "POST",
                Routes.expand(Answers.PATH + Answers.ANSWERING, cabinetId),
                Map.of(),
                new Answers.AnsweringRequest(telegramId, membersCanAnswer),
                Answers.Answering.class);
    }

    /** {@code kind} is "reviews" or "questions". */
    private static String byKind(String kind, String reviewRoute, String questionRoute) {
        return "questions".equals(kind) ? questionRoute : reviewRoute;
    }

    @Override
    public List<Notifications.Item> pending(int limit, Duration wait, Duration lease) {
        Map<String, Object> query = Map.of("limit", limit, "wait", wait.toSeconds(), "lease", lease.toSeconds());
        return call(
                        "GET",
                        Notifications.PATH + Notifications.PENDING,
                        query,
                        null,
                        Notifications.Pending.class,
                        wait.plus(TIMEOUT))
                .items();
    }

    @Override
    public void ack(Notifications.Ack ack) {
        call("POST", Notifications.PATH + Notifications.ACK, Map.of(), ack, JsonNode.class);
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

    private <T> T call(
            String method, String path, Map<String, Object> query, Object body, Class<T> type, Duration timeout) {
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
            throw new ServerException(
                    0, "unavailable", "server unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, "interrupted", "interrupted");
        }
    }

    private ServerException error(HttpResponse<byte[]> response) {
        try {
            JsonNode error = json.readTree(response.body());
            return new ServerException(
                    response.statusCode(),
                    error.path("error").asText("error"),
                    error.path("message").asText("HTTP " + response.statusCode()),
                    error.path("error_id").asText(null));
        } catch (IOException e) {
            return new ServerException(response.statusCode(), "error", "HTTP " + response.statusCode());
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryString(Map<String, Object> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((name, value) ->
                joined.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
