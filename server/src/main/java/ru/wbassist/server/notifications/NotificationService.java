package ru.wbassist.server.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.wbassist.api.Notifications;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;

/** {@code /api/v1/notifications}: poll (read-only or leased), batch poll, pending, ack, settings, test. */
public final class NotificationService implements HttpService {

    /** Ids in the query of {@code GET /poll/batch} (URL length). */
    private static final int MAX_BATCH_IDS = 1000;
    /** Ids in the body of {@code POST /poll/batch}: one bot's users in one poll. */
    private static final int MAX_BODY_BATCH_IDS = 10_000;
    /** 10,000 ids of up to 19 digits, formatted with room to spare; the default body limit is 64 KiB. */
    private static final int MAX_BATCH_BODY_BYTES = 512 * 1024;

    private static final Set<String> BATCH_FIELDS =
            Set.of("telegram_ids", "last_check", "cursor", "limit", "wait", "lease");
    private static final int MAX_POLL_LIMIT = 100;
    private static final int DEFAULT_POLL_LIMIT = 50;
    private static final int MAX_PENDING_LIMIT = 500;
    private static final int DEFAULT_PENDING_LIMIT = 100;
    private static final int MAX_ACK_ENTRIES = 1000;
    private static final Set<String> ACK_FIELDS = Set.of("delivered", "failed");

    private final NotificationQueue queue;
    private final SettingsRepository settings;
    private final TestNotifications tests;
    private final UserRepository users;

