package ru.wbassist.console.testsend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Notifications;
import ru.wbassist.console.FakeAdminApi;
import ru.wbassist.console.Fixtures;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.api.AdminApiException;
import ru.wbassist.console.api.NotificationQuery;
import ru.wbassist.console.common.Tasks;
import ru.wbassist.console.common.Texts;

class TestSendViewModelTest {

    private final FakeAdminApi api = new FakeAdminApi();
    private final List<Long> sentTo = new ArrayList<>();
    private TestSendViewModel model;

    @BeforeEach
    void load() {
        model = new TestSendViewModel(api, ImmediateTasks.create(), Texts.english(), sentTo::add);
        model.refresh();
    }

    @Test
    void theServersPreviewShowsTheMessageAndWhatTheSendWillMeetBeforeAnythingIsSent() {
        long historyBefore = history(Fixtures.ANNA);
        Notifications.TestPreview anna = model.previewProperty().get();
        assertThat(model.userProperty().get().telegramId()).isEqualTo(Fixtures.ANNA);
        assertThat(anna).isEqualTo(api.previewTestNotification(Fixtures.ANNA, "new_order"));
        assertThat(model.messageHtmlBinding().get())
                .isEqualTo(anna.text())
                .contains("Новый заказ")
                .contains("Sneakers");
        assertThat(model.messageTitleBinding().get()).isEqualTo("Preview: what the user will get (not sent yet)");
        assertThat(model.factsBinding().get()).isEqualTo("""
                To: Anna (@anna, 111)
                Type: New order
                Cabinets: Sneakers (owner), Home & Deco (member)
                Language: ru
                Sample from: Sneakers (cabinet #1)
                Photo: none (a plain message)""");

        model.userProperty().set(model.users().get(1));
        assertThat(model.messageHtmlBinding().get()).contains("New order").contains("Home &amp; Deco");
        assertThat(model.factsBinding().get())
                .contains("To: Boris (@boris, 222)")
                .contains("Language: en")
                .endsWith("⚠ The user's settings switch new_order notifications off; a test is delivered anyway.");

        model.typeProperty().set("critical_stock");
        assertThat(model.messageHtmlBinding().get()).contains("Critical stock");
        assertThat(model.factsBinding().get()).doesNotContain("⚠");

        model.userProperty().set(model.users().get(2));
        assertThat(model.factsBinding().get()).contains("⚠ The user blocked the bot");

        assertThat(model.sentProperty().get()).isNull();
        assertThat(sentTo).isEmpty();
        assertThat(history(Fixtures.ANNA)).isEqualTo(historyBefore);
    }

    @Test
    void everyNewTypeIsOfferedAndTheDigestsPreviewSaysItsChartGoesWithIt() {
        assertThat(model.types())
                .contains("daily_digest", "stock_runway", "price_changed", "price_quarantine", "new_question");
        assertThat(model.chartBinding().get()).isNull(); // new_order: a photo or nothing, no chart

        model.typeProperty().set("daily_digest");

        Notifications.Chart chart = model.chartBinding().get();
        assertThat(chart).isNotNull().isEqualTo(model.previewProperty().get().chart());
        assertThat(chart.title()).isEqualTo("Sneakers · 14 дней");
        assertThat(chart.days()).hasSize(14);
        assertThat(model.factsBinding().get())
                .contains("\nChart: «Sneakers · 14 дней», 14 days of orders and buyouts — the bot draws it and sends"
                        + " it as a picture with this text as its caption");

        model.typeProperty().set("price_changed");
        assertThat(model.chartBinding().get()).isNull();
        assertThat(model.factsBinding().get()).doesNotContain("Chart:");
        assertThat(model.messageHtmlBinding().get()).contains("Цена изменилась");
    }

    @Test
    void theSendQueuesThePreviewedMessageAndTheBubbleThenShowsTheQueuedOne() {
        model.typeProperty().set("negative_review");
        String previewed = model.messageHtmlBinding().get();

        model.send();

        Admin.NotificationEntry sent = model.sentProperty().get();
        assertThat(sent).isNotNull();
        assertThat(sent.type()).isEqualTo("negative_review");
        assertThat(sent.status()).isEqualTo("pending");
        // The sample's time is "now": the same text but for the minute it was rendered in.
        assertThat(withoutTime(sent.text())).isEqualTo(withoutTime(previewed));
        assertThat(model.messageHtmlBinding().get()).isEqualTo(sent.text());
        assertThat(model.messageTitleBinding().get())
                .isEqualTo("Queued notification #" + sent.id() + ", as the server stored it");
        assertThat(model.messageProperty().get())
                .isEqualTo("Queued test notification #" + sent.id() + " (Negative review) for Anna (@anna, 111).");
        assertThat(sentTo).containsExactly(Fixtures.ANNA);
        assertThat(api.notifications(NotificationQuery.ofUser(Fixtures.ANNA, 10))
                        .items()
                        .getFirst()
                        .id())
                .isEqualTo(sent.id());

        // A new choice is a new preview, not the old send.
        model.typeProperty().set("test");
        assertThat(model.sentProperty().get()).isNull();
        assertThat(model.messageTitleBinding().get()).startsWith("Preview");
        assertThat(model.messageHtmlBinding().get()).contains("Тестовое уведомление");
    }

    @Test
    void aFailedPreviewShowsTheServersErrorAndDoesNotBlockTheSend() {
        api.failPreviews(AdminApiException.forStatus(404, "HTTP 404: unknown user: telegram_id 111"));
        model.typeProperty().set("order_return");

        assertThat(model.previewActivity().errorProperty().get()).isEqualTo("HTTP 404: unknown user: telegram_id 111");
        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.messageHtmlBinding().get()).isNull();
        assertThat(model.factsBinding().get()).endsWith("No preview: the server did not give one.");
        assertThat(model.canSendBinding().get()).isTrue();
    }

    @Test
    void anAnswerForAnEarlierChoiceNeverReplacesTheCurrentOne() {
        List<Runnable> calls = new ArrayList<>();
        Tasks held = new Tasks(calls::add, Runnable::run, Executors.newSingleThreadScheduledExecutor());
        TestSendViewModel slow = new TestSendViewModel(api, held, Texts.english(), id -> {});
        slow.refresh();
        calls.removeFirst().run(); // the users; choosing the first one asks for its preview
        slow.typeProperty().set("order_buyout");
        assertThat(calls).hasSize(2);
        assertThat(slow.factsBinding().get()).endsWith("Loading the preview…");

        calls.get(1).run(); // the order_buyout preview answers first
        calls.get(0).run(); // then the stale new_order one
        assertThat(slow.previewProperty().get().type()).isEqualTo("order_buyout");
        assertThat(slow.messageHtmlBinding().get()).contains("Выкуп");
        assertThat(slow.previewActivity().busyProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadShowsTheErrorAndNotifiesNobody() {
        TestSendViewModel rejected =
                new TestSendViewModel(new FakeAdminApi("wrong"), ImmediateTasks.create(), Texts.english(), sentTo::add);
        rejected.refresh();

        assertThat(rejected.activity().errorProperty().get()).contains("401");
        assertThat(rejected.canSendBinding().get()).isFalse();
        assertThat(rejected.factsBinding().get()).isEmpty();
        rejected.send();
        assertThat(rejected.messageProperty().get()).isEqualTo("Pick a user and a type first.");
        assertThat(sentTo).isEmpty();
    }

    private long history(long telegramId) {
        return api.notifications(NotificationQuery.ofUser(telegramId, 100)).total();
    }

    private static String withoutTime(String html) {
        return html.replaceAll("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d", "<time>");
    }
}
