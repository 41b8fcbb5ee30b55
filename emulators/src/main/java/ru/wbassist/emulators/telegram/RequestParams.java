package ru.wbassist.emulators.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one Bot API call, from whichever of the four encodings the client used (query string,
 * urlencoded form, JSON, multipart). Form values are strings even for objects such as reply_markup, which the Bot API
 * then reads as JSON; {@link #json} does the same.
 */
final class RequestParams {

    /** An uploaded multipart file. */
    record Upload(String fileName, String contentType, byte[] data) {}

    private final ObjectMapper json;
    private final Map<String, JsonNode> values;
    private final Map<String, Upload> uploads;

    private RequestParams(ObjectMapper json, Map<String, JsonNode> values, Map<String, Upload> uploads) {
        this.json = json;
        this.values = values;
        this.uploads = uploads;
    }

    static RequestParams parse(ObjectMapper json, String rawQuery, String contentType, byte[] body) throws IOException {
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, Upload> uploads = new HashMap<>();
        putForm(values, rawQuery);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length > 0) {
            if (type.startsWith("application/json")) {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw BotApiException.badRequest("invalid JSON object in request body");
                }
                node.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
            } else if (type.startsWith("multipart/form-data")) {
                Multipart.parse(contentType, body).forEach(part -> {
                    if (part.fileName() != null) {
                        uploads.put(part.name(), new Upload(part.fileName(), part.contentType(), part.data()));
                    } else {
                        values.put(part.name(), TextNode.valueOf(new String(part.data(), StandardCharsets.UTF_8)));
                    }
                });
            } else {
                putForm(values, new String(body, StandardCharsets.UTF_8));
            }
        }
        return new RequestParams(json, values, uploads);
    }

    private static void putForm(Map<String, JsonNode> values, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, TextNode.valueOf(value));
        }
    }

    Optional<String> string(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    String requiredString(String name) {
        return string(name).orElseThrow(() -> BotApiException.badRequest(name + " is empty"));
    }

    Optional<Long> number(String name) {
        Optional<String> text = string(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get().trim()));
        } catch (NumberFormatException e) {
            throw BotApiException.badRequest("invalid " + name + " specified");
        }
    }

    long requiredNumber(String name) {
        return number(name).orElseThrow(() -> BotApiException.badRequest(name + " is empty"));
    }

    long chatId() {
        return number("chat_id").orElseThrow(() -> BotApiException.badRequest("chat_id is empty"));
    }

    /** A JSON-typed parameter, given either as JSON or as a string holding JSON. */
    Optional<JsonNode> json(String name) {
        JsonNode node = values.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            return Optional.of(node);
        }
        if (node.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(node.asText()));
        } catch (IOException e) {
            throw BotApiException.badRequest("can't parse " + name + " JSON object");
        }
    }

    boolean flag(String name) {
        return string(name).map(Boolean::parseBoolean).orElse(false);
    }

    Optional<Upload> upload(String name) {
        return Optional.ofNullable(uploads.get(name));
    }
}
