package ru.wbassist.console.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.Confirmation;
import ru.wbassist.console.common.Exports;
import ru.wbassist.console.common.FreshFailures;
import ru.wbassist.console.common.LiveRefresh;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Names;
import ru.wbassist.console.common.Paging;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

/**
 * Notification history: filters (user, cabinet, type, status), paging, live refresh with new failures highlighted,
 * and for the selected notification its delivery details and the Telegram HTML the user received (the view renders
 * it); a failed one can be retried (after the operator confirms), and the filtered list exported as CSV.
 */
public final class NotificationsViewModel {

    public static final int PAGE_SIZE = 50;

    private final AdminApi api;
    private final Texts texts;
    private final Activity activity;
    private final Paging paging;
    private final ObservableList<Admin.NotificationEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> userChoices;
    private final ObservableList<Choice<Long>> cabinetChoices;
    private final ObservableList<Choice<String>> typeChoices;
    private final ObservableList<Choice<String>> statusChoices;
    private final ObjectProperty<Choice<Long>> user;
    private final ObjectProperty<Choice<Long>> cabinet;
    private final ObjectProperty<Choice<String>> type;
    private final ObjectProperty<Choice<String>> status;
    private final ObjectProperty<Admin.NotificationEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewHtml = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final LiveRefresh liveRefresh;
    private final FreshFailures<Admin.NotificationEntry> freshFailures =
            new FreshFailures<>(Admin.NotificationEntry::id, n -> "failed".equals(n.status()));
    private final Confirmation confirmation = new Confirmation();

    public NotificationsViewModel(AdminApi api, Tasks tasks, Texts texts, Duration liveRefreshPeriod) {
        this.api = api;
        this.texts = texts;
        this.activity = new Activity(tasks);
        this.paging = new Paging(PAGE_SIZE, texts);
        userChoices = FXCollections.observableArrayList(Choice.any(texts.get("common.all_users")));
        cabinetChoices = FXCollections.observableArrayList(Choice.any(texts.get("common.all_cabinets")));
        typeChoices = FXCollections.observableArrayList(
                Choice.list(texts.get("common.all_types"), Notifications.Types.ALL, texts::type, t -> t));
        statusChoices = FXCollections.observableArrayList(
                Choice.list(texts.get("common.any_status"), Notifications.Types.STATUSES, texts::status, s -> s));
        user = new SimpleObjectProperty<>(userChoices.getFirst());
        cabinet = new SimpleObjectProperty<>(cabinetChoices.getFirst());
        type = new SimpleObjectProperty<>(typeChoices.getFirst());
        status = new SimpleObjectProperty<>(statusChoices.getFirst());
        this.liveRefresh = new LiveRefresh(tasks, liveRefreshPeriod, this::refresh);
        List.of(user, cabinet, type, status)
                .forEach(filter -> filter.addListener((obs, old, now) -> {
                    paging.first();
                    refresh();
                }));
        selected.addListener((obs, old, record) -> {
            details.set(describe(record));
            previewHtml.set(record == null ? null : record.text());
            freshFailures.seen(record);
        });
    }

    /** Loads the filter choices (users, cabinets) and the current page. */
    public void refreshAll() {
        activity.perform(() -> api.users(500, 0).items(), this::applyUsers, failure -> {});
        activity.perform(() -> api.cabinets(null, 500, 0).items(), this::applyCabinets, failure -> {});
        refresh();
    }

    public void refresh() {
        NotificationQuery query = query();
        activity.load(() -> api.notifications(query), page -> {
            paging.total(page.total());
            Long selectedId = selected.get() == null ? null : selected.get().id();
            freshFailures.update(page.items());
            rows.setAll(page.items());
            selected.set(rows.stream()
                    .filter(r -> selectedId != null && r.id() == selectedId)
                    .findFirst()
                    .orElse(null));
        });
    }

    /** Shows one user's history (the test-send view jumps here after a send). */
    public void showUser(long telegramId) {
        cabinet.set(cabinetChoices.getFirst());
        type.set(typeChoices.getFirst());
        status.set(statusChoices.getFirst());
        Choice.select(userChoices, telegramId, user);
        if (user.get().value() == null) {
            // Not among the loaded users yet (registered after the choices loaded): filter by the id anyway.
            Choice<Long> choice = new Choice<>(String.valueOf(telegramId), telegramId);
            userChoices.add(choice);
            user.set(choice);
        }
        refresh();
    }

