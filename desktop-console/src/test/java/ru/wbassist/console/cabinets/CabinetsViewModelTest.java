package ru.wbassist.console.cabinets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;

import static org.assertj.core.api.Assertions.assertThat;

class CabinetsViewModelTest {

    private CabinetsViewModel model;

    @BeforeEach
    void load() {
        model = new CabinetsViewModel(new FakeAdminApi(), ImmediateTasks.create());
        model.refresh();
    }

    @Test
    void showsEveryCabinet() {
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::name)
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

        assertThat(model.selectedUsers()).extracting(Admin.Member::telegramId, Admin.Member::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Fixtures.BORIS, "owner"),
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
    void syncNowWithoutASelectionAsksForOne() {
        model.syncSelected();

        assertThat(model.messageProperty().get()).isEqualTo("Select a cabinet first.");
    }
}
