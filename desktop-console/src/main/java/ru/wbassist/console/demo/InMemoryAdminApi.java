package ru.wbassist.console.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.AdminApiException;
import ru.wbassist.console.api.AnswerQuery;
import ru.wbassist.console.api.ItemQuery;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.api.SyncLogQuery;
import ru.wbassist.console.common.MoscowTime;

/**
 * The admin API answered from memory, with the filtering, paging and ordering docs/api.md describes:
 * the console's {@code --demo-data} mode (screenshots without a server) and the fake behind its tests.
 */
public final class InMemoryAdminApi implements AdminApi {

    private static final String DEFAULT_SYNC_DATA_SET = "orders";

    private final Instant now;
    private final List<Admin.UserRow> users;
    private final List<Admin.CabinetRow> cabinets;
    private final Map<Long, List<Admin.Member>> members;
    private final List<Admin.SyncLogEntry> syncLogs;
    private final List<Admin.NotificationEntry> notifications;
    private final List<Admin.DayCount> ordersPerDay;
    private final List<Admin.ItemToAnswer> itemsToAnswer;
    private final List<Admin.SentAnswer> answers;

    public InMemoryAdminApi(DemoData data) {
        this.now = data.now();
        this.users = List.copyOf(data.users());
        this.cabinets = new ArrayList<>(data.cabinets());
        this.members = Map.copyOf(data.members());
        this.syncLogs = new ArrayList<>(data.syncLogs());
        this.notifications = new ArrayList<>(data.notifications());
        this.ordersPerDay = List.copyOf(data.ordersPerDay());
        this.itemsToAnswer = List.copyOf(data.itemsToAnswer());
        this.answers = List.copyOf(data.answers());
    }

    @Override
    public synchronized Admin.Overview overview() {
        Instant dayAgo = now.minus(Duration.ofHours(24));
        Instant weekAgo = now.minus(Duration.ofDays(7));
        LocalDate firstDay = LocalDate.ofInstant(now, MoscowTime.ZONE).minusDays(13);
        Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
        notifications.stream()
                .filter(n ->
                        !n.createdAt().atZone(MoscowTime.ZONE).toLocalDate().isBefore(firstDay))
                .forEach(n -> perDay.computeIfAbsent(
                                n.createdAt().atZone(MoscowTime.ZONE).toLocalDate(), day -> new TreeMap<>())
                        .merge(n.type(), 1L, Long::sum));
        List<Admin.TypeCount> notificationsPerDay = new ArrayList<>();
        perDay.forEach((day, byType) ->
                byType.forEach((type, count) -> notificationsPerDay.add(new Admin.TypeCount(day, type, count))));
        long syncFailures = syncLogs.stream()
                .filter(log -> log.status().equals("failed") && !log.startedAt().isBefore(dayAgo))
                .count();
        return new Admin.Overview(
                users.size(),
                cabinets.size(),
                stats(dayAgo),
                stats(weekAgo),
                syncFailures,
                notificationsPerDay,
                ordersPerDay);
    }

    private Admin.Window stats(Instant since) {
        List<Admin.NotificationEntry> recent = notifications.stream()
                .filter(n -> !n.createdAt().isBefore(since))
                .toList();
        return new Admin.Window(
                recent.stream().collect(Collectors.groupingBy(Admin.NotificationEntry::status, Collectors.counting())),
                recent.stream().collect(Collectors.groupingBy(Admin.NotificationEntry::type, Collectors.counting())));
    }

