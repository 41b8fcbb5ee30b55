package ru.wbassist.console.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.Confirmation;
import ru.wbassist.console.common.Language;
import ru.wbassist.console.common.Texts;

class NotificationsViewModelTest {

    private FakeAdminApi api;
    private NotificationsViewModel model;

    @BeforeEach
    void load() {
        api = new FakeAdminApi();
        model = new NotificationsViewModel(api, ImmediateTasks.create(), Texts.english(), Duration.ofMinutes(10));
        model.refreshAll();
    }

    @Test
    void theTypeFilterOffersTheNewTypesByTheirNames() {
        assertThat(model.typeChoices())
                .extracting(Choice::label)
                .contains(
                        "Daily digest",
                        "Running out soon",
                        "Price changed",
                        "Price in quarantine",
                        "Customer question");
        assertThat(model.typeChoices())
                .extracting(Choice::value)
                .contains("daily_digest", "stock_runway", "price_changed", "price_quarantine", "new_question");

        model.typeProperty()
                .set(model.typeChoices().stream()
                        .filter(c -> "daily_digest".equals(c.value()))
                        .findFirst()
                        .orElseThrow());
        assertThat(model.query().type()).isEqualTo("daily_digest");
        assertThat(model.rows()).isEmpty(); // the fixture history holds no digest
    }

    @Test
    void aDigestsDetailsSayItsChartGoesWithIt() {
        Admin.NotificationEntry newOrder = row(1);
        Notifications.Chart chart = new Notifications.Chart(
                "Sneakers · 14 days",
                "Orders",
                "Buyouts",
                java.util.stream.IntStream.range(0, 14)
                        .mapToObj(day -> new Notifications.ChartDay(
                                LocalDate.of(2026, 11, 13).plusDays(day),
                                new Insights.Tally(4, BigDecimal.TEN),
                                new Insights.Tally(3, BigDecimal.ONE)))
                        .toList());
        model.selectedProperty()
                .set(new Admin.NotificationEntry(
                        99,
                        newOrder.telegramId(),
                        newOrder.cabinetId(),
                        "daily_digest",
                        "sent",
                        null,
                        "<b>Digest</b>",
                        null,
                        newOrder.createdAt(),
                        newOrder.sentAt(),
                        1,
                        null,
                        null,
                        null,
                        chart));

        assertThat(model.detailsProperty().get())
                .endsWith("\nChart: «Sneakers · 14 days», 14 days of orders and buyouts — the bot draws it and sends it"
                        + " as a picture with this text as its caption");
        model.selectedProperty().set(newOrder);
        assertThat(model.detailsProperty().get()).doesNotContain("Chart:");
    }

