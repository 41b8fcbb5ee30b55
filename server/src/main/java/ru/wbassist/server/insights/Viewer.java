package ru.wbassist.server.insights;

import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;
import ru.wbassist.api.Cabinets.Cabinet;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.notifications.NotificationSettings;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;

/**
 * Who asks and which of their cabinets an answer covers, with the thresholds of their notification settings.
 *
 * @param userId                  internal user id
 * @param cabinets                the cabinets to answer for: the one asked for, else all of the user's, by id
 * @param criticalStockThreshold  a product is critical when its total stock is at or below this
 * @param negativeReviewThreshold a review is negative when its rating is at or below this
 */
public record Viewer(long userId, List<Cabinet> cabinets, int criticalStockThreshold, int negativeReviewThreshold) {

    /** Resolves viewers from requests: the user parameter, an optional {@code cabinet_id}, and the user's settings. */
    public static final class Resolver {

        private final Database db;
        private final UserRepository users;
        private final CabinetRepository cabinets;

        public Resolver(Database db, UserRepository users, CabinetRepository cabinets) {
            this.db = db;
            this.users = users;
            this.cabinets = cabinets;
        }

        /** @throws ApiException 400 naming a malformed parameter, 404 for an unknown user or a cabinet not theirs */
        public Viewer resolve(ServerRequest req) {
            long telegramId = Params.telegramId(req);
            Optional<Long> cabinetId = Params.optionalId(req, "cabinet_id");
            User user = users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
            List<Cabinet> linked = cabinets.listForUser(user.id());
            List<Cabinet> asked = cabinetId
                    .map(id -> linked.stream().filter(c -> c.id() == id).toList())
                    .orElse(linked);
            if (cabinetId.isPresent() && asked.isEmpty()) {
                throw ApiException.notFound("cabinet " + cabinetId.get() + " is not connected for this user");
            }
            int[] thresholds = db.withConnection(c -> Sql.queryOne(
                            c,
                            "SELECT critical_stock_threshold, negative_review_threshold FROM notification_settings"
                                    + " WHERE user_id = ?",
                            rs -> new int[] {rs.getInt(1), rs.getInt(2)},
                            user.id()))
                    .orElse(new int[] {
                        NotificationSettings.DEFAULT_STOCK_THRESHOLD, NotificationSettings.DEFAULT_REVIEW_THRESHOLD
                    });
            return new Viewer(user.id(), asked, thresholds[0], thresholds[1]);
        }
    }
}
