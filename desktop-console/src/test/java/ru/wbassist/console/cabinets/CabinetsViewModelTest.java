package ru.wbassist.console.cabinets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Syncs;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.common.Confirmation;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.Texts;

class CabinetsViewModelTest {

    private CabinetsViewModel model;

    @BeforeEach
    void load() {
        model = new CabinetsViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.english());
        model.refresh();
    }

    @Test
    void showsEveryCabinet() {
        assertThat(model.visibleCabinets())
                .extracting(Admin.CabinetRow::name)
                .containsExactly("Sneakers", "Home & Deco", "Kids wear");
        assertThat(model.visibleCabinets().get(1).lastError()).isEqualTo("WB API answered 401: key revoked");
    }

    @Test
    void nameAndStatusFiltersNarrowTheRows() {
        model.nameFilterProperty().set("  DECO ");
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::id).containsExactly(2L);

        model.nameFilterProperty().set("3");
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::id).containsExactly(3L);

        model.nameFilterProperty().set("");
        model.statusFilterProperty().set("failed");
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::id).containsExactly(2L);

        model.statusFilterProperty().set(CabinetsViewModel.NEVER_SYNCED);
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::id).containsExactly(3L);

        model.statusFilterProperty().set(CabinetsViewModel.ANY_STATUS);
        assertThat(model.visibleCabinets()).hasSize(3);
    }

    @Test
    void selectingACabinetLoadsItsUsers() {
        model.selectedProperty().set(model.visibleCabinets().get(1));

        assertThat(model.selectedUsers())
                .extracting(Admin.Member::telegramId, Admin.Member::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Fixtures.BORIS, "owner"),
                        org.assertj.core.groups.Tuple.tuple(Fixtures.ANNA, "member"));

        model.selectedProperty().set(null);
        assertThat(model.selectedUsers()).isEmpty();
    }

    @Test
    void syncNowStartsASyncAndASecondOneReportsItIsRunning() {
        model.selectedProperty().set(model.visibleCabinets().getFirst());

        model.syncSelected();

        assertThat(model.messageProperty().get()).isEqualTo("Sync started for \"Sneakers\".");
        // The table was reloaded and the selection kept: the cabinet now reads "running".
        assertThat(model.selectedProperty().get().lastSyncStatus()).isEqualTo("running");

        model.syncSelected();

        assertThat(model.messageProperty().get()).isEqualTo("A sync of \"Sneakers\" is already running.");
        assertThat(model.activity().errorProperty().get()).isNull();
    }

    @Test
    void pauseAsksFirstShowsThePauseEverywhereAndResumeUndoesIt() {
        model.selectedProperty().set(model.visibleCabinets().get(1));

        model.togglePauseSelected();
        Confirmation.Request asked = model.confirmation().pendingProperty().get();
        assertThat(asked.title()).isEqualTo("Pause the sync?");
        assertThat(asked.question()).startsWith("The scheduler will skip \"Home & Deco\" (#2)");
        assertThat(asked.confirmLabel()).isEqualTo("Pause sync");
        model.confirmation().cancel();
        assertThat(model.selectedProperty().get().syncPaused()).isFalse();

        model.togglePauseSelected();
        model.confirmation().confirm();

        assertThat(model.messageProperty().get()).isEqualTo("Sync of \"Home & Deco\" paused.");
        Admin.CabinetRow paused = model.selectedProperty().get();
        assertThat(paused.syncPaused()).isTrue();
        assertThat(paused.syncPausedAt()).isNotNull();
        assertThat(model.syncState(paused)).isEqualTo("⏸ paused · failed");
        model.statusFilterProperty().set(CabinetsViewModel.PAUSED);
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::id).containsExactly(2L);
        assertThat(model.statusLabel(CabinetsViewModel.PAUSED)).isEqualTo("paused");

        model.syncSelected();
        assertThat(model.messageProperty().get()).isEqualTo("The sync of \"Home & Deco\" is paused: resume it first.");
        assertThat(model.activity().errorProperty().get()).isNull();

        model.togglePauseSelected();
        assertThat(model.confirmation().pendingProperty().get().title()).isEqualTo("Resume the sync?");
        model.confirmation().confirm();
        assertThat(model.messageProperty().get()).isEqualTo("Sync of \"Home & Deco\" resumed.");
        assertThat(model.visibleCabinets()).isEmpty();
        model.statusFilterProperty().set(CabinetsViewModel.ANY_STATUS);
        assertThat(model.selectedProperty().get().syncPaused()).isFalse();
        assertThat(model.syncState(model.selectedProperty().get())).isEqualTo("failed");
    }

    @Test
    void statusLabelsFollowTheLanguage() {
        CabinetsViewModel russian =
                new CabinetsViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.of(Language.RU));
        russian.refresh();
        assertThat(russian.statusChoices())
                .extracting(russian::statusLabel)
                .containsExactly(
                        "Любой статус", "идёт", "успешно", "ошибка", "частично", "на паузе", "не синхронизировался");
        assertThat(russian.syncState(russian.visibleCabinets().get(2))).isEqualTo("не синхронизировался");
    }

    @Test
    void theLiveOrdersColumnSaysTheSourcesStateLastPollAndLag() {
        assertThat(model.visibleCabinets())
                .extracting(model::liveOrders)
                .containsExactly(
                        "on · polled 11:59:20 · lag 55 s",
                        "off — the key lacks Analytics",
                        "slowed (Base token) · polled 11:40:00 · lag 3 h 20 min · next 14:40:00 · ⚠ last poll failed");

        CabinetsViewModel russian =
                new CabinetsViewModel(new FakeAdminApi(), ImmediateTasks.create(), Texts.of(Language.RU));
        russian.refresh();
        assertThat(russian.visibleCabinets())
                .extracting(russian::liveOrders)
                .containsExactly(
                        "вкл · опрос 11:59:20 · задержка 55 с",
                        "выкл — у ключа нет категории «Аналитика»",
                        "замедлен (токен Base) · опрос 11:40:00 · задержка 3 ч 20 мин · следующий 14:40:00"
                                + " · ⚠ последний опрос не удался");
    }

    @Test
    void aCabinetNotPolledYetOrOffForAnotherReasonSaysSo() {
        Admin.CabinetRow sneakers = model.visibleCabinets().getFirst();
        assertThat(model.liveOrders(
                        withLive(sneakers, new Syncs.LiveOrders("pending", null, null, null, null, null, null))))
                .isEqualTo("not polled yet");
        assertThat(model.liveOrders(
                        withLive(sneakers, new Syncs.LiveOrders("off", "key_rejected", null, null, null, null, null))))
                .isEqualTo("off — WB rejected the key");
        assertThat(model.liveOrders(
                        withLive(sneakers, new Syncs.LiveOrders("off", "something_new", null, null, null, null, null))))
                .isEqualTo("off");
        assertThat(model.liveOrders(withLive(
                        sneakers, new Syncs.LiveOrders("on", null, Fixtures.NOW, "success", null, null, 14L * 60 + 5))))
                .isEqualTo("on · polled 12:00:00 · lag 14 min");
    }

    private static Admin.CabinetRow withLive(Admin.CabinetRow c, Syncs.LiveOrders live) {
        return new Admin.CabinetRow(
                c.id(),
                c.name(),
                c.active(),
                c.createdAt(),
                c.userCount(),
                c.lastSyncAt(),
                c.lastSyncStatus(),
                c.lastError(),
                c.keyValid(),
                c.syncPaused(),
                c.syncPausedAt(),
                live);
    }

    @Test
    void syncNowWithoutASelectionAsksForOne() {
        model.syncSelected();

        assertThat(model.messageProperty().get()).isEqualTo("Select a cabinet first.");
    }
}
