package ru.wbassist.console.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.common.Activity;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.common.TypeColors;

/** The overview: headline counts and the two per-day charts, as chart-neutral series. */
public final class OverviewViewModel {

    /** A labelled count for a tile. */
    public record Tile(String label, long value) {}

    /**
     * One chart series: a value per day label, the days in order, missing days as zero; {@code type} is the
     * notification type it counts (null for orders), whose {@link TypeColors colour} it is drawn in.
     */
    public record Series(String name, String type, List<Point> points) {

        public String color() {
            return type == null ? TypeColors.ORDERS : TypeColors.of(type);
        }
    }

    public record Point(String day, long value) {}

    private final AdminApi api;
    private final Texts texts;
    private final Activity activity;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<Series> notificationsPerDay = FXCollections.observableArrayList();
    private final ObservableList<Series> ordersPerDay = FXCollections.observableArrayList();

    public OverviewViewModel(AdminApi api, Tasks tasks, Texts texts) {
        this.api = api;
        this.texts = texts;
        this.activity = new Activity(tasks);
    }

    public void refresh() {
        activity.load(api::overview, this::apply);
    }

    private void apply(Admin.Overview data) {
        List<Tile> counts = new ArrayList<>();
        counts.add(new Tile(texts.get("overview.users"), data.users()));
        counts.add(new Tile(texts.get("overview.cabinets"), data.cabinets()));
        counts.add(new Tile(texts.get("overview.sync_failures"), data.syncFailures24h()));
        for (String status : Notifications.Types.STATUSES) {
            counts.add(new Tile(
                    texts.get("overview.status_24h", capitalized(texts.status(status))),
                    data.notifications24h().status(status)));
        }
        for (String status : Notifications.Types.STATUSES) {
            counts.add(new Tile(
                    texts.get("overview.status_7d", capitalized(texts.status(status))),
                    data.notifications7d().status(status)));
        }
        tiles.setAll(counts);
        notificationsPerDay.setAll(perTypeSeries(data));
        ordersPerDay.setAll(new Series(texts.get("overview.orders"), null, points(daysOf(data), dayCounts(data))));
    }

    private static String capitalized(String status) {
        return status.isEmpty() ? status : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    /** One series per type that occurred, in the order of {@link NotificationTypes#ALL}, named in the language. */
    private List<Series> perTypeSeries(Admin.Overview data) {
        List<LocalDate> days = daysOf(data);
        Map<String, Map<LocalDate, Long>> byType =
                new TreeMap<>(Comparator.<String>comparingInt(Notifications.Types.ALL::indexOf)
                        .thenComparing(Comparator.naturalOrder()));
        data.notificationsPerDay()
                .forEach(count -> byType.computeIfAbsent(count.type(), type -> new TreeMap<>())
                        .merge(count.date(), count.count(), Long::sum));
        List<Series> series = new ArrayList<>();
        byType.forEach((type, counts) -> series.add(new Series(texts.type(type), type, points(days, counts))));
        return series;
    }

    private static Map<LocalDate, Long> dayCounts(Admin.Overview data) {
        Map<LocalDate, Long> counts = new TreeMap<>();
        data.ordersPerDay().forEach(count -> counts.merge(count.date(), count.count(), Long::sum));
        return counts;
    }

    /** Every day from the first to the last one either series mentions, so both charts share their axis. */
    private static List<LocalDate> daysOf(Admin.Overview data) {
        TreeSet<LocalDate> mentioned = new TreeSet<>();
        data.notificationsPerDay().forEach(count -> mentioned.add(count.date()));
        data.ordersPerDay().forEach(count -> mentioned.add(count.date()));
        List<LocalDate> days = new ArrayList<>();
        if (!mentioned.isEmpty()) {
            for (LocalDate day = mentioned.first(); !day.isAfter(mentioned.last()); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    private static List<Point> points(List<LocalDate> days, Map<LocalDate, Long> counts) {
        return days.stream()
                .map(day -> new Point(MoscowTime.formatDay(day), counts.getOrDefault(day, 0L)))
                .toList();
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ObservableList<Series> notificationsPerDay() {
        return notificationsPerDay;
    }

    public ObservableList<Series> ordersPerDay() {
        return ordersPerDay;
    }

    public Activity activity() {
        return activity;
    }
}
