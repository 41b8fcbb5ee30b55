package ru.wbassist.server;

import io.helidon.health.HealthCheckResponse;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Answers;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Users;
import ru.wbassist.db.Database;
import ru.wbassist.server.admin.AdminService;
import ru.wbassist.server.answers.AnswerService;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.CabinetService;
import ru.wbassist.server.cabinets.KeyVault;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.DataDirectory;
import ru.wbassist.server.digest.DailyDigests;
import ru.wbassist.server.events.EventDetector;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.http.ApiSecretFilter;
import ru.wbassist.server.http.ErrorHandlers;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.http.JsonDirectHandler;
import ru.wbassist.server.insights.InsightsService;
import ru.wbassist.server.insights.Viewer;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.mutes.ProductMuteRepository;
import ru.wbassist.server.mutes.ProductMuteService;
import ru.wbassist.server.notifications.FanOut;
import ru.wbassist.server.notifications.NotificationQueue;
import ru.wbassist.server.notifications.NotificationRetry;
import ru.wbassist.server.notifications.NotificationService;
import ru.wbassist.server.notifications.NotificationsConfig;
import ru.wbassist.server.notifications.QueueSignal;
import ru.wbassist.server.notifications.QueueWakeups;
import ru.wbassist.server.notifications.SettingsRepository;
import ru.wbassist.server.notifications.TestNotifications;
import ru.wbassist.server.sync.CabinetSync;
import ru.wbassist.server.sync.FeedSettings;
import ru.wbassist.server.sync.OrderFeedPoll;
import ru.wbassist.server.sync.SyncHealth;
import ru.wbassist.server.sync.SyncScheduler;
import ru.wbassist.server.sync.SyncService;
import ru.wbassist.server.sync.SyncSettings;
import ru.wbassist.server.sync.SyncTrigger;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;
import ru.wbassist.server.wb.KeyCheck;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbKeyCheck;

/**
 * The server's wiring, in one place: every repository, service and background part is built here by constructor,
 * and {@link #routing} lists every feature's mount point. Tests build it the same way with their own database.
 */