    @Test
    void retryAsksFirstThenQueuesANewAttemptAndTheHistoryShowsBoth() {
        Admin.NotificationEntry failed = row(4);
        model.selectedProperty().set(failed);
        assertThat(model.canRetry(failed)).isTrue();

        model.retrySelected();
        Confirmation.Request asked = model.confirmation().pendingProperty().get();
        assertThat(asked.title()).isEqualTo("Retry the notification?");
        assertThat(asked.question())
                .startsWith("Notification #4 (Negative review) to user 111 failed: Telegram 400:"
                        + " Bad Request: chat not found")
                .contains("the history keeps both");
        model.confirmation().cancel();
        assertThat(model.rows()).hasSize(8);
        assertThat(model.confirmation().pendingProperty().get()).isNull();

        model.retrySelected();
        model.confirmation().confirm();

        assertThat(model.messageProperty().get()).isEqualTo("Notification #4 queued again as #9.");
        Admin.NotificationEntry retry = model.rows().getFirst();
        assertThat(retry.id()).isEqualTo(9L);
        assertThat(retry.status()).isEqualTo("pending");
        assertThat(retry.retryOf()).isEqualTo(4L);
        assertThat(retry.text()).isEqualTo(failed.text());
        assertThat(row(4).status()).isEqualTo("failed");
        assertThat(row(4).retriedBy()).isEqualTo(9L);
        assertThat(model.canRetry(row(4))).isFalse();
        assertThat(model.selectedProperty().get().id()).isEqualTo(4L);
        assertThat(model.detailsProperty().get()).contains("Retried as notification #9");

        model.selectedProperty().set(retry);
        assertThat(model.detailsProperty().get()).contains("Retry of notification #4");
        model.retrySelected();
        assertThat(model.confirmation().pendingProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Only a failed notification can be retried.");
    }

    @Test
    void aRetryTheServerRefusesShowsItsReason() {
        model.selectedProperty().set(row(4));
        model.retrySelected();
        model.confirmation().confirm();
        model.selectedProperty().set(row(4));

        model.retrySelected(); // the button would be off; the server says why all the same
        model.confirmation().confirm();

        assertThat(model.activity().errorProperty().get()).contains("409").contains("retried already");
        assertThat(model.rows()).hasSize(9);
    }

    @Test
    void liveRefreshShowsAFailureThatHappenedMeanwhileUntilItIsSelected() {
        assertThat(model.freshFailures()).isEmpty(); // #4 failed before the view opened

        api.markFailed(7, "Telegram 403: Forbidden: bot was blocked by the user");
        model.liveRefreshProperty().set(true); // reloads at once, then every period

        assertThat(row(7).status()).isEqualTo("failed");
        assertThat(model.freshFailures()).containsExactly(7L);
        model.selectedProperty().set(row(7));
        assertThat(model.freshFailures()).isEmpty();
        model.liveRefreshProperty().set(false);
    }

    @Test
    void exportWritesTheServersCsvOfTheFilteredHistory(@TempDir Path dir) throws Exception {
        model.statusProperty().set(choice(model.statusChoices(), "failed"));
        Path file = dir.resolve(model.exportFileName());

        model.export(file);

        assertThat(file.getFileName().toString()).matches("notifications-\\d{8}-\\d{4}\\.csv");
        assertThat(Files.readString(file)).isEqualTo("\uFEFFid,status\r\n4,failed\r\n");
        assertThat(model.messageProperty().get()).isEqualTo("Saved 1 rows to " + file.getFileName() + ".");
    }

    @Test
    void labelsFollowTheLanguage() {
        NotificationsViewModel russian =
                new NotificationsViewModel(api, ImmediateTasks.create(), Texts.of(Language.RU), Duration.ofMinutes(10));
        russian.refreshAll();
        russian.selectedProperty()
                .set(russian.rows().stream()
                        .filter(n -> n.id() == 4)
                        .findFirst()
                        .orElseThrow());

        assertThat(russian.typeChoices()).extracting(Choice::label).startsWith("Все типы", "Новый заказ", "Выкуп");
        assertThat(russian.statusChoices())
                .extracting(Choice::label)
                .containsExactly("Любой статус", "в очереди", "отправлено", "ошибка", "пропущено");
        assertThat(russian.detailsProperty().get())
                .startsWith("Уведомление #4 · Негативный отзыв · пользователь 111")
                .contains("Статус: ошибка · попыток: 5");
        assertThat(russian.paging().labelBinding().get()).isEqualTo("1–8 из 8");
    }

    private Admin.NotificationEntry row(long id) {
        return model.rows().stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    @Test
    void showsTheHistoryNewestFirstWithUserChoices() {
        assertThat(model.rows())
                .extracting(Admin.NotificationEntry::id)
                .containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(model.userChoices())
                .extracting(Choice::label)
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
        model.selectedProperty()
                .set(model.rows().stream().filter(n -> n.id() == 4).findFirst().orElseThrow());

        assertThat(model.detailsProperty().get())
                .contains("Notification #4 · Negative review · user 111 · cabinet #2")
                .contains("Status: failed · attempts: 5")
                .contains("Last error: Telegram 400: Bad Request: chat not found");
        assertThat(model.previewHtmlProperty().get()).startsWith("<b>Review 2/5</b>");

        model.selectedProperty()
                .set(model.rows().stream().filter(n -> n.id() == 5).findFirst().orElseThrow());
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