    @Override
    public synchronized Admin.Page<Admin.CabinetRow> cabinets(String nameContains, int limit, int offset) {
        String needle = nameContains == null ? "" : nameContains.toLowerCase(Locale.ROOT);
        return page(
                cabinets.stream()
                        .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(needle))
                        .sorted(Comparator.comparingLong(Admin.CabinetRow::id)),
                limit,
                offset);
    }

    @Override
    public synchronized List<Admin.Member> cabinetUsers(long cabinetId) {
        cabinet(cabinetId);
        return members.getOrDefault(cabinetId, List.of());
    }

    @Override
    public synchronized void startSync(long cabinetId) {
        Admin.CabinetRow cabinet = cabinet(cabinetId);
        if (cabinet.syncPaused()) {
            throw AdminApiException.forStatus(
                    409, "HTTP 409: the sync of cabinet " + cabinetId + " is paused; resume it first");
        }
        if ("running".equals(cabinet.lastSyncStatus())) {
            throw AdminApiException.forStatus(409, "HTTP 409: a sync of cabinet " + cabinetId + " is already running");
        }
        Instant started = current();
        long id = syncLogs.stream().mapToLong(Admin.SyncLogEntry::id).max().orElse(0) + 1;
        syncLogs.add(new Admin.SyncLogEntry(
                id, cabinetId, cabinet.name(), DEFAULT_SYNC_DATA_SET, "running", started, null, 0, null));
        cabinets.set(
                cabinets.indexOf(cabinet),
                new Admin.CabinetRow(
                        cabinet.id(),
                        cabinet.name(),
                        cabinet.active(),
                        cabinet.createdAt(),
                        cabinet.userCount(),
                        started,
                        "running",
                        null,
                        cabinet.keyValid(),
                        cabinet.syncPaused(),
                        cabinet.syncPausedAt(),
                        cabinet.liveOrders()));
    }

    @Override
    public synchronized void pauseSync(long cabinetId, boolean paused) {
        Admin.CabinetRow cabinet = cabinet(cabinetId);
        Instant pausedAt = !paused ? null : cabinet.syncPaused() ? cabinet.syncPausedAt() : current();
        cabinets.set(
                cabinets.indexOf(cabinet),
                new Admin.CabinetRow(
                        cabinet.id(),
                        cabinet.name(),
                        cabinet.active(),
                        cabinet.createdAt(),
                        cabinet.userCount(),
                        cabinet.lastSyncAt(),
                        cabinet.lastSyncStatus(),
                        cabinet.lastError(),
                        cabinet.keyValid(),
                        paused,
                        pausedAt,
                        cabinet.liveOrders()));
    }

    @Override
    public byte[] exportSyncLogs(SyncLogQuery query) {
        throw noExport();
    }

    @Override
    public byte[] exportNotifications(NotificationQuery query) {
        throw noExport();
    }

    /** The CSV files are the server's own; the demo data set has none to give. */
    private static AdminApiException noExport() {
        return AdminApiException.forStatus(400, "CSV export needs a server: the demo data set cannot export.");
    }

    /** As the server does: a new pending row pointing at the failed one, which stays; one retry per failed row. */
    @Override
    public synchronized Admin.Retried retryNotification(long notificationId) {
        Admin.NotificationEntry failed = notifications.stream()
                .filter(n -> n.id() == notificationId)
                .findFirst()
                .orElseThrow(
                        () -> AdminApiException.forStatus(404, "HTTP 404: unknown notification " + notificationId));
        if (!failed.status().equals("failed")) {
            throw AdminApiException.forStatus(
                    409,
                    "HTTP 409: notification " + notificationId + " is " + failed.status()
                            + "; only a failed notification can be retried");
        }
        if (failed.retriedBy() != null) {
            throw AdminApiException.forStatus(
                    409,
                    "HTTP 409: notification " + notificationId + " was retried already as notification "
                            + failed.retriedBy());
        }
        long id = notifications.stream()
                        .mapToLong(Admin.NotificationEntry::id)
                        .max()
                        .orElse(0)
                + 1;
        notifications.set(
                notifications.indexOf(failed),
                new Admin.NotificationEntry(
                        failed.id(),
                        failed.telegramId(),
                        failed.cabinetId(),
                        failed.type(),
                        failed.status(),
                        failed.suppressedReason(),
                        failed.text(),
                        failed.imageUrl(),
                        failed.createdAt(),
                        failed.sentAt(),
                        failed.attempts(),
                        failed.lastError(),
                        failed.retryOf(),
                        id,
                        failed.chart()));
        notifications.add(new Admin.NotificationEntry(
                id,
                failed.telegramId(),
                failed.cabinetId(),
                failed.type(),
                "pending",
                null,
                failed.text(),
                failed.imageUrl(),
                current(),
                null,
                0,
                null,
                notificationId,
                null,
                failed.chart()));
        return new Admin.Retried(id, notificationId, "pending");
    }

    @Override
    public synchronized Admin.Page<Admin.SyncLogEntry> syncLogs(SyncLogQuery query) {
        Predicate<Admin.SyncLogEntry> filter =
                log -> (query.cabinetId() == null || log.cabinetId() == query.cabinetId())
                        && matches(query.dataSet(), log.dataSet())
                        && matches(query.status(), log.status())
                        && (query.from() == null || !log.startedAt().isBefore(query.from()))
                        && (query.to() == null || log.startedAt().isBefore(query.to()));
        return page(
                syncLogs.stream()
                        .filter(filter)
                        .sorted(Comparator.comparing(Admin.SyncLogEntry::startedAt)
                                .thenComparing(Admin.SyncLogEntry::id)
                                .reversed()),
                query.limit(),
                query.offset());
    }

    @Override
    public synchronized Admin.Page<Admin.NotificationEntry> notifications(NotificationQuery query) {
        Predicate<Admin.NotificationEntry> filter =
                n -> (query.telegramId() == null || n.telegramId() == query.telegramId())
                        && (query.cabinetId() == null || Objects.equals(n.cabinetId(), query.cabinetId()))
                        && matches(query.type(), n.type())
                        && matches(query.status(), n.status())
                        && (query.from() == null || !n.createdAt().isBefore(query.from()))
                        && (query.to() == null || n.createdAt().isBefore(query.to()));
        return page(
                notifications.stream()
                        .filter(filter)
                        .sorted(Comparator.comparingLong(Admin.NotificationEntry::id)
                                .reversed()),
                query.limit(),
                query.offset());
    }

    @Override
    public synchronized Admin.Page<Admin.ItemToAnswer> itemsToAnswer(ItemQuery query) {
        if (query.cabinetId() != null) {
            cabinet(query.cabinetId());
        }
        return page(
                itemsToAnswer.stream()
                        .filter(i -> (query.cabinetId() == null || i.cabinetId() == query.cabinetId())
                                && matches(query.kind(), i.kind())
                                && (query.answered() == null || i.answered() == query.answered()))
                        .sorted(Comparator.comparing(Admin.ItemToAnswer::createdDate)
                                .reversed()),
                query.limit(),
                query.offset());
    }

    @Override
    public synchronized Admin.Page<Admin.SentAnswer> answers(AnswerQuery query) {
        if (query.cabinetId() != null) {
            cabinet(query.cabinetId());
        }
        return page(
                answers.stream()
                        .filter(a -> (query.cabinetId() == null || a.cabinetId() == query.cabinetId())
                                && matches(query.kind(), a.kind())
                                && matches(query.status(), a.status()))
                        .sorted(Comparator.comparing(Admin.SentAnswer::createdAt)
                                .thenComparing(Admin.SentAnswer::id)
                                .reversed()),
                query.limit(),
                query.offset());
    }

    @Override
    public synchronized Admin.Page<Admin.UserRow> users(int limit, int offset) {
        return page(users.stream().sorted(Comparator.comparingLong(Admin.UserRow::telegramId)), limit, offset);
    }

    @Override
    public synchronized Notifications.TestQueued sendTestNotification(long telegramId, String type) {
        Notifications.TestPreview message = previewTestNotification(telegramId, type);
        Instant created = current();
        long id = notifications.stream()
                        .mapToLong(Admin.NotificationEntry::id)
                        .max()
                        .orElse(0)
                + 1;
        notifications.add(new Admin.NotificationEntry(
                id,
                telegramId,
                message.cabinetId(),
                type,
                "pending",
                null,
                message.text(),
                message.imageUrl(),
                created,
                null,
                0,
                null,
                null,
                null,
                message.chart()));
        return new Notifications.TestQueued(id, type);
    }

    /**
     * The send's message, built as the send builds it, with the server's warnings about a blocked bot and the
     * settings (not quiet hours: the demo's clock is the wall clock, so they would come and go).
     */
    @Override
    public synchronized Notifications.TestPreview previewTestNotification(long telegramId, String type) {
        Admin.UserRow user = users.stream()
                .filter(u -> u.telegramId() == telegramId)
                .findFirst()
                .orElseThrow(
                        () -> AdminApiException.forStatus(404, "HTTP 404: unknown user: telegram_id " + telegramId));
        if (!Notifications.Types.ALL.contains(type)) {
            throw AdminApiException.forStatus(
                    400, "HTTP 400: type must be one of " + String.join(", ", Notifications.Types.ALL));
        }
        Admin.CabinetLink cabinet =
                user.cabinets().isEmpty() ? null : user.cabinets().getFirst();
        Notifications.Settings settings = user.settings();
        String language = settings == null ? "ru" : settings.language();
        String text = SampleTexts.render(
                type, language, cabinet == null ? "—" : cabinet.name(), SampleTexts.PRODUCTS.getFirst(), current());
        return new Notifications.TestPreview(
                telegramId,
                type,
                language,
                cabinet == null ? null : cabinet.id(),
                cabinet == null ? null : cabinet.name(),
                text,
                null,
                type.equals(Notifications.Types.DAILY_DIGEST)
                        ? SampleTexts.digestChart(language, cabinet == null ? "—" : cabinet.name(), current())
                        : null,
                user.botBlocked(),
                warnings(user, type));
    }

    private static List<Notifications.TestPreview.Warning> warnings(Admin.UserRow user, String type) {
        List<Notifications.TestPreview.Warning> warnings = new ArrayList<>();
        if (user.botBlocked()) {
            warnings.add(new Notifications.TestPreview.Warning(
                    "bot_blocked",
                    "The user blocked the bot: Telegram will refuse this message until they write to the bot again."));
        }
        Notifications.Settings settings = user.settings();
        if (settings != null && !(settings.notificationsEnabled() && settings.wants(type))) {
            warnings.add(new Notifications.TestPreview.Warning(
                    settings.notificationsEnabled() ? "type_disabled" : "notifications_off",
                    "The user's settings switch " + type + " notifications off; a test is delivered anyway."));
        }
        return warnings;
    }

    @Override
    public String endpoint() {
        return "demo data (no server)";
    }

    /** The wall clock, but never before the data set's "now", so new rows sort after the data set's. */
    private Instant current() {
        Instant wall = Instant.now();
        return wall.isAfter(now) ? wall : now;
    }

    private Admin.CabinetRow cabinet(long id) {
        return cabinets.stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> AdminApiException.forStatus(404, "HTTP 404: no cabinet " + id));
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static <T> Admin.Page<T> page(Stream<T> rows, int limit, int offset) {
        List<T> all = rows.toList();
        return new Admin.Page<>(all.stream().skip(offset).limit(limit).toList(), all.size());
    }
}
