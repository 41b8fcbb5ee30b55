package ru.wbassist.console.synclogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.wbassist.api.Admin;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.common.Texts;

class SyncLogsViewModelTest {

    private FakeAdminApi api;
    private SyncLogsViewModel model;

    @BeforeEach
    void load() {
        api = new FakeAdminApi();
        model = new SyncLogsViewModel(api, ImmediateTasks.create(), Texts.english(), Duration.ofMillis(50));
        model.refreshAll();
    }

    @Test
    void firstPageIsNewestFirstWithTheTotal() {
        assertThat(model.rows()).hasSize(SyncLogsViewModel.PAGE_SIZE);
        assertThat(model.rows()).extracting(Admin.SyncLogEntry::id).startsWith(63L, 62L, 60L, 59L);
        assertThat(model.paging().labelBinding().get()).isEqualTo("1–50 of 63");
        assertThat(model.cabinetChoices())
                .extracting(Choice::label)
                .containsExactly("All cabinets", "Sneakers (#1)", "Home & Deco (#2)", "Kids wear (#3)");
        assertThat(model.dataSetChoices())
                .extracting(Choice::value)
                .containsExactly(null, "orders", "reviews", "stocks");
    }

    @Test
    void pagingMovesThroughTheRuns() {
        model.nextPage();

        assertThat(model.rows()).hasSize(13);
        assertThat(model.paging().labelBinding().get()).isEqualTo("51–63 of 63");
        assertThat(model.paging().hasNextBinding().get()).isFalse();
        // Run 61 failed two days ago: the oldest.
        assertThat(model.rows().getLast().id()).isEqualTo(61L);

        model.previousPage();
        assertThat(model.rows().getFirst().id()).isEqualTo(63L);
    }

    @Test
    void filtersNarrowTheRowsAndGoBackToTheFirstPage() {
        model.nextPage();

        model.statusProperty().set(choice(model.statusChoices(), "failed"));

        assertThat(model.rows()).extracting(Admin.SyncLogEntry::id).containsExactly(62L, 61L);
        assertThat(model.paging().labelBinding().get()).isEqualTo("1–2 of 2");

        model.fromDayProperty().set(LocalDate.ofInstant(Fixtures.NOW_MSK, MoscowTime.ZONE));
        assertThat(model.rows()).extracting(Admin.SyncLogEntry::id).containsExactly(62L);

        model.statusProperty().set(model.statusChoices().getFirst());
        model.fromDayProperty().set(null);
        model.cabinetProperty().set(choice(model.cabinetChoices(), 1L));
        model.dataSetProperty().set(choice(model.dataSetChoices(), "reviews"));
        assertThat(model.rows()).extracting(Admin.SyncLogEntry::id).containsExactly(63L);

        model.toDayProperty()
                .set(LocalDate.ofInstant(Fixtures.NOW_MSK, MoscowTime.ZONE).minusDays(1));
        assertThat(model.rows()).isEmpty();
        assertThat(model.paging().labelBinding().get()).isEqualTo("No rows");
    }

    @Test
    void selectedRunShowsItsErrorInFull() {
        model.selectedProperty().set(model.rows().get(1));

        assertThat(model.detailsProperty().get())
                .contains("Sync log #62 · Home & Deco (#2) · stocks")
                .contains("Status: failed, 0 records")
                .contains("Error: WB API answered 401: key revoked");
    }

    @Test
    void liveRefreshReloadsUntilSwitchedOff() {
        int before = api.syncLogCalls();

        model.liveRefreshProperty().set(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.syncLogCalls() >= before + 4);

        model.liveRefreshProperty().set(false);
        int stopped = api.syncLogCalls();
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> api.syncLogCalls() <= stopped + 1);
    }

    @Test
    void exportWritesTheServersCsvOfTheFilteredRuns(@TempDir Path dir) throws Exception {
        model.statusProperty().set(choice(model.statusChoices(), "failed"));
        Path file = dir.resolve(model.exportFileName());

        model.export(file);

        assertThat(file.getFileName().toString()).matches("sync-logs-\\d{8}-\\d{4}\\.csv");
        assertThat(Files.readString(file)).isEqualTo("\uFEFFid,status\r\n62,failed\r\n61,failed\r\n");
        assertThat(model.messageProperty().get()).isEqualTo("Saved 2 rows to " + file.getFileName() + ".");
    }

    private static <T> Choice<T> choice(List<Choice<T>> choices, T value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }
}
