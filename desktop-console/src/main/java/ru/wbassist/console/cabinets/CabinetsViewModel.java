package ru.wbassist.console.cabinets;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Admin;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.AdminApiException;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The cabinets table: every cabinet, filtered by name and sync status; the selected cabinet's users; sync now. */
public final class CabinetsViewModel {

    /** The status filter's "everything" entry; "never" matches cabinets that have not synced yet. */
    public static final String ANY_STATUS = "any status";
    public static final String NEVER_SYNCED = "never synced";
    private static final int MAX_CABINETS = 500;

    private final AdminApi api;
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

    public CabinetsViewModel(AdminApi api, Tasks tasks) {
        this.api = api;
        this.activity = new Activity(tasks);
        this.usersActivity = new Activity(tasks);
        List<String> statuses = new ArrayList<>(List.of(ANY_STATUS));
        statuses.addAll(Syncs.STATUSES);
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
            selected.set(selectedId == null ? null
                    : all.stream().filter(c -> c.id() == selectedId).findFirst().orElse(null));
        });
    }

    /** Starts a sync of the selected cabinet and refreshes the table so its status shows "running". */
    public void syncSelected() {
        Admin.CabinetRow cabinet = selected.get();
        if (cabinet == null) {
            message.set("Select a cabinet first.");
            return;
        }
        message.set(null);
        activity.perform(() -> {
            api.startSync(cabinet.id());
            return cabinet;
        }, started -> {
            message.set("Sync started for \"" + started.name() + "\".");
            refresh();
        }, failure -> {
            if (failure.kind() == AdminApiException.Kind.CONFLICT) {
                activity.clearError();
                message.set("A sync of \"" + cabinet.name() + "\" is already running.");
            }
        });
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

    public Activity activity() {
        return activity;
    }

    public Activity usersActivity() {
        return usersActivity;
    }
}
