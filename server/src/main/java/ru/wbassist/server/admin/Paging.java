package ru.wbassist.server.admin;

import io.helidon.webserver.http.ServerRequest;
import ru.wbassist.server.http.Params;

/** {@code limit} (1..500, default 100) and {@code offset} (≥ 0) of an admin list. */
record Paging(int limit, long offset) {

    static Paging of(ServerRequest req) {
        return new Paging(
                Params.intInRange(req, "limit", 1, 500, 100),
                Params.optionalLong(req, "offset", 0).orElse(0L));
    }

    /** One page of a list and the size of the whole filtered list. */
}
