package ru.wbassist.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.common.Texts;

class OverviewViewModelTest {

    @Test
    void tilesCountUsersCabinetsFailuresAndNotificationsByStatus() {
        OverviewViewModel model = new OverviewViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.english());

        model.refresh();

        assertThat(model.tiles())
                .extracting(OverviewViewModel.Tile::label, OverviewViewModel.Tile::value)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Users", 3L),
                        org.assertj.core.groups.Tuple.tuple("Cabinets", 3L),
                        // Run 62 failed 5 minutes ago; run 61 two days ago is outside the 24 hours.
                        org.assertj.core.groups.Tuple.tuple("Sync failures, 24 h", 1L),
                        // Notifications 4..8 are from the last 24 hours: 4 failed, 5 skipped, 6 and 8 sent, 7 pending.
                        org.assertj.core.groups.Tuple.tuple("Sent, 24 h", 2L),
                        org.assertj.core.groups.Tuple.tuple("Failed, 24 h", 1L),
                        org.assertj.core.groups.Tuple.tuple("Pending, 24 h", 1L),
                        org.assertj.core.groups.Tuple.tuple("Skipped, 7 d", 2L),
                        org.assertj.core.groups.Tuple.tuple("Sent, 7 d", 4L));
        assertThat(model.activity().errorProperty().get()).isNull();
    }

    @Test
    void chartSeriesShareEveryDayWithZeroesForQuietDays() {
        OverviewViewModel model = new OverviewViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.english());

        model.refresh();

        // Orders on 24.11, 26.11 and 27.11; notifications from 24.11 on: four days on both axes.
        assertThat(model.ordersPerDay())
                .singleElement()
                .satisfies(series -> assertThat(series.points())
                        .extracting(OverviewViewModel.Point::day, OverviewViewModel.Point::value)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("24.11", 5L),
                                org.assertj.core.groups.Tuple.tuple("25.11", 0L),
                                org.assertj.core.groups.Tuple.tuple("26.11", 7L),
                                org.assertj.core.groups.Tuple.tuple("27.11", 2L)));
        assertThat(model.notificationsPerDay())
                .extracting(OverviewViewModel.Series::name)
                .containsExactly("New order", "Buyout", "Return", "Negative review", "Critical stock", "Key invalid");
        OverviewViewModel.Series newOrders = model.notificationsPerDay().stream()
                .filter(s -> s.type().equals("new_order"))
                .findFirst()
                .orElseThrow();
        assertThat(newOrders.points())
                .extracting(OverviewViewModel.Point::value)
                .containsExactly(1L, 0L, 1L, 1L);
    }

    @Test
    void aRejectedSecretShowsTheErrorAndNoTiles() {
        OverviewViewModel model =
                new OverviewViewModel(new FakeAdminApi("wrong"), ImmediateTasks.create(), Texts.english());

        model.refresh();

        assertThat(model.tiles()).isEmpty();
        assertThat(model.activity().errorProperty().get()).contains("401");
        assertThat(model.activity().busyProperty().get()).isFalse();
    }
}
