package ru.wbassist.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import ru.wbassist.api.ErrorBody;

/**
 * JSON errors for requests Helidon rejects before routing (malformed URI or escapes, over-long request line or
 * headers, oversized entity). Helidon's own message may quote the request, so only the status phrase is sent.
 */
public final class JsonDirectHandler implements DirectHandler {

    private JsonDirectHandler() {}

    /** Registers the handler for every event type. */
    public static void register(DirectHandlers.Builder handlers) {
        JsonDirectHandler handler = new JsonDirectHandler();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String code = switch (status.code()) {
            case 413 -> "payload_too_large";
            case 414, 431 -> "bad_request";
            default -> status.code() >= 500 ? "internal_error" : "bad_request";
        };
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(new ErrorBody(code, status.reasonPhrase(), null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ErrorBody always serializes", e);
        }
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .keepAlive(eventType.keepAlive())
                .entity(body)
                .build();
    }
}
