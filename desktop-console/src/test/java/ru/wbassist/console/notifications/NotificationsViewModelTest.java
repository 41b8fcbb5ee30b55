package ru.wbassist.console.notifications;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.common.Choice;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsViewModelTest {

    private NotificationsViewModel model;

    @BeforeEach
    void load() {
        model = new NotificationsViewModel(new FakeAdminApi(), ImmediateTasks.create());
        model.refreshAll();
    }

    @Test
    void showsTheHistoryNewestFirstWithUserChoices() {
        assertThat(model.rows()).extracting(Admin.NotificationEntry::id).containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(model.userChoices()).extracting(Choice::label)
                .containsExactly("All users", "Anna (@anna, 111)", "Boris (@boris, 222)", "Clara (333)");
        assertThat(model.paging().labelBinding().get()).isEqualTo("1–8 of 8");
    }

    @Test
    void filtersNarrowTheRows() {
        model.userProperty().set(choice(model.userChoices(), Fixtures.ANNA));
        assertThat(model.rows()).extracting(Admin.NotificationEntry::id).containsExactly(7L, 4L, 2L, 1L);

        model.typeProperty().set(choice(model.typeChoices(), "new_order"));
        assertThat(model.rows()).extracting(Admin.NotificationEntry::id).containsExactly(7L, 1L);

        model.statusProperty().set(choice(model.statusChoices(), "pending"));
        assertThat(model.rows()).extracting(Admin.NotificationEntry::id).containsExactly(7L);

        model.userProperty().set(model.userChoices().getFirst());
        model.typeProperty().set(model.typeChoices().getFirst());
        model.statusProperty().set(model.statusChoices().getFirst());
        model.cabinetProperty().set(choice(model.cabinetChoices(), 2L));
        assertThat(model.rows()).extracting(Admin.NotificationEntry::id).containsExactly(8L, 6L, 4L, 3L);
    }

    @Test
    void selectionShowsAttemptsErrorsAndTheMessageText() {
        model.selectedProperty().set(model.rows().stream().filter(n -> n.id() == 4).findFirst().orElseThrow());

        assertThat(model.detailsProperty().get())
                .contains("Notification #4 · negative_review · user 111 · cabinet #2")
                .contains("Status: failed · attempts: 5")
                .contains("Last error: Telegram 400: Bad Request: chat not found");
        assertThat(model.previewHtmlProperty().get()).startsWith("<b>Review 2/5</b>");

        model.selectedProperty().set(model.rows().stream().filter(n -> n.id() == 5).findFirst().orElseThrow());
        assertThat(model.detailsProperty().get()).contains("Suppressed: bot_blocked");
    }

    @Test
    void showUserClearsOtherFiltersAndShowsThatUsersHistory() {
        model.typeProperty().set(choice(model.typeChoices(), "key_invalid"));

        model.showUser(Fixtures.BORIS);

        assertThat(model.userProperty().get().value()).isEqualTo(Fixtures.BORIS);
        assertThat(model.typeProperty().get().value()).isNull();
        assertThat(model.rows()).extracting(Admin.NotificationEntry::id).containsExactly(8L, 6L, 3L);
    }

    private static <T> Choice<T> choice(List<Choice<T>> choices, T value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }
}
