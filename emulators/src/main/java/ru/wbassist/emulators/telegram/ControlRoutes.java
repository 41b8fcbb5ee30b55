package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test API over HTTP, for tests and demos in other processes.
 * <ul>
 * <li>{@code POST /emulator/chats/{chat}/messages} {@code {"text":"/start","from":{"id":1,"first_name":"A",
 * "username":"a","language_code":"ru"}}} → the update</li>
 * <li>{@code POST /emulator/chats/{chat}/callbacks} {@code {"message_id":3,"data":"x"}}, or {@code {"button":"Отправить"}}
 * for the first button whose label contains it on the newest message that has one → the update</li>
 * <li>{@code GET /emulator/chats/{chat}?from=5} → the chat as an HTML page (from message 5 on)</li>
 * <li>{@code GET /emulator/chats/{chat}/sent}, {@code GET /emulator/sent} → {@code {"sent":[…]}}</li>
 * <li>{@code POST /emulator/chats/{chat}/block}, {@code …/unblock} → 204</li>
 * <li>{@code POST /emulator/unfetchable} {@code {"url":"…"}} → 204</li>
 * <li>{@code GET /emulator/callbacks/{id}} → {@code {"answered":true,"text":"…"}}</li>
 * <li>{@code GET /emulator/stats} → {@code {"too_many_requests":0,"sent":12}}</li>
 * </ul>
 */
final class ControlRoutes {

    private static final Pattern CHAT_ROUTE =
            Pattern.compile("^/emulator/chats/(-?\\d+)(?:/(messages|callbacks|sent|block|unblock))?$");
    private static final Pattern CALLBACK_ROUTE = Pattern.compile("^/emulator/callbacks/([^/]+)$");

    private final TelegramEmulator emulator;
    private final ObjectMapper json;

    ControlRoutes(TelegramEmulator emulator, ObjectMapper json) {
        this.emulator = emulator;
        this.json = json;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        try {
            Matcher chat = CHAT_ROUTE.matcher(path);
            Matcher callback = CALLBACK_ROUTE.matcher(path);
            if (chat.matches()) {
                handleChat(
                        exchange,
                        method,
                        Long.parseLong(chat.group(1)),
                        chat.group(2) == null ? "page" : chat.group(2));
            } else if (callback.matches() && "GET".equals(method)) {
                var answer = emulator.callbackAnswer(callback.group(1));
                ObjectNode body = json.createObjectNode().put("answered", answer.isPresent());
                answer.ifPresent(text -> body.put("text", text));
                emulator.send(exchange, 200, body);
            } else if ("/emulator/sent".equals(path) && "GET".equals(method)) {
                emulator.send(exchange, 200, sentJson(emulator.allSent()));
            } else if ("/emulator/stats".equals(path) && "GET".equals(method)) {
                emulator.send(
                        exchange,
                        200,
                        json.createObjectNode()
                                .put("too_many_requests", emulator.tooManyRequestsCount())
                                .put("sent", emulator.allSent().size()));
            } else if ("/emulator/unfetchable".equals(path) && "POST".equals(method)) {
                emulator.makeUnfetchable(required(body(exchange), "url").asText());
                noContent(exchange);
            } else {
                error(exchange, 404, "not_found", "no emulator route " + method + " " + path);
            }
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "bad_request", e.getMessage());
        }
    }

    private void handleChat(HttpExchange exchange, String method, long chatId, String action) throws IOException {
        switch (action + " " + method) {
            case "messages POST" -> {
                JsonNode body = body(exchange);
                JsonNode from = body.path("from");
                TelegramUser user = new TelegramUser(
                        from.path("id").asLong(chatId),
                        from.path("first_name").asText("User " + chatId),
                        from.path("last_name").asText(null),
                        from.path("username").asText(null),
                        from.path("language_code").asText("ru"));
                emulator.send(
                        exchange,
                        200,
                        emulator.injectMessage(
                                chatId, user, required(body, "text").asText()));
            }
            case "callbacks POST" -> {
                JsonNode body = body(exchange);
                emulator.send(
                        exchange,
                        200,
                        body.hasNonNull("button")
                                ? emulator.pressButton(
                                        chatId, body.get("button").asText())
                                : emulator.injectCallback(
                                        chatId,
                                        required(body, "message_id").asLong(),
                                        required(body, "data").asText()));
            }
            case "page GET" -> {
                byte[] page = emulator.chatPage(chatId, fromParameter(exchange)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
            case "sent GET" -> emulator.send(exchange, 200, sentJson(emulator.sent(chatId)));
            case "block POST" -> {
                emulator.block(chatId);
                noContent(exchange);
            }
            case "unblock POST" -> {
                emulator.unblock(chatId);
                noContent(exchange);
            }
            default -> error(exchange, 405, "method_not_allowed", method + " is not allowed here");
        }
    }

    /** The {@code from} query parameter (a message id, default 0: the whole chat). */
    private static long fromParameter(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("from=")) {
                try {
                    return Long.parseLong(pair.substring("from=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("from must be a message id");
                }
            }
        }
        return 0;
    }

    private JsonNode sentJson(List<SentMessage> sent) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("sent");
        for (SentMessage message : sent) {
            ObjectNode item = items.addObject()
                    .put("chat_id", message.chatId())
                    .put("message_id", message.messageId())
                    .put("method", message.method())
                    .put("text", message.text())
                    .put("caption", message.caption())
                    .put("parse_mode", message.parseMode())
                    .put("photo", message.photo())
                    .put("at", message.at().toString());
            if (message.photoBytes() != null) {
                item.put("photo_base64", Base64.getEncoder().encodeToString(message.photoBytes()));
            }
            item.set("reply_markup", message.replyMarkup());
        }
        return body;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private static JsonNode required(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException(field + " is required");
        }
        return body.get(field);
    }

    private static void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    private void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        emulator.send(
                exchange, status, json.createObjectNode().put("error", error).put("message", message));
    }
}
