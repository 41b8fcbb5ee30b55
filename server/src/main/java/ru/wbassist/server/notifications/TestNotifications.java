package ru.wbassist.server.notifications;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.TooManyRequests;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventType;
import ru.wbassist.server.time.Moscow;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;

/**
 * Queues a realistic sample of a notification type for one user, marked as a test and delivered at once (no
 * settings, quiet hours or grouping apply: the user or an operator asked for it). The sample uses a real product
 * of the user's cabinet when there is one, so the photo and title look like the real thing. {@link #preview} builds
 * the same message through the same code without queueing it, so an operator sees it before sending.
 */
public final class TestNotifications {

    /** Test notifications one user may queue per hour: each is a row and a Telegram message. */
    public static final int MAX_PER_HOUR = 20;

    private final Database db;
    private final QueueWakeups wakeups;
    private final Clock clock;

    public TestNotifications(Database db, QueueWakeups wakeups, Clock clock) {
        this.db = db;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    /**
     * @param type a type code of docs/api.md ({@code new_order} … {@code test})
     * @return the id of the queued item
     * @throws ru.wbassist.api.NotFound for an unknown user
     * @throws InvalidRequest on {@code type} for an unknown type
     * @throws ru.wbassist.api.TooManyRequests when the user queued {@link #MAX_PER_HOUR} in the last hour
     */
    public long queue(long telegramId, String type) {
        EventType eventType = eventType(type);
        long id = db.inTransaction(c -> {
            // the user's row lock makes the count and the insert one step for concurrent requests
            UserRepository.find(c, telegramId, true).orElseThrow(() -> UserService.unknown(telegramId));
            Draft draft = draft(c, telegramId, eventType);
            long lastHour = Sql.queryLong(
                    c,
                    "SELECT COUNT(*) FROM notification_history WHERE user_id = ?"
                            + " AND external_id LIKE 'test:%' AND created_at > ?",
                    draft.user().id(),
                    draft.at().minus(Duration.ofHours(1)));
            if (lastHour >= MAX_PER_HOUR) {
                throw new TooManyRequests(
                        "at most " + MAX_PER_HOUR + " test notifications per user and hour; try again later");
            }
            wakeups.queuedIn(c);
            return Sql.insert(
                    c,
                    "INSERT INTO notification_history (user_id, cabinet_id, event_type, external_id, text,"
                            + " image_url, chart, created_at, status, deliver_after) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    draft.user().id(),
                    draft.cabinetId(),
                    eventType.code(),
                    "test:" + UUID.randomUUID(),
                    draft.card().text(),
                    draft.card().imageUrl(),
                    Renderer.StoredChart.toJson(draft.card().chart()),
                    draft.at(),
                    "pending",
                    draft.at());
        });
        return id;
    }

    /**
     * What {@link #queue} would queue now, and what the operator should know about it; reads only.
     *
     * @throws RuntimeException as {@link #queue}
     */
    public Notifications.TestPreview preview(long telegramId, String type) {
        EventType eventType = eventType(type);
        return db.withConnection(c -> {
            Draft draft = draft(c, telegramId, eventType);
            Notifications.Settings settings =
                    SettingsRepository.read(c, draft.user().id());
            return new Notifications.TestPreview(
                    telegramId,
                    eventType.code(),
                    draft.user().language(),
                    draft.cabinetId(),
                    draft.cabinetName(),
                    draft.card().text(),
                    draft.card().imageUrl(),
                    draft.card().chart(),
                    draft.user().botBlocked(),
                    warnings(draft, settings));
        });
    }

    private static EventType eventType(String type) {
        return EventType.ofCode(type)
                .orElseThrow(() -> new InvalidRequest(
                        "type",
                        "type must be one of "
                                + String.join(
                                        ", ",
                                        List.of(EventType.values()).stream()
                                                .map(EventType::code)
                                                .toList())));
    }

    /** The message for the user as of now: the one place a test notification is built, for the send and the preview. */
    private Draft draft(Connection c, long telegramId, EventType type) throws SQLException {
        User user = UserRepository.find(c, telegramId, false).orElseThrow(() -> UserService.unknown(telegramId));
        Optional<Sample> product = product(c, user.id());
        Instant now = clock.instant();
        EventFacts facts = sample(type, product.orElse(Sample.FALLBACK), now);
        String cabinetName = product.map(Sample::cabinetName).orElse(null);
        Renderer.Rendered card = Renderer.forLanguage(user.language()).renderTest(type, facts, cabinetName);
        return new Draft(user, type, facts, product, card, now);
    }

    private record Draft(
            User user, EventType type, EventFacts facts, Optional<Sample> product, Renderer.Rendered card, Instant at) {

        Long cabinetId() {
            return product.map(Sample::cabinetId).orElse(null);
        }

        String cabinetName() {
            return product.map(Sample::cabinetName).orElse(null);
        }

        /** A product's event told with the made-up sample product: no cabinet of the user has a synced one. */
        boolean madeUpProduct() {
            return product.isEmpty() && !(facts instanceof EventFacts.Key || facts instanceof EventFacts.Test);
        }
    }

    /**
     * What the send will meet. A blocked bot stops the delivery; the settings and quiet hours do not (a test passes
     * them), but the operator should know the user would not get a real notification of this type now.
     */
    private static List<Notifications.TestPreview.Warning> warnings(Draft draft, Notifications.Settings settings) {
        List<Notifications.TestPreview.Warning> warnings = new ArrayList<>();
        if (draft.user().botBlocked()) {
            warnings.add(new Notifications.TestPreview.Warning(
                    DeliveryRules.BOT_BLOCKED,
                    "The user blocked the bot: Telegram will refuse this message until they write to the bot again."));
        }
        if (!settings.notificationsEnabled()) {
            warnings.add(new Notifications.TestPreview.Warning(
                    DeliveryRules.NOTIFICATIONS_OFF,
                    "The user turned notifications off;" + " a test is delivered anyway."));
        } else if (!settings.wants(draft.type().code())) {
            warnings.add(new Notifications.TestPreview.Warning(
                    DeliveryRules.TYPE_DISABLED,
                    "The user switched " + draft.type().code() + " notifications off; a test is delivered anyway."));
        }
        NotificationSettings.quietHours(settings)
                .filter(q -> q.releaseAt(draft.at()).isAfter(draft.at()))
                .ifPresent(q -> warnings.add(new Notifications.TestPreview.Warning(
                        Notifications.TestPreview.QUIET_HOURS,
                        "It is within the user's quiet hours ("
                                + settings.quietHoursStart() + "–" + settings.quietHoursEnd()
                                + " MSK); a test is delivered at once anyway.")));
        if (draft.madeUpProduct()) {
            warnings.add(new Notifications.TestPreview.Warning(
                    Notifications.TestPreview.SAMPLE_PRODUCT,
                    "None of the user's cabinets has a synced"
                            + " product yet: the message shows a made-up product without a photo."));
        }
        return List.copyOf(warnings);
    }

    /** A product to show: the most recently synced card of one of the user's cabinets. */
    private record Sample(
            Long cabinetId, String cabinetName, long nmId, String title, String vendorCode, String imageUrl) {
        static final Sample FALLBACK =
                new Sample(null, null, 123456789L, "Футболка оверсайз хлопок", "TSH-OVER-BLK", null);
    }

    private static Optional<Sample> product(Connection c, long userId) throws SQLException {
        return Sql.queryOne(
                c,
                """
                        SELECT p.cabinet_id, w.name, p.nm_id, p.title, p.vendor_code, p.image_url
                          FROM cabinet_users cu JOIN wb_cabinets w ON w.id = cu.cabinet_id
                          JOIN wb_products p ON p.cabinet_id = cu.cabinet_id
                         WHERE cu.user_id = ? ORDER BY p.synced_at DESC, p.nm_id LIMIT 1""",
                rs -> new Sample(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                userId);
    }

    private static EventFacts sample(EventType type, Sample p, Instant now) {
        Instant earlier = now.minus(Duration.ofMinutes(7));
        return switch (type) {
            case NEW_ORDER, ORDER_CANCELLATION ->
                new EventFacts.Order(
                        "test-" + now.toEpochMilli(),
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        "M",
                        new BigDecimal("2490"),
                        40,
                        new BigDecimal("1494"),
                        new BigDecimal("1299"),
                        "Коледино",
                        "Московская область",
                        earlier,
                        type == EventType.ORDER_CANCELLATION ? now : null,
                        p.imageUrl(),
                        12,
                        new BigDecimal("17928"),
                        37,
                        new BigDecimal("12.3"),
                        new BigDecimal("0.8700"),
                        "Склад WB",
                        type == EventType.ORDER_CANCELLATION ? "app" : null);
            case ORDER_BUYOUT, ORDER_RETURN ->
                new EventFacts.Sale(
                        (type == EventType.ORDER_BUYOUT ? "S" : "R") + "9993700024",
                        "test-" + now.toEpochMilli(),
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        "M",
                        new BigDecimal("1494"),
                        new BigDecimal("1284.01"),
                        "Коледино",
                        "Московская область",
                        earlier,
                        p.imageUrl(),
                        type == EventType.ORDER_RETURN ? Boolean.FALSE : null);
            case NEGATIVE_REVIEW ->
                new EventFacts.Review(
                        "test-review",
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        2,
                        "Ткань тоньше, чем на фото, после стирки села на размер.",
                        "Цвет как на фото",
                        "Качество ткани",
                        "Николай",
                        earlier,
                        p.imageUrl());
            case NEW_QUESTION ->
                new EventFacts.Question(
                        "test-question",
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        "Подскажите, маломерит или в размер? Обычно ношу M.",
                        earlier,
                        p.imageUrl());
            case CRITICAL_STOCK ->
                new EventFacts.Stock(
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        7,
                        3,
                        List.of(
                                new EventFacts.WarehouseLevel("Коледино", 2),
                                new EventFacts.WarehouseLevel("Казань", 1)),
                        p.imageUrl());
            case STOCK_RUNWAY -> sampleRunway(p);
            case PRICE_CHANGED ->
                new EventFacts.Price(
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        new BigDecimal("2490"),
                        30,
                        new BigDecimal("1743"),
                        new BigDecimal("2490"),
                        45,
                        new BigDecimal("1369"),
                        p.imageUrl());
            case PRICE_QUARANTINE ->
                new EventFacts.Price(
                        p.nmId(),
                        p.title(),
                        p.vendorCode(),
                        new BigDecimal("2490"),
                        30,
                        new BigDecimal("1743"),
                        null,
                        30,
                        new BigDecimal("435"),
                        p.imageUrl());
            case DAILY_DIGEST -> sampleDigest(p, now);
            case KEY_INVALID -> new EventFacts.Key("401 Unauthorized: token is expired", null, null);
            case KEY_EXPIRING -> new EventFacts.Key(null, 3, now.plus(Duration.ofDays(3)));
            case TEST -> new EventFacts.Test("WB Assist → Telegram");
        };
    }

    private static EventFacts.Runway sampleRunway(Sample p) {
        return new EventFacts.Runway(
                p.nmId(), p.title(), p.vendorCode(), 37, new BigDecimal("9.2"), new BigDecimal("4.0"), p.imageUrl());
    }

    private static EventFacts.Digest sampleDigest(Sample p, Instant now) {
        LocalDate today = Moscow.day(now);
        List<EventFacts.ChartDay> chart = new ArrayList<>();
        for (int back = 13; back >= 0; back--) {
            int orders = 40 + (back * 7) % 23;
            chart.add(new EventFacts.ChartDay(
                    today.minusDays(back),
                    new EventFacts.CountSum(orders, BigDecimal.valueOf(orders * 1494L)),
                    new EventFacts.CountSum(orders * 3 / 4, BigDecimal.valueOf(orders * 3 / 4 * 1494L))));
        }
        return new EventFacts.Digest(
                today.minusDays(1),
                null,
                new EventFacts.DigestFigures(
                        52, new BigDecimal("77688"), 39, new BigDecimal("58266"), 6, 2, new BigDecimal("0.9512")),
                new EventFacts.DigestFigures(
                        46, new BigDecimal("68724"), 35, new BigDecimal("52290"), 7, 3, new BigDecimal("0.9211")),
                List.of(
                        new EventFacts.TopLine(p.nmId(), p.title(), 12, new BigDecimal("17928")),
                        new EventFacts.TopLine(987654321L, "Худи oversize с капюшоном", 8, new BigDecimal("23920")),
                        new EventFacts.TopLine(555444333L, "Носки хлопковые, 5 пар", 6, new BigDecimal("2994"))),
                NotificationSettings.DEFAULT_RUNWAY_DAYS,
                List.of(sampleRunway(p)),
                4,
                2,
                chart);
    }
}
