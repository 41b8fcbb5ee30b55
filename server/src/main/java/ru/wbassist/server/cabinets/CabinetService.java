package ru.wbassist.server.cabinets;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.ErrorBody;
import ru.wbassist.observability.LogContext;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.ErrorHandlers;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;
import ru.wbassist.server.wb.KeyCheck;
import ru.wbassist.server.wb.WbException;

/** {@code /wb/cabinets}: connect a WB key, list and leave cabinets. */
public final class CabinetService implements HttpService {

    private static final System.Logger LOG = System.getLogger(CabinetService.class.getName());

    private final CabinetRepository cabinets;
    private final UserRepository users;
    private final Clock clock;
    private final KeyCheck keyCheck;
    private final LongConsumer syncNow;

    /**
     * @param keyCheck  asks WB whether a key works before it is stored
     * @param syncNow   starts a cabinet's sync now: the first one of a new cabinet, or the first with a replaced key
     */
    public CabinetService(
            CabinetRepository cabinets, UserRepository users, Clock clock, KeyCheck keyCheck, LongConsumer syncNow) {
        this.cabinets = cabinets;
        this.users = users;
        this.clock = clock;
        this.keyCheck = keyCheck;
        this.syncNow = syncNow;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::connect)
                .get("/", this::list)
                .delete(Cabinets.ONE, this::leave)
                .any("/", (req, res) -> {
                    throw ApiException.methodNotAllowed("GET, POST");
                })
                .any(Cabinets.ONE, (req, res) -> {
                    throw ApiException.methodNotAllowed("DELETE");
                });
    }

    private void connect(ServerRequest req, ServerResponse res) {
        Cabinets.Connection request = connectionOf(req).validated();
        long telegramId = request.actingTelegramId();
        User user = users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
        String apiKey = WbToken.normalise(request.apiKey());
        WbToken token = WbToken.parseForConnect(apiKey, clock);
        KeyCheck.Seller seller;
        try {
            seller = keyCheck.check(apiKey);
        } catch (WbException e) {
            // WB's side failed, not the request: 503 when WB could not be reached, 502 when it answered an error.
            // The answer says so plainly; what WB or the network said is in this server's log under the id.
            Status status =
                    e instanceof WbException.Unreachable ? Status.SERVICE_UNAVAILABLE_503 : Status.BAD_GATEWAY_502;
            String errorId = LogContext.newId();
            try (LogContext.Scope error = LogContext.with("error_id", errorId)) {
                LOG.log(System.Logger.Level.WARNING, "checking a key with WB failed: " + e.getMessage());
            }
            ErrorHandlers.send(
                    res,
                    status,
                    new ErrorBody(
                            "wb_unavailable",
                            "the key could not be checked with WB right now; try again in a few minutes",
                            null,
                            errorId));
            return;
        }
        String name = request.cleanName() != null ? request.cleanName() : seller.name();
        CabinetRepository.Connected connected =
                cabinets.connect(user.id(), apiKey, name, token.withSellerId(seller.sellerId()));
        switch (connected.outcome()) {
            case CREATED -> {
                syncNow.accept(connected.cabinet().id());
                res.status(Status.CREATED_201).send(new Cabinets.Connected(connected.cabinet(), false, false));
            }
            case JOINED -> res.status(Status.OK_200).send(new Cabinets.Connected(connected.cabinet(), true, false));
            case KEY_REPLACED -> {
                syncNow.accept(connected.cabinet().id());
                res.status(Status.OK_200)
                        .send(new Cabinets.Connected(connected.cabinet(), !connected.linkedBefore(), true));
            }
            case ALREADY_LINKED ->
                throw ApiException.conflict("this key is already connected to your cabinet \""
                        + connected.cabinet().name() + "\" (id "
                        + connected.cabinet().id() + ")");
        }
    }

    /** The key only in a JSON body: URLs end up in proxy and access logs. */
    private static Cabinets.Connection connectionOf(ServerRequest req) {
        for (String field : List.of("api_key", "telegram_id", "user_id", "name")) {
            if (req.query().contains(field)) {
                throw ApiException.badRequest(
                        field,
                        field + " must be sent in the JSON body, not in the URL"
                                + " (URLs end up in logs); nothing was stored");
            }
        }
        return Json.read(req, Cabinets.Connection.class);
    }

    private void list(ServerRequest req, ServerResponse res) {
        User user = userOf(req);
        res.send(new Cabinets.CabinetList(cabinets.listForUser(user.id())));
    }

    private void leave(ServerRequest req, ServerResponse res) {
        long cabinetId = Params.pathId(req, "id");
        User user = userOf(req);
        if (!cabinets.unlink(cabinetId, user.id())) {
            throw ApiException.notFound("cabinet " + cabinetId + " is not connected for this user");
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private User userOf(ServerRequest req) {
        long telegramId = Params.telegramId(req);
        return users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
    }
}