    public NotificationService(
            NotificationQueue queue, SettingsRepository settings, TestNotifications tests, UserRepository users) {
        this.queue = queue;
        this.settings = settings;
        this.tests = tests;
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Notifications.POLL, this::poll)
                .get(Notifications.POLL_BATCH, this::pollBatch)
                .post(Notifications.POLL_BATCH, this::pollBatchBody)
                .get(Notifications.PENDING, this::pending)
                .post(Notifications.ACK, this::ack)
                .get(Notifications.SETTINGS, this::getSettings)
                .post(Notifications.SETTINGS, this::postSettings)
                .post(Notifications.TEST, this::test);
    }

    private void poll(ServerRequest req, ServerResponse res) throws InterruptedException {
        User user = user(Params.requiredId(req, "telegram_id"));
        Optional<Lease> lease = Lease.fromQuery(req, MAX_POLL_LIMIT, DEFAULT_POLL_LIMIT);
        if (lease.isEmpty()) {
            res.send(new Notifications.Poll(
                    user.telegramId(), queue.since(List.of(user.id()), lastCheck(req)), null, Instant.now()));
        } else {
            List<Notifications.Item> items = lease.get().take(queue, Optional.of(List.of(user.id())));
            res.send(
                    new Notifications.Poll(user.telegramId(), items, lease.get().nextCursor(items), Instant.now()));
        }
    }

    private void pollBatch(ServerRequest req, ServerResponse res) throws InterruptedException {
        List<Long> telegramIds = Params.idList(req, "telegram_ids", MAX_BATCH_IDS);
        Optional<Lease> lease = Lease.fromQuery(req, MAX_POLL_LIMIT, DEFAULT_POLL_LIMIT);
        res.send(batch(telegramIds, lease, lastCheck(req)));
    }

    /** The batch poll with the ids in a JSON body, for more ids than a URL holds. */
    private void pollBatchBody(ServerRequest req, ServerResponse res) throws InterruptedException {
        JsonNode body = JsonFields.object(Json.read(req, JsonNode.class, MAX_BATCH_BODY_BYTES), BATCH_FIELDS);
        List<Long> telegramIds = JsonFields.idList(body, "telegram_ids", MAX_BODY_BATCH_IDS);
        Optional<Lease> lease = Lease.fromBody(body, MAX_POLL_LIMIT, DEFAULT_POLL_LIMIT);
        Instant lastCheck =
                JsonFields.optionalInstant(body, "last_check").orElseGet(NotificationService::defaultLastCheck);
        res.send(batch(telegramIds, lease, lastCheck));
    }

    /** Read-only since {@code lastCheck}, or leased when {@code lease} is present (then there is no last_check). */
    private Notifications.BatchPoll batch(List<Long> telegramIds, Optional<Lease> lease, Instant lastCheck)
            throws InterruptedException {
        List<Long> userIds = new ArrayList<>(queue.userIds(telegramIds).values());
        List<Notifications.Item> items =
                lease.isEmpty() ? queue.since(userIds, lastCheck) : lease.get().take(queue, Optional.of(userIds));
        // Every requested id answers, unknown ones with an empty list, so the bot can tell "nothing" from "missing".
        Map<String, List<Notifications.Item>> perUser = new LinkedHashMap<>();
        telegramIds.forEach(id -> perUser.put(Long.toString(id), new ArrayList<>()));
        items.forEach(item -> perUser.get(Long.toString(item.telegramId())).add(item));
        return new Notifications.BatchPoll(
                perUser, lease.map(l -> l.nextCursor(items)).orElse(null), Instant.now());
    }

    private void pending(ServerRequest req, ServerResponse res) throws InterruptedException {
        Lease lease = Lease.defaults(req, MAX_PENDING_LIMIT, DEFAULT_PENDING_LIMIT);
        List<Notifications.Item> items = lease.take(queue, Optional.empty());
        res.send(new Notifications.Pending(items, Instant.now()));
    }

    private void ack(ServerRequest req, ServerResponse res) {
        JsonNode body = JsonFields.object(Json.read(req, JsonNode.class), ACK_FIELDS);
        List<Notifications.Delivered> delivered = new ArrayList<>();
        for (JsonNode entry : entries(body, "delivered")) {
            delivered.add(new Notifications.Delivered(
                    id(entry, "delivered"),
                    JsonFields.optionalInstant(entry, "sent_at", "delivered.sent_at")
                            .orElse(null)));
        }
        List<Notifications.Failed> failed = new ArrayList<>();
        for (JsonNode entry : entries(body, "failed")) {
            JsonNode error = entry.get("error");
            JsonNode permanent = entry.get("permanent");
            if (error != null && !error.isNull() && !error.isTextual()) {
                throw ApiException.badRequest("failed.error", "failed.error must be a string");
            }
            if (permanent != null && !permanent.isNull() && !permanent.isBoolean()) {
                throw ApiException.badRequest("failed.permanent", "failed.permanent must be true or false");
            }
            failed.add(new Notifications.Failed(
                    id(entry, "failed"),
                    error == null ? null : error.textValue(),
                    permanent != null && permanent.booleanValue()));
        }
        if (delivered.isEmpty() && failed.isEmpty()) {
            throw ApiException.badRequest("delivered", "delivered or failed must list at least one item");
        }
        if (delivered.size() + failed.size() > MAX_ACK_ENTRIES) {
            throw ApiException.badRequest("delivered", "at most " + MAX_ACK_ENTRIES + " items per ack");
        }
        Notifications.AckResult result = queue.ack(delivered, failed);
        res.send(result);
    }

    private void getSettings(ServerRequest req, ServerResponse res) {
        res.send(settings.get(user(Params.requiredId(req, "telegram_id")).id()));
    }

    private void postSettings(ServerRequest req, ServerResponse res) {
        User user = user(Params.requiredId(req, "telegram_id"));
        SettingsPatch patch = SettingsPatch.parse(Json.read(req, JsonNode.class));
        res.send(settings.update(user.id(), patch));
    }

    private void test(ServerRequest req, ServerResponse res) {
        long telegramId = Params.requiredId(req, "telegram_id");
        String type = Params.requiredString(req, "type");
        long id = tests.queue(telegramId, type);
        res.status(Status.CREATED_201).send(new Notifications.TestQueued(id, type));
    }

    private User user(long telegramId) {
        return users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
    }

    private static Instant lastCheck(ServerRequest req) {
        return Params.optionalInstant(req, "last_check").orElseGet(NotificationService::defaultLastCheck);
    }

    private static Instant defaultLastCheck() {
        return Instant.now().minus(Duration.ofMinutes(1));
    }

    private static List<JsonNode> entries(JsonNode body, String field) {
        JsonNode list = body.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ApiException.badRequest(field, field + " must be a list");
        }
        List<JsonNode> entries = new ArrayList<>();
        list.forEach(entries::add);
        return entries;
    }

    private static long id(JsonNode entry, String list) {
        JsonNode id = entry.isObject() ? entry.get("id") : null;
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.longValue() <= 0) {
            throw ApiException.badRequest(list + ".id", list + ".id must be a positive integer");
        }
        return id.longValue();
    }
}
