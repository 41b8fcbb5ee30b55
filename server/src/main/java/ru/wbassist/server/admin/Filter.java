package ru.wbassist.server.admin;

import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.server.http.Params;

/** The optional filters of an admin list, as a SQL {@code WHERE} clause and its parameters. */
final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?}) when the value is present. */
    Filter when(String condition, Optional<?> value) {
        value.ifPresent(v -> {
            conditions.add(condition);
            params.add(v);
        });
        return this;
    }

    /** Adds the range as {@code from ≤ column < to}, each end when given. */
    Filter range(String column, TimeRange range) {
        return when(column + " >= ?", range.from()).when(column + " < ?", range.to());
    }

    /** The {@code from} (inclusive) and {@code to} (exclusive) parameters of a request; both optional. */
    record TimeRange(Optional<Instant> from, Optional<Instant> to) {

        /** 400 naming the parameter when one is not a time, or when {@code to} is not after {@code from}. */
        static TimeRange of(ServerRequest req) {
            Optional<Instant> from = Params.optionalInstant(req, "from");
            Optional<Instant> to = Params.optionalInstant(req, "to");
            if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
                throw new InvalidRequest("to", "to must be after from");
            }
            return new TimeRange(from, to);
        }
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The filter's parameters followed by {@code more}. */
    Object[] params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
