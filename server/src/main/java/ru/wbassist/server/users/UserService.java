package ru.wbassist.server.users;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import ru.wbassist.api.NotFound;
import ru.wbassist.api.Users;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.http.Params;

/** {@code /users}: registration and look-up of bot users. */
public final class UserService implements HttpService {

    private final UserRepository users;

    public UserService(UserRepository users) {
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::register)
                .get(Users.ONE, this::get)
                .post(Users.BLOCKED, this::blocked)
                .any("/", (req, res) -> {
                    throw ApiException.methodNotAllowed("POST");
                })
                .any(Users.ONE, (req, res) -> {
                    throw ApiException.methodNotAllowed("GET");
                });
    }

    private void register(ServerRequest req, ServerResponse res) {
        Users.Registration registration =
                Json.read(req, Users.Registration.class).validated();
        UserRepository.Registered result = users.register(registration);
        res.status(result.created() ? Status.CREATED_201 : Status.OK_200)
                .send(result.user().view());
    }

    private void get(ServerRequest req, ServerResponse res) {
        long telegramId = Params.pathId(req, "telegram_id");
        res.send(users.find(telegramId).orElseThrow(() -> unknown(telegramId)).view());
    }

    private void blocked(ServerRequest req, ServerResponse res) {
        long telegramId = Params.pathId(req, "telegram_id");
        if (!users.markBlocked(telegramId)) {
            throw unknown(telegramId);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The 404 for a Telegram id nobody registered. */
    public static NotFound unknown(long telegramId) {
        return new NotFound("unknown user: telegram_id " + telegramId);
    }
}
