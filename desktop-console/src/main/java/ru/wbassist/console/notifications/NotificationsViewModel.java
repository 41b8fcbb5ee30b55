package ru.wbassist.console.notifications;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Admin;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Names;
import ru.wbassist.console.common.Paging;
import ru.wbassist.console.common.Tasks;

import java.util.List;

/**
 * Notification history: filters (user, cabinet, type, status), paging, and for the selected notification its
 * delivery details and the Telegram HTML the user received (the view renders it).
 */
public final class NotificationsViewModel {

    public static final int PAGE_SIZE = 50;

    private final AdminApi api;
    private final Activity activity;
    private final Paging paging = new Paging(PAGE_SIZE);
    private final ObservableList<Admin.NotificationEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> userChoices = FXCollections.observableArrayList(Choice.any("All users"));
    private final ObservableList<Choice<Long>> cabinetChoices = FXCollections.observableArrayList(Choice.any("All cabinets"));
    private final ObservableList<Choice<String>> typeChoices = FXCollections.observableArrayList(
            Choice.list("All types", Notifications.Types.ALL, t -> t, t -> t));
    private final ObservableList<Choice<String>> statusChoices = FXCollections.observableArrayList(
            Choice.list("Any status", Notifications.Types.STATUSES, s -> s, s -> s));
    private final ObjectProperty<Choice<Long>> user = new SimpleObjectProperty<>(userChoices.getFirst());
    private final ObjectProperty<Choice<Long>> cabinet = new SimpleObjectProperty<>(cabinetChoices.getFirst());
    private final ObjectProperty<Choice<String>> type = new SimpleObjectProperty<>(typeChoices.getFirst());
    private final ObjectProperty<Choice<String>> status = new SimpleObjectProperty<>(statusChoices.getFirst());
    private final ObjectProperty<Admin.NotificationEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewHtml = new ReadOnlyStringWrapper();

    public NotificationsViewModel(AdminApi api, Tasks tasks) {
        this.api = api;
        this.activity = new Activity(tasks);
        List.of(user, cabinet, type, status).forEach(filter -> filter.addListener((obs, old, now) -> {
            paging.first();
            refresh();
        }));
        selected.addListener((obs, old, record) -> {
            details.set(describe(record));
            previewHtml.set(record == null ? null : record.text());
        });
    }

    /** Loads the filter choices (users, cabinets) and the current page. */
    public void refreshAll() {
        activity.perform(() -> api.users(500, 0).items(), this::applyUsers, failure -> { });
        activity.perform(() -> api.cabinets(null, 500, 0).items(), this::applyCabinets, failure -> { });
        refresh();
    }

    public void refresh() {
        NotificationQuery query = query();
        activity.load(() -> api.notifications(query), page -> {
            paging.total(page.total());
            Long selectedId = selected.get() == null ? null : selected.get().id();
            rows.setAll(page.items());
            selected.set(rows.stream().filter(r -> selectedId != null && r.id() == selectedId).findFirst().orElse(null));
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
        return new NotificationQuery(user.get() == null ? null : user.get().value(),
                cabinet.get() == null ? null : cabinet.get().value(),
                type.get() == null ? null : type.get().value(),
                status.get() == null ? null : status.get().value(),
                null, null, paging.limit(), paging.offset());
    }

    private void applyUsers(List<Admin.UserRow> users) {
        Long current = user.get() == null ? null : user.get().value();
        userChoices.setAll(Choice.list("All users", users, Names::user, Admin.UserRow::telegramId));
        Choice.select(userChoices, current, user);
    }

    private void applyCabinets(List<Admin.CabinetRow> cabinets) {
        Long current = cabinet.get() == null ? null : cabinet.get().value();
        cabinetChoices.setAll(Choice.list("All cabinets", cabinets, c -> c.name() + " (#" + c.id() + ")", Admin.CabinetRow::id));
        Choice.select(cabinetChoices, current, cabinet);
    }

    private static String describe(Admin.NotificationEntry record) {
        if (record == null) {
            return "";
        }
        StringBuilder text = new StringBuilder()
                .append("Notification #").append(record.id()).append(" · ").append(record.type())
                .append(" · user ").append(record.telegramId())
                .append(record.cabinetId() == null ? "" : " · cabinet #" + record.cabinetId()).append('\n')
                .append("Status: ").append(record.status()).append(" · attempts: ").append(record.attempts()).append('\n')
                .append("Created: ").append(MoscowTime.format(record.createdAt()));
        if (record.sentAt() != null) {
            text.append(" · sent: ").append(MoscowTime.format(record.sentAt()));
        }
        if (record.suppressedReason() != null) {
            text.append("\nSuppressed: ").append(record.suppressedReason());
        }
        if (record.lastError() != null) {
            text.append("\nLast error: ").append(record.lastError());
        }
        if (record.imageUrl() != null) {
            text.append("\nImage: ").append(record.imageUrl());
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

    public Activity activity() {
        return activity;
    }
}
