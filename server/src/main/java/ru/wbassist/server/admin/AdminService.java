package ru.wbassist.server.admin;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Syncs;
import ru.wbassist.db.Database;
import ru.wbassist.server.events.EventType;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.notifications.NotificationRetry;
import ru.wbassist.server.notifications.TestNotifications;
import ru.wbassist.server.sync.SyncTrigger;
import ru.wbassist.server.time.Moscow;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;

/**
 * The operator console's API under {@code /api/v1/admin} (docs/api.md "Admin API"): overview, cabinets and their
 * users, sync logs, notification history (and their CSV exports), users, test sends and their preview, reviews and
 * questions with their answer state and the answers sent from WB Assist, and the operator's actions: "sync now",
 * pause and resume a cabinet's sync, retry a failed notification. The secret filter lets the admin secret in here.
 */
public final class AdminService implements HttpService {

    static final Set<String> SYNC_STATUSES = Set.copyOf(Syncs.STATUSES);
    static final Set<String> NOTIFICATION_TYPES =
            Arrays.stream(EventType.values()).map(EventType::code).collect(Collectors.toUnmodifiableSet());
    static final Set<String> NOTIFICATION_STATUSES = Set.copyOf(Overview.STATUSES);
    static final Set<String> ITEM_KINDS = Set.copyOf(Admin.ITEM_KINDS);
    static final Set<String> ANSWER_STATUSES = Set.copyOf(Admin.ANSWER_STATUSES);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final Database db;
    private final UserRepository users;
    private final CabinetDirectory cabinets;
    private final SyncHistory syncHistory;
    private final NotificationLog notifications;
    private final UserDirectory userDirectory;
    private final AnswerLog answers;
    private final TestNotifications testNotifications;
    private final NotificationRetry retry;
    private final SyncTrigger syncTrigger;
    private final Clock clock;

    public AdminService(
            Database db,
            UserRepository users,
            TestNotifications testNotifications,
            NotificationRetry retry,
            SyncTrigger syncTrigger,
            Clock clock) {
        this.db = db;
        this.users = users;
        this.cabinets = new CabinetDirectory(db);
        this.syncHistory = new SyncHistory(db);
        this.notifications = new NotificationLog(db);
        this.userDirectory = new UserDirectory(db);
        this.answers = new AnswerLog(db);
        this.testNotifications = testNotifications;
        this.retry = retry;
        this.syncTrigger = syncTrigger;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        get(rules, Admin.OVERVIEW, (req, res) -> res.send(Overview.load(db, clock.instant())));
        get(rules, Admin.CABINETS, this::listCabinets);
        get(rules, Admin.CABINET_USERS, this::cabinetUsers);
        post(rules, Admin.CABINET_SYNC, this::syncCabinet);
        post(rules, Admin.CABINET_PAUSE, (req, res) -> pause(req, res, true));
        post(rules, Admin.CABINET_RESUME, (req, res) -> pause(req, res, false));
        get(rules, Admin.SYNC_LOGS, this::listSyncLogs);
        get(rules, Admin.SYNC_LOGS_EXPORT, this::exportSyncLogs);
        get(rules, Admin.NOTIFICATIONS, this::listNotifications);
        get(rules, Admin.NOTIFICATIONS_EXPORT, this::exportNotifications);
        post(rules, Admin.NOTIFICATION_RETRY, this::retryNotification);
        get(rules, Admin.USERS, (req, res) -> res.send(userDirectory.list(Paging.of(req))));
        post(rules, Admin.TEST_NOTIFICATION, this::testNotification);
        post(rules, Admin.TEST_NOTIFICATION_PREVIEW, this::previewTestNotification);
        get(rules, Admin.ITEMS_TO_ANSWER, this::listItemsToAnswer);
        get(rules, Admin.ANSWERS, this::listAnswers);
    }

    private static void get(HttpRules rules, String path, Handler handler) {
        rules.get(path, handler).any(path, (req, res) -> {
            throw ApiException.methodNotAllowed("GET");
        });
    }

    private static void post(HttpRules rules, String path, Handler handler) {
        rules.post(path, handler).any(path, (req, res) -> {
            throw ApiException.methodNotAllowed("POST");
        });
    }

    private void listCabinets(ServerRequest req, ServerResponse res) {
        Optional<String> q = Params.optionalString(req, "q");
        res.send(cabinets.list(q, Paging.of(req), clock.instant()));
    }

    private void cabinetUsers(ServerRequest req, ServerResponse res) {
        long cabinetId = existingCabinet(Params.pathId(req, "id"));
        res.send(new Admin.Members(cabinets.members(cabinetId)));
    }

