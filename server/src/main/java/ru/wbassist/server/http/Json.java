package ru.wbassist.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.helidon.http.HeaderNames;
import io.helidon.http.media.MediaSupport;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import ru.wbassist.api.ApiJson;
import ru.wbassist.server.time.Moscow;

/**
 * The server's side of the API's JSON ({@link ApiJson}): requests are read strictly, unknown fields and
 * numbers for enums rejected. Request bodies are read here so that every parse problem becomes a 400 naming the field.
 */
public final class Json {

    /** Largest accepted request body. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final ObjectMapper MAPPER = ApiJson.conventions()
            .addModule(new SimpleModule("moscow-input").addDeserializer(Instant.class, new InputInstantDeserializer()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // 1001.7 is no Telegram id and 42 no name: a value of the wrong JSON type is a 400, never converted
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                    LogicalType.Integer,
                    config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Textual,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private Json() {}

    /** Helidon media support that writes responses with {@link #MAPPER}. */
    public static MediaSupport mediaSupport() {
        return JacksonSupport.create(MAPPER);
    }

    /**
     * Reads a JSON request body as {@code type}.
     *
     * @throws ApiException 415 when the body is not JSON, 413 when too large, 400 naming the field that does not fit
     */
    public static <T> T read(ServerRequest req, Class<T> type) {
        return read(req, type, MAX_BODY_BYTES);
    }

    /** {@link #read(ServerRequest, Class)} for a route whose bodies may be larger (up to {@code maxBytes}). */
    public static <T> T read(ServerRequest req, Class<T> type, int maxBytes) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase().startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("request body must be application/json");
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest(null, "request body could not be read");
        }
        if (body.length > maxBytes) {
            throw ApiException.payloadTooLarge("request body exceeds " + maxBytes + " bytes");
        }
        if (body.length == 0) {
            throw ApiException.badRequest(null, "request body is empty");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest(null, "request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(e.getPropertyName(), "unknown field " + e.getPropertyName());
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            String reason = e.getCause() instanceof ApiException api ? api.getMessage() : "has a wrong type or format";
            throw field == null
                    ? ApiException.badRequest(null, "request body is not a valid JSON object")
                    : ApiException.badRequest(field, field + " " + reason);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "request body is not valid JSON");
        } catch (IOException e) {
            throw ApiException.badRequest(null, "request body could not be read");
        }
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static final class InputInstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
                return Moscow.parseInput(p.getValueAsString());
            } catch (RuntimeException e) {
                throw JsonMappingException.from(p, "must be an ISO-8601 date-time", e);
            }
        }
    }
}
