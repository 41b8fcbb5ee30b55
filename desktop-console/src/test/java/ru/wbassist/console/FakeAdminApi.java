package ru.wbassist.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
import ru.wbassist.console.demo.InMemoryAdminApi;

/**
 * The admin API over {@link Fixtures}: answers like the server would, including 401 for a wrong secret; counts the
 * sync-log calls (live refresh) and the previews, and can make previews fail or carry a photo.
 */
public final class FakeAdminApi implements AdminApi {

    private final InMemoryAdminApi data = new InMemoryAdminApi(Fixtures.data());
    private final String secret;
    private final AtomicInteger syncLogCalls = new AtomicInteger();
    private final AtomicInteger previewCalls = new AtomicInteger();
    private volatile AdminApiException previewFailure;
    private volatile String photo;
    private final Map<Long, String> failures = new ConcurrentHashMap<>();

    public FakeAdminApi() {
        this(Fixtures.SECRET);
    }

    public FakeAdminApi(String secret) {
        this.secret = secret;
    }

    /** The connect dialog's client factory: a fake that accepts only {@link Fixtures#SECRET}. */
    public static AdminApi connecting(URI uri, String secret) {
        return new FakeAdminApi(secret);
    }

    public int syncLogCalls() {
        return syncLogCalls.get();
    }

    private <T> T call(Supplier<T> answer) {
        if (!Fixtures.SECRET.equals(secret)) {
            throw AdminApiException.forStatus(401, "The server rejected the secret (401 Unauthorized).");
        }
        return answer.get();
    }

    @Override
    public Admin.Overview overview() {
        return call(data::overview);
    }

    @Override
    public Admin.Page<Admin.CabinetRow> cabinets(String nameContains, int limit, int offset) {
        return call(() -> data.cabinets(nameContains, limit, offset));
    }

    @Override
    public List<Admin.Member> cabinetUsers(long cabinetId) {
        return call(() -> data.cabinetUsers(cabinetId));
    }

    @Override
    public void startSync(long cabinetId) {
        call(() -> {
            data.startSync(cabinetId);
            return null;
        });
    }

    @Override
    public void pauseSync(long cabinetId, boolean paused) {
        call(() -> {
            data.pauseSync(cabinetId, paused);
            return null;
        });
    }

    @Override
    public byte[] exportSyncLogs(SyncLogQuery query) {
        return call(() -> csv(data.syncLogs(query).items().stream().map(l -> l.id() + "," + l.status())));
    }

    /** A stand-in for the server's CSV: the filtered rows' ids and statuses, with the byte order mark. */
    private static byte[] csv(Stream<String> rows) {
        return ("\uFEFFid,status\r\n" + rows.map(row -> row + "\r\n").collect(Collectors.joining()))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Admin.Page<Admin.SyncLogEntry> syncLogs(SyncLogQuery query) {
        syncLogCalls.incrementAndGet();
        return call(() -> data.syncLogs(query));
    }

    @Override
    public Admin.Page<Admin.NotificationEntry> notifications(NotificationQuery query) {
        return call(() -> {
            Admin.Page<Admin.NotificationEntry> page = data.notifications(query);
            return new Admin.Page<>(
                    page.items().stream()
                            .map(n -> failures.containsKey(n.id())
                                    ? new Admin.NotificationEntry(
                                            n.id(),
                                            n.telegramId(),
                                            n.cabinetId(),
                                            n.type(),
                                            "failed",
                                            null,
                                            n.text(),
                                            n.imageUrl(),
                                            n.createdAt(),
                                            null,
                                            5,
                                            failures.get(n.id()),
                                            n.retryOf(),
                                            n.retriedBy(),
                                            n.chart())
                                    : n)
                            .toList(),
                    page.total());
        });
    }

    /** From now on the notification reads as failed with this error, as when the bot gave up on it meanwhile. */
    public void markFailed(long notificationId, String error) {
        failures.put(notificationId, error);
    }

    @Override
    public byte[] exportNotifications(NotificationQuery query) {
        return call(() -> csv(data.notifications(query).items().stream().map(n -> n.id() + "," + n.status())));
    }

    @Override
    public Admin.Retried retryNotification(long notificationId) {
        return call(() -> data.retryNotification(notificationId));
    }

    @Override
    public Admin.Page<Admin.ItemToAnswer> itemsToAnswer(ItemQuery query) {
        return call(() -> data.itemsToAnswer(query));
    }

    @Override
    public Admin.Page<Admin.SentAnswer> answers(AnswerQuery query) {
        return call(() -> data.answers(query));
    }

    @Override
    public Admin.Page<Admin.UserRow> users(int limit, int offset) {
        return call(() -> data.users(limit, offset));
    }

    @Override
    public Notifications.TestQueued sendTestNotification(long telegramId, String type) {
        return call(() -> data.sendTestNotification(telegramId, type));
    }

    @Override
    public Notifications.TestPreview previewTestNotification(long telegramId, String type) {
        previewCalls.incrementAndGet();
        return call(() -> {
            if (previewFailure != null) {
                throw previewFailure;
            }
            Notifications.TestPreview preview = data.previewTestNotification(telegramId, type);
            return photo == null
                    ? preview
                    : new Notifications.TestPreview(
                            preview.telegramId(),
                            preview.type(),
                            preview.language(),
                            preview.cabinetId(),
                            preview.cabinetName(),
                            preview.text(),
                            photo,
                            preview.chart(),
                            preview.botBlocked(),
                            preview.warnings());
        });
    }

    /** From now on previews come with this photo, as the server's do when the cabinet has a product card. */
    public void previewPhoto(String url) {
        this.photo = url;
    }

    /** From now on previews fail like this (the sends still work). */
    public void failPreviews(AdminApiException failure) {
        this.previewFailure = failure;
    }

    public int previewCalls() {
        return previewCalls.get();
    }

    @Override
    public String endpoint() {
        return "fake";
    }
}