    private void listSyncLogs(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req);
        res.send(syncHistory.list(syncLogQuery(req), paging));
    }

    private void exportSyncLogs(ServerRequest req, ServerResponse res) throws IOException {
        SyncHistory.Query query = syncLogQuery(req);
        sendCsv(res, "sync-logs", out -> syncHistory.export(query, out));
    }

    private SyncHistory.Query syncLogQuery(ServerRequest req) {
        return new SyncHistory.Query(
                Params.optionalId(req, "cabinet_id").map(this::existingCabinet),
                Params.optionalString(req, "data_set"),
                optionalOneOf(req, "status", SYNC_STATUSES),
                Filter.TimeRange.of(req));
    }

    private void listNotifications(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req);
        res.send(notifications.list(notificationQuery(req), paging));
    }

    private void exportNotifications(ServerRequest req, ServerResponse res) throws IOException {
        NotificationLog.Query query = notificationQuery(req);
        sendCsv(res, "notifications", out -> notifications.export(query, out));
    }

    private NotificationLog.Query notificationQuery(ServerRequest req) {
        return new NotificationLog.Query(
                Params.optionalId(req, "telegram_id").map(this::userId),
                Params.optionalId(req, "cabinet_id").map(this::existingCabinet),
                optionalOneOf(req, "type", NOTIFICATION_TYPES),
                optionalOneOf(req, "status", NOTIFICATION_STATUSES),
                Filter.TimeRange.of(req));
    }

    private void listItemsToAnswer(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req);
        res.send(answers.items(
                new AnswerLog.ItemQuery(
                        Params.optionalId(req, "cabinet_id").map(this::existingCabinet),
                        optionalOneOf(req, "kind", ITEM_KINDS),
                        optionalOneOf(req, "answered", Set.of("true", "false")).map(Boolean::parseBoolean)),
                paging));
    }

    private void listAnswers(ServerRequest req, ServerResponse res) {
        Paging paging = Paging.of(req);
        res.send(answers.answers(
                new AnswerLog.AnswerQuery(
                        Params.optionalId(req, "cabinet_id").map(this::existingCabinet),
                        optionalOneOf(req, "kind", ITEM_KINDS),
                        optionalOneOf(req, "status", ANSWER_STATUSES),
                        Params.optionalId(req, "telegram_id").map(this::existingUser),
                        Filter.TimeRange.of(req)),
                paging));
    }

    /** A CSV download named after what it holds and when (Moscow time); the filters were checked before. */
    private void sendCsv(ServerResponse res, String name, CsvBody body) throws IOException {
        res.header(HeaderNames.CONTENT_TYPE, Csv.MEDIA_TYPE);
        res.header(
                HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name + "-" + FILE_TIME.format(Moscow.toMsk(clock.instant())) + ".csv\"");
        try (OutputStream out = res.outputStream()) {
            body.writeTo(out);
        }
    }

    @FunctionalInterface
    private interface CsvBody {
        void writeTo(OutputStream out) throws IOException;
    }

    private void retryNotification(ServerRequest req, ServerResponse res) {
        res.status(Status.CREATED_201).send(retry.retry(Params.pathId(req, "id")));
    }

    /** Pauses or resumes the cabinet's scheduled sync; a running sync finishes, the next ones are skipped. */
    private void pause(ServerRequest req, ServerResponse res, boolean paused) {
        long cabinetId = Params.pathId(req, "id");
        res.send(cabinets.pause(cabinetId, paused, clock.instant())
                .orElseThrow(() -> ApiException.notFound("unknown cabinet " + cabinetId)));
    }

    /** Starts the cabinet's sync now, on whichever server's scheduler picks it first; 409 while it runs. */
    private void syncCabinet(ServerRequest req, ServerResponse res) {
        long cabinetId = existingCabinet(Params.pathId(req, "id"));
        if (cabinets.paused(cabinetId)) {
            throw ApiException.conflict("the sync of cabinet " + cabinetId + " is paused; resume it first");
        }
        if (syncTrigger.start(cabinetId) == SyncTrigger.Result.ALREADY_RUNNING) {
            throw ApiException.conflict(
                    "a sync of cabinet " + cabinetId + " is running; try again when it has finished");
        }
        res.status(Status.ACCEPTED_202).send(new Admin.SyncStarted(cabinetId, "started"));
    }

    /** Queues a realistic sample of {@code type} for the user, delivered like any notification. */
    private void testNotification(ServerRequest req, ServerResponse res) {
        long telegramId = Params.pathId(req, "telegram_id");
        String type = Params.requiredString(req, "type");
        long id = testNotifications.queue(telegramId, type);
        res.status(Status.CREATED_201).send(new Notifications.TestQueued(id, type));
    }

    /** What {@link #testNotification} would queue now, rendered, with what it will meet; writes nothing. */
    private void previewTestNotification(ServerRequest req, ServerResponse res) {
        long telegramId = Params.pathId(req, "telegram_id");
        res.send(testNotifications.preview(telegramId, Params.requiredString(req, "type")));
    }

    private long existingCabinet(long cabinetId) {
        if (!cabinets.exists(cabinetId)) {
            throw ApiException.notFound("unknown cabinet " + cabinetId);
        }
        return cabinetId;
    }

    private long existingUser(long telegramId) {
        userId(telegramId);
        return telegramId;
    }

    private long userId(long telegramId) {
        return users.find(telegramId).map(User::id).orElseThrow(() -> UserService.unknown(telegramId));
    }

    private static Optional<String> optionalOneOf(ServerRequest req, String name, Set<String> allowed) {
        return Optional.ofNullable(Params.oneOf(req, name, allowed, null));
    }
}
