package ru.wbassist.console.synclogs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Syncs;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.SyncLogQuery;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.Exports;
import ru.wbassist.console.common.FreshFailures;
import ru.wbassist.console.common.LiveRefresh;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Paging;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

/**
 * Sync logs: filters (cabinet, data set, status, Moscow days), paging, live refresh with new failures highlighted,
 * the selected run's details, and the filtered list exported as CSV.
 */
public final class SyncLogsViewModel {

    public static final int PAGE_SIZE = 50;

    private final AdminApi api;
    private final Texts texts;
    private final Activity activity;
    private final Paging paging;
    private final ObservableList<Admin.SyncLogEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> cabinetChoices;
    private final ObservableList<Choice<String>> dataSetChoices;
    private final ObservableList<Choice<String>> statusChoices;
    private final ObjectProperty<Choice<Long>> cabinet;
    private final ObjectProperty<Choice<String>> dataSet;
    private final ObjectProperty<Choice<String>> status;
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final LiveRefresh liveRefresh;
    private final FreshFailures<Admin.SyncLogEntry> freshFailures =
            new FreshFailures<>(Admin.SyncLogEntry::id, entry -> "failed".equals(entry.status()));
    private final ObjectProperty<Admin.SyncLogEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final TreeSet<String> seenDataSets = new TreeSet<>();

    public SyncLogsViewModel(AdminApi api, Tasks tasks, Texts texts, Duration liveRefreshPeriod) {
        this.api = api;
        this.texts = texts;
        this.activity = new Activity(tasks);
        this.paging = new Paging(PAGE_SIZE, texts);
        cabinetChoices = FXCollections.observableArrayList(Choice.any(texts.get("common.all_cabinets")));
        dataSetChoices = FXCollections.observableArrayList(Choice.any(texts.get("sync.all_data_sets")));
        statusChoices = FXCollections.observableArrayList(
                Choice.list(texts.get("common.any_status"), Syncs.STATUSES, texts::status, s -> s));
        cabinet = new SimpleObjectProperty<>(cabinetChoices.getFirst());
        dataSet = new SimpleObjectProperty<>(dataSetChoices.getFirst());
        status = new SimpleObjectProperty<>(statusChoices.getFirst());
        this.liveRefresh = new LiveRefresh(tasks, liveRefreshPeriod, this::refresh);
        List.of(cabinet, dataSet, status, fromDay, toDay)
                .forEach(filter -> filter.addListener((obs, old, now) -> {
                    paging.first();
                    refresh();
                }));
        selected.addListener((obs, old, entry) -> {
            details.set(describe(entry));
            freshFailures.seen(entry);
        });
    }

    /** Loads the filter choices (cabinets) and the current page. */
    public void refreshAll() {
        activity.perform(() -> api.cabinets(null, 500, 0).items(), this::applyCabinets, failure -> {});
        refresh();
    }

    public void refresh() {
        SyncLogQuery query = query();
        activity.load(() -> api.syncLogs(query), page -> {
            paging.total(page.total());
            Long selectedId = selected.get() == null ? null : selected.get().id();
            freshFailures.update(page.items());
            rows.setAll(page.items());
            selected.set(rows.stream()
                    .filter(r -> selectedId != null && r.id() == selectedId)
                    .findFirst()
                    .orElse(null));
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

    /** Writes the whole filtered list (every page) as the server's CSV to {@code file}, and says how many rows. */
    public void export(Path file) {
        SyncLogQuery query = query();
        Exports.save(activity, () -> api.exportSyncLogs(query), file, texts, message::set);
    }

    /** The file name the save dialog proposes. */
    public String exportFileName() {
        return Exports.fileName("sync-logs");
    }

    SyncLogQuery query() {
        return new SyncLogQuery(
                cabinet.get() == null ? null : cabinet.get().value(),
                dataSet.get() == null ? null : dataSet.get().value(),
                status.get() == null ? null : status.get().value(),
                fromDay.get() == null ? null : MoscowTime.startOfDay(fromDay.get()),
                toDay.get() == null ? null : MoscowTime.startOfDay(toDay.get().plusDays(1)),
                paging.limit(),
                paging.offset());
    }

    private void applyCabinets(List<Admin.CabinetRow> cabinets) {
        Long current = cabinet.get() == null ? null : cabinet.get().value();
        cabinetChoices.setAll(
                Choice.list(texts.get("common.all_cabinets"), cabinets, this::cabinetLabel, Admin.CabinetRow::id));
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
            dataSetChoices.setAll(
                    Choice.list(texts.get("sync.all_data_sets"), List.copyOf(seenDataSets), s -> s, s -> s));
            Choice.select(dataSetChoices, current == null ? null : current.value(), dataSet);
        }
    }

    /** "Sneakers (#1)", and "⏸" after a cabinet whose sync is paused. */
    private String cabinetLabel(Admin.CabinetRow cabinet) {
        return cabinet.name() + " (#" + cabinet.id() + ")"
                + (cabinet.syncPaused() ? " ⏸ " + texts.status("paused") : "");
    }

    private String describe(Admin.SyncLogEntry entry) {
        if (entry == null) {
            return "";
        }
        return texts.get(
                "sync.details",
                String.valueOf(entry.id()),
                entry.cabinetName(),
                String.valueOf(entry.cabinetId()),
                entry.dataSet(),
                texts.status(entry.status()),
                entry.recordsProcessed(),
                MoscowTime.format(entry.startedAt()),
                entry.completedAt() == null
                        ? texts.get("sync.still_running")
                        : texts.get("sync.completed", MoscowTime.format(entry.completedAt())),
                entry.errorMessage() == null
                        ? texts.get("sync.no_error")
                        : texts.get("sync.error", entry.errorMessage()));
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
        return liveRefresh.enabledProperty();
    }

    public ObservableSet<Long> freshFailures() {
        return freshFailures.fresh();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
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
