package ru.wbassist.console.cabinets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Syncs;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.AdminApiException;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Confirmation;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

/**
 * The cabinets table: every cabinet, filtered by name and sync status; the selected cabinet's users; sync now, and
 * pause or resume its sync (after the operator confirms).
 */
public final class CabinetsViewModel {

    /** The status filter's "everything" entry; "never" matches cabinets that have not synced yet. */
    public static final String ANY_STATUS = "any";

    public static final String NEVER_SYNCED = "never";
    /** Matches cabinets whose sync an operator paused, whatever their last run's status. */
    public static final String PAUSED = "paused";

    private static final int MAX_CABINETS = 500;

    private final AdminApi api;
    private final Texts texts;
    private final Activity activity;
    private final Activity usersActivity;
    private final ObservableList<Admin.CabinetRow> all = FXCollections.observableArrayList();
    private final FilteredList<Admin.CabinetRow> visible = new FilteredList<>(all);
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(ANY_STATUS);
    private final ObservableList<String> statusChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Admin.CabinetRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<Admin.Member> selectedUsers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final Confirmation confirmation = new Confirmation();

    public CabinetsViewModel(AdminApi api, Tasks tasks, Texts texts) {
        this.api = api;
        this.texts = texts;
        this.activity = new Activity(tasks);
        this.usersActivity = new Activity(tasks);
        List<String> statuses = new ArrayList<>(List.of(ANY_STATUS));
        statuses.addAll(Syncs.STATUSES);
        statuses.add(PAUSED);
        statuses.add(NEVER_SYNCED);
        statusChoices.setAll(statuses);
        nameFilter.addListener((obs, old, now) -> updateFilter());
        statusFilter.addListener((obs, old, now) -> updateFilter());
        selected.addListener((obs, old, now) -> loadUsers(now));
    }

    public void refresh() {
        activity.load(() -> api.cabinets(null, MAX_CABINETS, 0), page -> {
            Long selectedId = selected.get() == null ? null : selected.get().id();
            all.setAll(page.items());
            // Keep the operator's selection across refreshes (the table re-selects by identity).
            selected.set(
                    selectedId == null
                            ? null
                            : all.stream()
                                    .filter(c -> c.id() == selectedId)
                                    .findFirst()
                                    .orElse(null));
        });
    }

    /** Starts a sync of the selected cabinet and refreshes the table so its status shows "running". */
    public void syncSelected() {
        Admin.CabinetRow cabinet = selected.get();
        if (cabinet == null) {
            message.set(texts.get("cabinets.select_first"));
            return;
        }
        message.set(null);
        activity.perform(
                () -> {
                    api.startSync(cabinet.id());
                    return cabinet;
                },
                started -> {
                    message.set(texts.get("cabinets.sync_started", started.name()));
                    refresh();
                },
                failure -> {
                    if (failure.kind() == AdminApiException.Kind.CONFLICT) {
                        activity.clearError();
                        message.set(texts.get(
                                cabinet.syncPaused() ? "cabinets.sync_paused_refused" : "cabinets.sync_running",
                                cabinet.name()));
                    }
                });
    }

    /**
     * Asks to pause the selected cabinet's sync, or to resume it when it is paused; once confirmed, does it and
     * reloads the table so the cabinet shows its new state.
     */
    public void togglePauseSelected() {
        Admin.CabinetRow cabinet = selected.get();
        if (cabinet == null) {
            message.set(texts.get("cabinets.select_first"));
            return;
        }
        boolean pause = !cabinet.syncPaused();
        String verb = pause ? "pause" : "resume";
        confirmation.ask(
                texts.get("cabinets." + verb + "_title"),
                texts.get("cabinets." + verb + "_question", cabinet.name(), cabinet.id()),
                texts.get("cabinets." + verb),
                () -> {
                    message.set(null);
                    activity.perform(
                            () -> {
                                api.pauseSync(cabinet.id(), pause);
                                return cabinet;
                            },
                            done -> {
                                message.set(texts.get("cabinets." + verb + "d", done.name()));
                                refresh();
                            },
                            failure -> {});
                });
    }