public final class App implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(App.class.getName());

    /** How old the public health reading may get: anonymous callers cost one database query per interval. */
    private static final Duration PUBLIC_HEALTH_INTERVAL = Duration.ofSeconds(5);

    private final AppConfig config;
    private final Database db;
    private final UserService userService;
    private final CabinetService cabinetService;
    private final InsightsService insightsService;
    private final AdminService adminService;
    private final AnswerService answerService;
    private final QueueWakeups queueWakeups;
    private final EventSink eventSink;
    private final DailyDigests dailyDigests;
    private final Duration digestCheck;
    private final TestNotifications testNotifications;
    private final NotificationService notificationService;
    private final ProductMuteService productMuteService;
    private final CabinetRepository cabinets;
    private final SyncScheduler syncScheduler;
    private final SyncService syncService;
    private final ServerMeters meters;
    private final MeterRegistry registry;
    private final DatabaseHealthCheck databaseHealth;
    private final PublicHealth publicHealth;

    /** Wires the application; its meters go to {@code registry} (Helidon's global one in production). */
    public App(AppConfig config, Database db, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.db = db;
        this.registry = registry;
        this.meters = new ServerMeters(registry);
        UserRepository users = new UserRepository(db);
        KeyVault vault = new KeyVault(config.keyEncryptionKey(), config.previousKeyEncryptionKeys());
        this.cabinets = new CabinetRepository(db, vault);
        this.userService = new UserService(users);
        this.insightsService = new InsightsService(db, new Viewer.Resolver(db, users, cabinets), clock);
        NotificationsConfig notifications =
                NotificationsConfig.from(config.config().get("notifications"));
        this.queueWakeups = new QueueWakeups(db, new QueueSignal(), clock, notifications.dueCheck());
        FanOut fanOut = new FanOut(queueWakeups, clock, meters);
        this.eventSink = new EventDetector(fanOut, clock, meters);
        this.dailyDigests = new DailyDigests(db, fanOut, clock);
        this.digestCheck = notifications.digestCheck();
        this.testNotifications = new TestNotifications(db, queueWakeups, clock);
        NotificationQueue queue = new NotificationQueue(db, queueWakeups.signal(), notifications, clock, meters);
        this.notificationService =
                new NotificationService(queue, new SettingsRepository(db, clock), testNotifications, users);
        this.productMuteService = new ProductMuteService(new ProductMuteRepository(db, clock), users);
        SyncSettings syncSettings = SyncSettings.from(config.config().get("sync"));
        WbClient wb = WbClient.from(config.config().get("wb"), meters);
        FeedSettings feedSettings = FeedSettings.from(config.config().get("feed"));
        CabinetSync cabinetSync = new CabinetSync(db, cabinets, wb, eventSink, syncSettings, clock, meters);
        this.syncScheduler = SyncScheduler.create(
                db.dataSource(),
                cabinetSync,
                new OrderFeedPoll(db, cabinets, wb, eventSink, feedSettings, clock, meters),
                syncSettings,
                feedSettings,
                null);
        SyncHealth syncHealth = new SyncHealth(db, syncSettings, clock);
        meters.gauge(
                "wbassist_queue_pending",
                "notifications waiting for delivery (leased ones included)",
                queue::pendingCount);
        meters.gauge(
                "wbassist_queue_leased",
                "notifications a bot has claimed and not yet acknowledged",
                queue::leasedCount);
        meters.gauge(
                "wbassist_queue_oldest_deliverable_age_seconds",
                "how long the oldest deliverable notification has been due",
                () -> queue.oldestDeliverableAge().toMillis() / 1000.0);
        meters.gauge(
                "wbassist_cabinets_key_invalid",
                "active cabinets whose WB key was rejected",
                syncHealth::keyInvalidCabinets);
        meters.gauge(
                "wbassist_cabinets_sync_overdue",
                "active cabinets not synced within 2 x SYNC_INTERVAL",
                syncHealth::overdueCabinets);
        SyncTrigger trigger = syncScheduler.trigger();
        // A server that does not sync does not talk to WB at all, so it cannot check keys live either.
        KeyCheck keyCheck = syncSettings.enabled()
                ? new WbKeyCheck(
                        wb,
                        config.config().get("wb.key-checks-per-minute").asInt().orElse(20))
                : KeyCheck.OFFLINE;
        this.cabinetService = new CabinetService(cabinets, users, clock, keyCheck, trigger::start);
        this.syncService = new SyncService(db, users, cabinets, trigger, clock);
        this.adminService = new AdminService(
                db, users, testNotifications, new NotificationRetry(db, queueWakeups.signal(), clock), trigger, clock);
        this.databaseHealth = new DatabaseHealthCheck(db.dbClient());
        this.publicHealth = new PublicHealth(
                () -> databaseHealth.call().status() == HealthCheckResponse.Status.UP, clock, PUBLIC_HEALTH_INTERVAL);
        this.answerService = new AnswerService(db, users, cabinets, wb, cabinetSync::markKeyInvalid, clock);
    }

    /** Opens the configured database (migrating it) and wires the application. */
    public static App create(AppConfig config) {
        Database db = Database.open(config.database());
        if (Files.isDirectory(config.dataDir())) {
            DataDirectory.secure(config.dataDir()); // the H2 files the database just created
        }
        return new App(config, db, Clock.systemUTC(), Metrics.globalRegistry());
    }

    /** Adds JSON, observability, OpenAPI and the routes to a server builder. */
    public WebServerConfig.Builder configure(WebServerConfig.Builder server) {
        return server.mediaContext(media -> media.addMediaSupport(Json.mediaSupport()))
                .directHandlers(JsonDirectHandler::register)
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder()
                                .endpoint("health/details")
                                .details(true)
                                .addCheck(databaseHealth)
                                .addCheck(new BuildHealthCheck())
                                .build())
                        .addObserver(MetricsObserver.builder()
                                .meterRegistry(registry)
                                .build())
                        .build())
                .addFeature(OpenApiFeature.create(config.config().get("openapi")))
                .routing(this::routing);
    }

    void routing(HttpRouting.Builder routing) {
        routing.addFilter(new ApiSecretFilter(config.apiSecret(), config.adminSecret()));
        ErrorHandlers.register(routing);
        routing.get(ApiSecretFilter.PUBLIC_HEALTH, publicHealth)
                .register(Users.PATH, userService)
                .register(Cabinets.PATH, cabinetService)
                .register(Syncs.PATH, syncService)
                .register(Insights.PATH, insightsService)
                .register(Answers.PATH, answerService)
                .register(Admin.PATH, adminService)
                .register(Notifications.PATH + Notifications.MUTES, productMuteService)
                .register(Notifications.PATH, notificationService);
    }

    /** Starts the background parts (scheduler, delivery signals). */
    public void start() {
        queueWakeups.start();
        syncScheduler.start(cabinets.activeIds());
        long stale = cabinets.keysToRotate();
        if (stale > 0) {
            LOG.log(
                    System.Logger.Level.INFO,
                    stale + " stored WB keys are not yet encrypted with the key-encryption key"
                            + " in use; ./run.sh rotate-key re-encrypts them (docs/operations.md)");
        }
        dailyDigests.start(digestCheck);
    }

    /** Where the sync reports stored rows (event detection and fan-out), inside its transaction. */
    public EventSink eventSink() {
        return eventSink;
    }

    /** The server's own meters (tests drive parts of the server by hand and count on the same meters). */
    public ServerMeters meters() {
        return meters;
    }

    /** Queues test notifications (the notifications and admin APIs). */
    public TestNotifications testNotifications() {
        return testNotifications;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        meters.close();
        syncScheduler.close();
        dailyDigests.close();
        queueWakeups.close();
        db.close();
    }
}