    /**
     * Asks to retry the selected failed notification; once confirmed, the server queues it again as a new attempt
     * and the history shows both, the new one on top.
     */
    public void retrySelected() {
        Admin.NotificationEntry record = selected.get();
        if (record == null || !"failed".equals(record.status())) {
            message.set(texts.get("notifications.retry_only_failed"));
            return;
        }
        message.set(null);
        confirmation.ask(
                texts.get("notifications.retry_title"),
                texts.get(
                        "notifications.retry_question",
                        String.valueOf(record.id()),
                        texts.type(record.type()),
                        String.valueOf(record.telegramId()),
                        record.lastError() == null ? "—" : record.lastError()),
                texts.get("notifications.retry"),
                () -> activity.perform(
                        () -> api.retryNotification(record.id()),
                        result -> {
                            message.set(texts.get(
                                    "notifications.retried",
                                    String.valueOf(result.retryOf()),
                                    String.valueOf(result.id())));
                            refresh();
                        },
                        failure -> {}));
    }

    /** Whether the selected notification can be retried (the Retry button is enabled). */
    public boolean canRetry(Admin.NotificationEntry record) {
        return record != null && "failed".equals(record.status()) && record.retriedBy() == null;
    }

    /** Writes the whole filtered history (every page) as the server's CSV to {@code file}, and says how many rows. */
    public void export(Path file) {
        NotificationQuery query = query();
        Exports.save(activity, () -> api.exportNotifications(query), file, texts, message::set);
    }

    public String exportFileName() {
        return Exports.fileName("notifications");
    }

    public void nextPage() {
        if (paging.next()) {
            refresh();
        }
    }

    public void previousPage() {
        if (paging.previous()) {
            refresh();
        }
    }

    NotificationQuery query() {
        return new NotificationQuery(
                user.get() == null ? null : user.get().value(),
                cabinet.get() == null ? null : cabinet.get().value(),
                type.get() == null ? null : type.get().value(),
                status.get() == null ? null : status.get().value(),
                null,
                null,
                paging.limit(),
                paging.offset());
    }

    private void applyUsers(List<Admin.UserRow> users) {
        Long current = user.get() == null ? null : user.get().value();
        userChoices.setAll(Choice.list(texts.get("common.all_users"), users, Names::user, Admin.UserRow::telegramId));
        Choice.select(userChoices, current, user);
    }

    private void applyCabinets(List<Admin.CabinetRow> cabinets) {
        Long current = cabinet.get() == null ? null : cabinet.get().value();
        cabinetChoices.setAll(Choice.list(
                texts.get("common.all_cabinets"),
                cabinets,
                c -> c.name() + " (#" + c.id() + ")",
                Admin.CabinetRow::id));
        Choice.select(cabinetChoices, current, cabinet);
    }

    private String describe(Admin.NotificationEntry record) {
        if (record == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(texts.get(
                "notifications.details",
                String.valueOf(record.id()),
                texts.type(record.type()),
                String.valueOf(record.telegramId()),
                record.cabinetId() == null ? "—" : "#" + record.cabinetId(),
                texts.status(record.status()),
                record.attempts(),
                MoscowTime.format(record.createdAt())));
        if (record.sentAt() != null) {
            text.append(texts.get("notifications.sent_at", MoscowTime.format(record.sentAt())));
        }
        if (record.suppressedReason() != null) {
            text.append('\n').append(texts.get("notifications.suppressed", record.suppressedReason()));
        }
        if (record.lastError() != null) {
            text.append('\n').append(texts.get("notifications.last_error", record.lastError()));
        }
        if (record.retryOf() != null) {
            text.append('\n').append(texts.get("notifications.retry_of", String.valueOf(record.retryOf())));
        }
        if (record.retriedBy() != null) {
            text.append('\n').append(texts.get("notifications.retried_by", String.valueOf(record.retriedBy())));
        }
        if (record.imageUrl() != null) {
            text.append('\n').append(texts.get("notifications.image", record.imageUrl()));
        }
        if (record.chart() != null) {
            text.append('\n')
                    .append(texts.get(
                            "message.chart",
                            record.chart().title(),
                            record.chart().days().size()));
        }
        return text.toString();
    }

    public ObservableList<Admin.NotificationEntry> rows() {
        return rows;
    }

    public Paging paging() {
        return paging;
    }

    public ObservableList<Choice<Long>> userChoices() {
        return userChoices;
    }

    public ObservableList<Choice<Long>> cabinetChoices() {
        return cabinetChoices;
    }

    public ObservableList<Choice<String>> typeChoices() {
        return typeChoices;
    }

    public ObservableList<Choice<String>> statusChoices() {
        return statusChoices;
    }

    public ObjectProperty<Choice<Long>> userProperty() {
        return user;
    }

    public ObjectProperty<Choice<Long>> cabinetProperty() {
        return cabinet;
    }

    public ObjectProperty<Choice<String>> typeProperty() {
        return type;
    }

    public ObjectProperty<Choice<String>> statusProperty() {
        return status;
    }

    public ObjectProperty<Admin.NotificationEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewHtmlProperty() {
        return previewHtml.getReadOnlyProperty();
    }

    public BooleanProperty liveRefreshProperty() {
        return liveRefresh.enabledProperty();
    }

    public ObservableSet<Long> freshFailures() {
        return freshFailures.fresh();
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Activity activity() {
        return activity;
    }
}