    /** The label of a status filter choice. */
    public String statusLabel(String choice) {
        return ANY_STATUS.equals(choice)
                ? texts.get("common.any_status")
                : NEVER_SYNCED.equals(choice) ? texts.status("never") : texts.status(choice);
    }

    /** What the status column shows: "paused" before the last run's status while an operator paused it. */
    public String syncState(Admin.CabinetRow cabinet) {
        String last = cabinet.lastSyncStatus() == null ? texts.status("never") : texts.status(cabinet.lastSyncStatus());
        return cabinet.syncPaused() ? "⏸ " + texts.status(PAUSED) + " · " + last : last;
    }

    /**
     * What the live orders column shows: the live order source's state (WB's order feed), when it was last polled,
     * how old the live view is, and for a Base token when WB lets it poll next.
     */
    public String liveOrders(Admin.CabinetRow cabinet) {
        Syncs.LiveOrders live = cabinet.liveOrders();
        if (live == null || live.state() == null || "pending".equals(live.state())) {
            return texts.get("live.pending");
        }
        if ("off".equals(live.state())) {
            String reason = "live.off." + live.reason();
            return texts.keys().contains(reason) ? texts.get(reason) : texts.get("live.off");
        }
        StringBuilder text = new StringBuilder(texts.get("slowed".equals(live.state()) ? "live.slowed" : "live.on"));
        if (live.lastPollAt() != null) {
            text.append(" · ").append(texts.get("live.polled", MoscowTime.formatTime(live.lastPollAt())));
        }
        if (live.lagSeconds() != null) {
            text.append(" · ").append(texts.get("live.lag", duration(live.lagSeconds())));
        }
        if ("slowed".equals(live.state()) && live.nextPollAt() != null) {
            text.append(" · ").append(texts.get("live.next", MoscowTime.formatTime(live.nextPollAt())));
        }
        if ("failed".equals(live.lastStatus())) {
            text.append(" · ⚠ ").append(texts.get("live.failed"));
        }
        return text.toString();
    }

    /** "55 s", "12 min", "2 h 40 min". */
    private String duration(long seconds) {
        if (seconds < 60) {
            return texts.get("duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return texts.get("duration.minutes", seconds / 60);
        }
        return texts.get("duration.hours", seconds / 3600, seconds % 3600 / 60);
    }

    private void loadUsers(Admin.CabinetRow cabinet) {
        if (cabinet == null) {
            selectedUsers.clear();
            return;
        }
        usersActivity.load(() -> api.cabinetUsers(cabinet.id()), selectedUsers::setAll);
    }

    private void updateFilter() {
        String text = nameFilter.get() == null ? "" : nameFilter.get().trim().toLowerCase(Locale.ROOT);
        String status = statusFilter.get() == null ? ANY_STATUS : statusFilter.get();
        Predicate<Admin.CabinetRow> byName = c -> text.isEmpty()
                || (c.name() != null && c.name().toLowerCase(Locale.ROOT).contains(text))
                || String.valueOf(c.id()).equals(text);
        Predicate<Admin.CabinetRow> byStatus = c -> switch (status) {
            case ANY_STATUS -> true;
            case NEVER_SYNCED -> c.lastSyncStatus() == null;
            case PAUSED -> c.syncPaused();
            default -> status.equals(c.lastSyncStatus());
        };
        visible.setPredicate(byName.and(byStatus));
    }

    public ObservableList<Admin.CabinetRow> visibleCabinets() {
        return visible;
    }

    public int totalCabinets() {
        return all.size();
    }

    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    public ObjectProperty<String> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<String> statusChoices() {
        return statusChoices;
    }

    public ObjectProperty<Admin.CabinetRow> selectedProperty() {
        return selected;
    }

    public ObservableList<Admin.Member> selectedUsers() {
        return selectedUsers;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Confirmation confirmation() {
        return confirmation;
    }

    public Activity activity() {
        return activity;
    }

    public Activity usersActivity() {
        return usersActivity;
    }
}
