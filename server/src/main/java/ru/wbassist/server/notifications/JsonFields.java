package ru.wbassist.server.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.server.time.Moscow;

/**
 * Typed fields of a JSON request body, with the query parameters' rules and messages ({@code Params}): a missing or
 * {@code null} field is absent, a value of the wrong JSON type or out of range is a 400 naming the field.
 */
final class JsonFields {

    private JsonFields() {}

    /** The body as an object that has no fields but {@code allowed}. */
    static JsonNode object(JsonNode body, Set<String> allowed) {
        if (!body.isObject()) {
            throw new InvalidRequest(null, "request body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new InvalidRequest(name, "unknown field " + name);
            }
        });
        return body;
    }

    static boolean present(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null && !value.isNull();
    }

    static Optional<Integer> optionalInt(JsonNode body, String name, int min, int max) {
        return value(body, name).map(v -> {
            if (v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= min && v.intValue() <= max) {
                return v.intValue();
            }
            throw new InvalidRequest(name, name + " must be an integer between " + min + " and " + max);
        });
    }

    static Optional<Long> optionalLong(JsonNode body, String name, long min) {
        return value(body, name).map(v -> {
            if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= min) {
                return v.longValue();
            }
            throw new InvalidRequest(name, name + " must be an integer ≥ " + min);
        });
    }

    static Optional<Instant> optionalInstant(JsonNode body, String name) {
        return optionalInstant(body, name, name);
    }

    /** As {@link #optionalInstant(JsonNode, String)}, naming the field {@code path} in the error (a list entry's). */
    static Optional<Instant> optionalInstant(JsonNode body, String name, String path) {
        return value(body, name).map(v -> {
            if (v.isTextual()) {
                try {
                    return Moscow.parseInput(v.textValue());
                } catch (RuntimeException e) {
                    // reported below
                }
            }
            throw new InvalidRequest(path, path + " must be an ISO-8601 date-time, e.g. 2026-11-27T10:00:00+03:00");
        });
    }

    /** A required list of 1..{@code max} positive integer ids. */
    static List<Long> idList(JsonNode body, String name, int max) {
        JsonNode list = value(body, name).orElseThrow(() -> new InvalidRequest(name, name + " is required"));
        if (!list.isArray() || list.isEmpty()) {
            throw new InvalidRequest(name, name + " must be a non-empty list of positive integers");
        }
        if (list.size() > max) {
            throw new InvalidRequest(name, name + " may hold at most " + max + " ids");
        }
        List<Long> ids = new ArrayList<>(list.size());
        for (JsonNode id : list) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
                throw new InvalidRequest(name, name + " must hold positive integers only");
            }
            ids.add(id.longValue());
        }
        return ids;
    }

    private static Optional<JsonNode> value(JsonNode body, String name) {
        return present(body, name) ? Optional.of(body.get(name)) : Optional.empty();
    }
}
