package ru.wbassist.console.synclogs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Admin;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.SyncLogQuery;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Paging;
import ru.wbassist.console.common.Tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** Sync logs: filters (cabinet, data set, status, Moscow days), paging, live refresh and the selected run's details. */
public final class SyncLogsViewModel {

    public static final int PAGE_SIZE = 50;

    private final AdminApi api;
    private final Tasks tasks;
    private final Duration liveRefreshPeriod;
    private final Activity activity;
    private final Paging paging = new Paging(PAGE_SIZE);
    private final ObservableList<Admin.SyncLogEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> cabinetChoices = FXCollections.observableArrayList(Choice.any("All cabinets"));
    private final ObservableList<Choice<String>> dataSetChoices = FXCollections.observableArrayList(Choice.any("All data sets"));
    private final ObservableList<Choice<String>> statusChoices = FXCollections.observableArrayList(
            Choice.list("Any status", Syncs.STATUSES, s -> s, s -> s));
    private final ObjectProperty<Choice<Long>> cabinet = new SimpleObjectProperty<>(cabinetChoices.getFirst());
    private final ObjectProperty<Choice<String>> dataSet = new SimpleObjectProperty<>(dataSetChoices.getFirst());
    private final ObjectProperty<Choice<String>> status = new SimpleObjectProperty<>(statusChoices.getFirst());
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final BooleanProperty liveRefresh = new SimpleBooleanProperty(false);
    private final ObjectProperty<Admin.SyncLogEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final TreeSet<String> seenDataSets = new TreeSet<>();
    private AutoCloseable liveRefreshHandle;

    public SyncLogsViewModel(AdminApi api, Tasks tasks, Duration liveRefreshPeriod) {
        this.api = api;
        this.tasks = tasks;
        this.liveRefreshPeriod = liveRefreshPeriod;
        this.activity = new Activity(tasks);
        List.of(cabinet, dataSet, status, fromDay, toDay).forEach(filter -> filter.addListener((obs, old, now) -> {
            paging.first();
            refresh();
        }));
        liveRefresh.addListener((obs, old, on) -> toggleLiveRefresh(on));
        selected.addListener((obs, old, entry) -> details.set(describe(entry)));
    }

    /** Loads the filter choices (cabinets) and the current page. */
    public void refreshAll() {
        activity.perform(() -> api.cabinets(null, 500, 0).items(), this::applyCabinets, failure -> { });
        refresh();
    }

    public void refresh() {
        SyncLogQuery query = query();
        activity.load(() -> api.syncLogs(query), page -> {
            paging.total(page.total());
            Long selectedId = selected.get() == null ? null : selected.get().id();
            rows.setAll(page.items());
            selected.set(rows.stream().filter(r -> selectedId != null && r.id() == selectedId).findFirst().orElse(null));
            rememberDataSets(page.items());
        });
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

    SyncLogQuery query() {
        return new SyncLogQuery(cabinet.get() == null ? null : cabinet.get().value(),
                dataSet.get() == null ? null : dataSet.get().value(),
                status.get() == null ? null : status.get().value(),
                fromDay.get() == null ? null : MoscowTime.startOfDay(fromDay.get()),
                toDay.get() == null ? null : MoscowTime.startOfDay(toDay.get().plusDays(1)),
                paging.limit(), paging.offset());
    }

    private void applyCabinets(List<Admin.CabinetRow> cabinets) {
        Long current = cabinet.get() == null ? null : cabinet.get().value();
        cabinetChoices.setAll(Choice.list("All cabinets", cabinets, c -> c.name() + " (#" + c.id() + ")", Admin.CabinetRow::id));
        Choice.select(cabinetChoices, current, cabinet);
    }

    /** The server has no list of data sets; the choices grow with the data sets the logs mention. */
    private void rememberDataSets(List<Admin.SyncLogEntry> entries) {
        boolean grew = false;
        for (Admin.SyncLogEntry entry : entries) {
            grew |= entry.dataSet() != null && seenDataSets.add(entry.dataSet());
        }
        if (grew) {
            Choice<String> current = dataSet.get();
            dataSetChoices.setAll(Choice.list("All data sets", List.copyOf(seenDataSets), s -> s, s -> s));
            Choice.select(dataSetChoices, current == null ? null : current.value(), dataSet);
        }
    }

    private void toggleLiveRefresh(boolean on) {
        stopLiveRefresh();
        if (on) {
            refresh();
            liveRefreshHandle = tasks.every(liveRefreshPeriod, this::refresh);
        }
    }

    private void stopLiveRefresh() {
        if (liveRefreshHandle != null) {
            try {
                liveRefreshHandle.close();
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
            liveRefreshHandle = null;
        }
    }

    private static String describe(Admin.SyncLogEntry entry) {
        if (entry == null) {
            return "";
        }
        StringBuilder text = new StringBuilder()
                .append("Sync log #").append(entry.id()).append(" · ").append(entry.cabinetName())
                .append(" (#").append(entry.cabinetId()).append(") · ").append(entry.dataSet()).append('\n')
                .append("Status: ").append(entry.status()).append(", ").append(entry.recordsProcessed()).append(" records\n")
                .append("Started: ").append(MoscowTime.format(entry.startedAt()))
                .append(entry.completedAt() == null ? ", still running" : ", completed: " + MoscowTime.format(entry.completedAt()))
                .append('\n');
        text.append(entry.errorMessage() == null ? "No error." : "Error: " + entry.errorMessage());
        return text.toString();
    }

    public ObservableList<Admin.SyncLogEntry> rows() {
        return rows;
    }

    public Paging paging() {
        return paging;
    }

    public ObservableList<Choice<Long>> cabinetChoices() {
        return cabinetChoices;
    }

    public ObservableList<Choice<String>> dataSetChoices() {
        return dataSetChoices;
    }

    public ObservableList<Choice<String>> statusChoices() {
        return statusChoices;
    }

    public ObjectProperty<Choice<Long>> cabinetProperty() {
        return cabinet;
    }

    public ObjectProperty<Choice<String>> dataSetProperty() {
        return dataSet;
    }

    public ObjectProperty<Choice<String>> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    public ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    public BooleanProperty liveRefreshProperty() {
        return liveRefresh;
    }

    public ObjectProperty<Admin.SyncLogEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public Activity activity() {
        return activity;
    }
}
