package ru.wbassist.console.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static ru.wbassist.console.server.RealServer.ANNA;
import static ru.wbassist.console.server.RealServer.BORIS;
import static ru.wbassist.console.server.RealServer.CLARA;
import static ru.wbassist.console.server.RealServer.SECRET;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.wbassist.api.Admin;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.AdminApiException;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.cabinets.CabinetsViewModel;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.common.Texts;
import ru.wbassist.console.connect.ConnectViewModel;
import ru.wbassist.console.connect.ConnectionSettings;
import ru.wbassist.console.notifications.NotificationsViewModel;
import ru.wbassist.console.overview.OverviewViewModel;
import ru.wbassist.console.overview.OverviewViewModel.Tile;
import ru.wbassist.console.synclogs.SyncLogsViewModel;
import ru.wbassist.console.testsend.TestSendViewModel;

/**
 * The view models against the real server, run in-process on H2 with fixture rows written straight into its tables:
 * what the console shows is what the actual admin API answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealServerTest {

    private RealServer server;
    private AdminApi api;

    @BeforeAll
    void start() {
        server = new RealServer();
        api = new HttpAdminApi(URI.create(server.baseUrl()), SECRET);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void overviewShowsTheServersCounts() {
        OverviewViewModel model = new OverviewViewModel(api, ImmediateTasks.create(), Texts.english());

        model.refresh();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.tiles())
                .extracting(Tile::label, Tile::value)
                .contains(
                        tuple("Users", 3L),
                        tuple("Cabinets", 2L),
                        tuple("Sync failures, 24 h", 1L),
                        tuple("Sent, 24 h", 1L),
                        tuple("Failed, 24 h", 1L),
                        tuple("Pending, 24 h", 1L),
                        tuple("Skipped, 24 h", 1L),
                        tuple("Sent, 7 d", 2L));
        assertThat(model.ordersPerDay()).singleElement().satisfies(orders -> {
            assertThat(orders.points()).hasSize(14);
            assertThat(orders.points().stream()
                            .mapToLong(OverviewViewModel.Point::value)
                            .sum())
                    .isEqualTo(2);
        });
        assertThat(model.notificationsPerDay())
                .extracting(OverviewViewModel.Series::type)
                .contains("new_order", "negative_review", "critical_stock", "order_buyout");
    }

    @Test
    void cabinetsShowSyncStateFilterAndUsers() {
        CabinetsViewModel model = new CabinetsViewModel(api, ImmediateTasks.create(), Texts.english());

        model.refresh();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.visibleCabinets())
                .extracting(Admin.CabinetRow::name, Admin.CabinetRow::userCount, Admin.CabinetRow::lastSyncStatus)
                .containsExactly(tuple("Sneakers", 2L, "success"), tuple("Home & Deco", 2L, "failed"));
        Admin.CabinetRow failing = model.visibleCabinets().get(1);
        assertThat(failing.keyValid()).isFalse();
        assertThat(failing.lastError()).contains("401");
        // Sneakers' live order poll answered half a minute ago; Home & Deco's key lacks Analytics.
        assertThat(model.liveOrders(model.visibleCabinets().getFirst()))
                .matches("on · polled \\d\\d:\\d\\d:\\d\\d · lag 3[0-9] s");
        assertThat(model.liveOrders(failing)).isEqualTo("off — the key lacks Analytics");

        model.statusFilterProperty().set("failed");
        assertThat(model.visibleCabinets()).extracting(Admin.CabinetRow::id).containsExactly(server.deco);

        model.selectedProperty().set(failing);
        assertThat(model.selectedUsers())
                .extracting(u -> u.telegramId(), u -> u.role())
                .containsExactlyInAnyOrder(tuple(BORIS, "owner"), tuple(ANNA, "member"));
    }

    @Test
    void syncLogsFilterByCabinetStatusAndDay() {
        SyncLogsViewModel model =
                new SyncLogsViewModel(api, ImmediateTasks.create(), Texts.english(), Duration.ofSeconds(5));

        model.refreshAll();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.rows()).hasSize(5);
        assertThat(model.rows().getFirst().status()).isEqualTo("failed");
        assertThat(model.dataSetChoices())
                .extracting(Choice::value)
                .containsExactly(null, "orders", "reviews", "sales");

        model.statusProperty().set(choice(model.statusChoices(), "failed"));
        assertThat(model.rows()).extracting(Admin.SyncLogEntry::cabinetName).containsExactly("Home & Deco");
        model.selectedProperty().set(model.rows().getFirst());
        assertThat(model.detailsProperty().get()).contains("Error: WB answered 401: token revoked");

        model.statusProperty().set(model.statusChoices().getFirst());
        model.cabinetProperty().set(choice(model.cabinetChoices(), server.sneakers));
        assertThat(model.rows()).extracting(Admin.SyncLogEntry::dataSet).containsExactly("sales", "orders", "reviews");

        model.fromDayProperty()
                .set(java.time.LocalDate.now(ru.wbassist.console.common.MoscowTime.ZONE)
                        .minusDays(1));
        assertThat(model.rows()).extracting(Admin.SyncLogEntry::dataSet).containsExactly("sales", "orders");
        assertThat(model.paging().labelBinding().get()).isEqualTo("1–2 of 2");
    }

    @Test
    void notificationHistoryFiltersAndDetails() {
        NotificationsViewModel model =
                new NotificationsViewModel(api, ImmediateTasks.create(), Texts.english(), Duration.ofMillis(50));

        model.refreshAll();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.rows())
                .extracting(Admin.NotificationEntry::type)
                .containsExactly("critical_stock", "new_order", "negative_review", "new_order", "order_buyout");
        assertThat(model.userChoices()).extracting(Choice::value).containsExactly(null, ANNA, BORIS, CLARA);

        model.userProperty().set(choice(model.userChoices(), ANNA));
        assertThat(model.rows())
                .extracting(Admin.NotificationEntry::type)
                .containsExactly("negative_review", "new_order");

        model.userProperty().set(model.userChoices().getFirst());
        model.statusProperty().set(choice(model.statusChoices(), "skipped"));
        assertThat(model.rows())
                .singleElement()
                .satisfies(n -> assertThat(n.telegramId()).isEqualTo(CLARA));
        model.selectedProperty().set(model.rows().getFirst());
        assertThat(model.detailsProperty().get()).contains("Suppressed: bot_blocked");
        assertThat(model.previewHtmlProperty().get()).isEqualTo("<b>critical_stock</b> &amp; <i>details</i>");

        model.statusProperty().set(model.statusChoices().getFirst());
        model.typeProperty().set(choice(model.typeChoices(), "new_order"));
        model.cabinetProperty().set(choice(model.cabinetChoices(), server.deco));
        assertThat(model.rows())
                .singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo("pending"));
    }

    @Test
    void testSendPreviewIsTheServersRenderingWithWhatTheSendWillMeet() {
        TestSendViewModel model = new TestSendViewModel(api, ImmediateTasks.create(), Texts.english(), id -> {});

        model.refresh();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.users()).extracting(u -> u.telegramId()).containsExactly(ANNA, BORIS, CLARA);
        assertThat(model.previewActivity().errorProperty().get()).isNull();
        assertThat(model.messageHtmlBinding().get()).startsWith("🧪 <i>Тестовое уведомление</i>\n");
        model.userProperty().set(model.users().get(2));
        assertThat(model.factsBinding().get())
                .contains("To: Clara (7003)")
                .contains("Cabinets: Sneakers (member)")
                .contains("Language: ru")
                .contains("Sample from: no cabinet")
                .contains("⚠ The user blocked the bot: Telegram will refuse this message")
                .contains("⚠ None of the user's cabinets has a synced product yet");
        assertThat(model.previewProperty().get().warnings())
                .extracting(w -> w.code())
                .containsExactly("bot_blocked", "sample_product");
    }

    @Test
    void syncNowStartsTheCabinetsSync() {
        CabinetsViewModel model = new CabinetsViewModel(api, ImmediateTasks.create(), Texts.english());
        model.refresh();
        model.selectedProperty().set(model.visibleCabinets().getFirst());

        model.syncSelected();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Sync started for \"Sneakers\".");
    }

    /** On a server of its own: the send adds a row that the other tests' counts do not expect. */
    @Test
    void testSendQueuesExactlyThePreviewedMessageThatTheHistoryShows() {
        try (RealServer own = new RealServer()) {
            sendQueuesThePreviewedMessage(new HttpAdminApi(URI.create(own.baseUrl()), SECRET));
        }
    }

    private static void sendQueuesThePreviewedMessage(AdminApi api) {
        List<Long> sentTo = new ArrayList<>();
        TestSendViewModel send = new TestSendViewModel(api, ImmediateTasks.create(), Texts.english(), sentTo::add);
        send.refresh();
        send.typeProperty().set("test"); // a sample without times: the text cannot move between preview and send
        String previewed = send.messageHtmlBinding().get();
        assertThat(previewed).startsWith("🧪 <i>Тестовое уведомление</i>\n");

        send.send();

        assertThat(send.activity().errorProperty().get()).isNull();
        Admin.NotificationEntry queued = send.sentProperty().get();
        assertThat(queued).isNotNull();
        assertThat(queued.telegramId()).isEqualTo(ANNA);
        assertThat(queued.type()).isEqualTo("test");
        assertThat(queued.status()).isEqualTo("pending");
        assertThat(queued.text()).isEqualTo(previewed);
        assertThat(send.messageProperty().get()).startsWith("Queued test notification #" + queued.id() + " (Test)");
        assertThat(sentTo).containsExactly(ANNA);

        NotificationsViewModel history =
                new NotificationsViewModel(api, ImmediateTasks.create(), Texts.english(), Duration.ofMillis(50));
        history.refreshAll();
        history.showUser(ANNA);
        assertThat(history.rows().getFirst().id()).isEqualTo(queued.id());
    }

    /** On a server of its own: the retry and the pause change rows the other tests count. */
    @Test
    void retryPauseAndExportAgainstTheServer(@TempDir Path dataDir) throws Exception {
        try (RealServer own = new RealServer()) {
            AdminApi ownApi = new HttpAdminApi(URI.create(own.baseUrl()), SECRET);

            NotificationsViewModel history = new NotificationsViewModel(
                    ownApi, ImmediateTasks.create(), Texts.english(), Duration.ofMinutes(10));
            history.refreshAll();
            Admin.NotificationEntry failed = history.rows().stream()
                    .filter(n -> n.status().equals("failed"))
                    .findFirst()
                    .orElseThrow();
            history.selectedProperty().set(failed);
            history.retrySelected();
            history.confirmation().confirm();
            assertThat(history.activity().errorProperty().get()).isNull();
            Admin.NotificationEntry retry = history.rows().getFirst();
            assertThat(retry.retryOf()).isEqualTo(failed.id());
            assertThat(retry.status()).isEqualTo("pending");
            assertThat(history.messageProperty().get())
                    .isEqualTo("Notification #" + failed.id() + " queued again as #" + retry.id() + ".");
            assertThat(history.selectedProperty().get().retriedBy()).isEqualTo(retry.id());
            history.retrySelected();
            history.confirmation().confirm();
            assertThat(history.activity().errorProperty().get())
                    .startsWith("HTTP 409: notification " + failed.id() + " was retried already");

            CabinetsViewModel cabinets = new CabinetsViewModel(ownApi, ImmediateTasks.create(), Texts.english());
            cabinets.refresh();
            cabinets.selectedProperty().set(cabinets.visibleCabinets().getFirst());
            cabinets.togglePauseSelected();
            cabinets.confirmation().confirm();
            assertThat(cabinets.selectedProperty().get().syncPaused()).isTrue();
            cabinets.syncSelected();
            assertThat(cabinets.messageProperty().get())
                    .isEqualTo("The sync of \"Sneakers\" is paused: resume it first.");
            cabinets.togglePauseSelected();
            cabinets.confirmation().confirm();
            assertThat(cabinets.selectedProperty().get().syncPaused()).isFalse();

            history.statusProperty().set(choice(history.statusChoices(), "failed"));
            Path file = dataDir.resolve("failed.csv");
            history.export(file);
            byte[] csv = java.nio.file.Files.readAllBytes(file);
            assertThat(new String(csv, 0, 3, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("\u00EF\u00BB\u00BF");
            String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFid,created_at,telegram_id,").contains("\r\n" + failed.id() + ",");
            assertThat(history.messageProperty().get()).isEqualTo("Saved 1 rows to failed.csv.");
        }
    }

    @Test
    void aTestSendToAnUnknownUserIsTheServers404() {
        AdminApiException failure =
                catchThrowableOfType(AdminApiException.class, () -> api.sendTestNotification(99_999, "new_order"));

        assertThat(failure.kind()).isEqualTo(AdminApiException.Kind.NOT_FOUND);
        assertThat(failure.getMessage()).startsWith("HTTP 404");
    }

    @Test
    void aPreviewForAnUnknownUserOrTypeIsTheServersJsonError() {
        AdminApiException unknownUser =
                catchThrowableOfType(AdminApiException.class, () -> api.previewTestNotification(99_999, "new_order"));
        assertThat(unknownUser.kind()).isEqualTo(AdminApiException.Kind.NOT_FOUND);
        assertThat(unknownUser.getMessage()).isEqualTo("HTTP 404: unknown user: telegram_id 99999");

        AdminApiException badType =
                catchThrowableOfType(AdminApiException.class, () -> api.previewTestNotification(ANNA, "sms"));
        assertThat(badType.getMessage()).startsWith("HTTP 400: type must be one of new_order");
    }

    @Test
    void connectDialogAgainstTheRealServer() {
        List<AdminApi> connected = new ArrayList<>();
        ConnectViewModel wrong = new ConnectViewModel(
                new ConnectionSettings(server.baseUrl(), Optional.of("wrong"), "test"),
                ImmediateTasks.create(),
                Texts.english(),
                HttpAdminApi::new,
                connected::add);

        wrong.connect();

        assertThat(connected).isEmpty();
        assertThat(wrong.activity().errorProperty().get()).contains("rejected the secret (401 Unauthorized)");

        wrong.secretProperty().set(SECRET);
        wrong.connect();
        assertThat(connected).hasSize(1);
    }

    private static <T> Choice<T> choice(List<Choice<T>> choices, T value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }
}
