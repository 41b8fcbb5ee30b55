package ru.wbassist.server.mutes;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Notifications.MuteRequest;
import ru.wbassist.api.Notifications.ProductMutes;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;

/** {@code /api/v1/notifications/mutes} ({@link Notifications#MUTES}): list, mute and unmute a product's stock alerts. */
public final class ProductMuteService implements HttpService {

    private final ProductMuteRepository mutes;
    private final UserRepository users;

    public ProductMuteService(ProductMuteRepository mutes, UserRepository users) {
        this.mutes = mutes;
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).post("/", this::mute).delete("/", this::unmute);
    }

    private void list(ServerRequest req, ServerResponse res) {
        res.send(new ProductMutes(mutes.list(user(req).id())));
    }

    private void mute(ServerRequest req, ServerResponse res) {
        User user = user(req);
        MuteRequest body = Json.read(req, MuteRequest.class);
        mutes.mute(user.id(), positive("cabinet_id", body.cabinetId()), positive("nm_id", body.nmId()));
        res.status(Status.CREATED_201).send(new ProductMutes(mutes.list(user.id())));
    }

    private void unmute(ServerRequest req, ServerResponse res) {
        User user = user(req);
        if (!mutes.unmute(user.id(), Params.requiredId(req, "cabinet_id"), Params.requiredId(req, "nm_id"))) {
            throw ApiException.notFound("the product is not muted");
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private User user(ServerRequest req) {
        long telegramId = Params.requiredId(req, "telegram_id");
        return users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
    }

    private static long positive(String field, long value) {
        if (value <= 0) {
            throw ApiException.badRequest(field, field + " must be a positive id");
        }
        return value;
    }
}
