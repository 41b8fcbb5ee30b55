package ru.wbassist.server.http;

import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.server.time.Moscow;

/** Typed query and path parameters; every failure is a 400 that names the parameter. */
public final class Params {

    private static final int MAX_PARAM_LENGTH = 4096;

    private Params() {}

    public static Optional<String> optionalString(ServerRequest req, String name) {
        Optional<String> value =
                req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
        value.ifPresent(v -> {
            if (v.length() > MAX_PARAM_LENGTH) {
                throw ApiException.badRequest(name, name + " is too long");
            }
        });
        return value;
    }

    public static String requiredString(ServerRequest req, String name) {
        return optionalString(req, name).orElseThrow(() -> ApiException.badRequest(name, name + " is required"));
    }

    /** A required positive id, such as {@code telegram_id}. */
    public static long requiredId(ServerRequest req, String name) {
        return parseId(name, requiredString(req, name));
    }

    /**
     * The acting user's Telegram id: {@code telegram_id}, or {@code user_id}, the name the cabinet and sales routes
     * first had (kept as an alias). 400 when both are given and differ.
     */
    public static long telegramId(ServerRequest req) {
        Optional<Long> telegramId = optionalId(req, "telegram_id");
        Optional<Long> alias = optionalId(req, "user_id");
        if (telegramId.isPresent() && alias.isPresent() && !telegramId.equals(alias)) {
            throw ApiException.badRequest("user_id", "user_id is an alias of telegram_id; give one of them");
        }
        return telegramId
                .or(() -> alias)
                .orElseThrow(() -> ApiException.badRequest("telegram_id", "telegram_id is required"));
    }

    public static Optional<Long> optionalId(ServerRequest req, String name) {
        return optionalString(req, name).map(v -> parseId(name, v));
    }

    /** A positive id from the path. */
    public static long pathId(ServerRequest req, String name) {
        return parseId(name, req.path().pathParameters().get(name));
    }

    public static long parseId(String name, String value) {
        try {
            long id = Long.parseLong(value.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name, name + " must be a positive integer");
    }

    /** An optional integer within [min, max], else {@code defaultValue}. */
    public static int intInRange(ServerRequest req, String name, int min, int max, int defaultValue) {
        Optional<String> raw = optionalString(req, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name, name + " must be an integer between " + min + " and " + max);
    }

    /** An optional long ≥ min. */
    public static Optional<Long> optionalLong(ServerRequest req, String name, long min) {
        return optionalString(req, name).map(raw -> {
            try {
                long value = Long.parseLong(raw);
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiException.badRequest(name, name + " must be an integer ≥ " + min);
        });
    }

    /** One of the allowed values, or the default when absent. */
    public static String oneOf(ServerRequest req, String name, Set<String> allowed, String defaultValue) {
        Optional<String> raw = optionalString(req, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(raw.get())) {
            throw ApiException.badRequest(
                    name,
                    name + " must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        return raw.get();
    }

    /** An optional instant: ISO-8601 with offset, a naive date-time (Moscow), or a date (Moscow midnight). */
    public static Optional<Instant> optionalInstant(ServerRequest req, String name) {
        return optionalString(req, name).map(raw -> {
            try {
                return Moscow.parseInput(raw);
            } catch (RuntimeException e) {
                throw ApiException.badRequest(
                        name, name + " must be an ISO-8601 date-time, e.g. 2026-11-27T10:00:00+03:00");
            }
        });
    }

    /** A comma-separated list of positive ids, at most {@code max} of them. */
    public static List<Long> idList(ServerRequest req, String name, int max) {
        String raw = requiredString(req, name);
        String[] parts = raw.split(",", -1);
        if (parts.length > max) {
            throw ApiException.badRequest(name, name + " may hold at most " + max + " ids");
        }
        List<Long> ids = new ArrayList<>(parts.length);
        for (String part : parts) {
            ids.add(parseId(name, part));
        }
        return ids;
    }
}
