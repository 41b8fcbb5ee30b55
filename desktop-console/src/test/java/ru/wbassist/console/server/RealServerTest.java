package ru.wbassist.console.server;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.api.AdminApi;
import ru.wbassist.console.api.CabinetSummary;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.api.NotificationRecord;
import ru.wbassist.console.api.SyncLogEntry;
import ru.wbassist.console.cabinets.CabinetsViewModel;
import ru.wbassist.console.common.Choice;
import ru.wbassist.console.connect.ConnectViewModel;
import ru.wbassist.console.connect.ConnectionSettings;
import ru.wbassist.console.notifications.NotificationsViewModel;
import ru.wbassist.console.overview.OverviewViewModel;
import ru.wbassist.console.overview.OverviewViewModel.Tile;
import ru.wbassist.console.synclogs.SyncLogsViewModel;
import ru.wbassist.console.testsend.TestSendViewModel;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.App;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.Settings;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The view models against the real server, run in-process on H2 with fixture rows written straight into its tables:
 * what the console shows is what the actual admin API answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealServerTest {

    private static final String SECRET = "console-real-server-secret";
    private static final long ANNA = 7001;
    private static final long BORIS = 7002;
    private static final long CLARA = 7003;

    private App app;
    private WebServer server;
    private AdminApi api;
    private long sneakers;
    private long deco;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        AppConfig config = AppConfig.from(Settings.load(Map.of(
                "API_SECRET_KEY", SECRET,
                "DATA_DIR", dataDir.toString(),
                "SYNC_ENABLED", "false",
                "DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("console")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")));
        app = App.create(config);
        server = app.configure(WebServer.builder().host("127.0.0.1").port(0)).build().start();
        app.start();
        app.database().inTransaction(c -> {
            insertFixture(c);
            return null;
        });
        api = new HttpAdminApi(URI.create(baseUrl()), SECRET);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Three users, two cabinets (one with a failing sync and a revoked key), five sync runs, five notifications, orders. */
    private void insertFixture(Connection c) throws SQLException {
        Instant now = Instant.now();
        long anna = user(c, ANNA, "anna", "Anna", now.minus(Duration.ofDays(10)));
        long boris = user(c, BORIS, "boris", "Boris", now.minus(Duration.ofDays(9)));
        long clara = user(c, CLARA, null, "Clara", now.minus(Duration.ofDays(8)));
        Sql.update(c, "UPDATE users SET bot_blocked_at = ? WHERE id = ?", now.minus(Duration.ofDays(1)), clara);
        sneakers = cabinet(c, "Sneakers", "hash-1", now.minus(Duration.ofDays(10)));
        deco = cabinet(c, "Home & Deco", "hash-2", now.minus(Duration.ofDays(9)));
        Sql.update(c, "UPDATE wb_cabinets SET key_invalid_since = ?, key_error = ? WHERE id = ?",
                now.minus(Duration.ofHours(1)), "WB answered 401: token revoked", deco);
        link(c, sneakers, anna, "owner", now.minus(Duration.ofDays(10)));
        link(c, deco, boris, "owner", now.minus(Duration.ofDays(9)));
        link(c, deco, anna, "member", now.minus(Duration.ofDays(5)));
        link(c, sneakers, clara, "member", now.minus(Duration.ofDays(4)));

        syncLog(c, sneakers, "orders", "success", now.minus(Duration.ofMinutes(30)), 12, null);
        syncLog(c, sneakers, "sales", "success", now.minus(Duration.ofMinutes(20)), 3, null);
        syncLog(c, deco, "orders", "success", now.minus(Duration.ofDays(2)), 5, null);
        syncLog(c, deco, "orders", "failed", now.minus(Duration.ofMinutes(10)), 0, "WB answered 401: token revoked");
        syncLog(c, sneakers, "reviews", "partial", now.minus(Duration.ofDays(3)), 7, "2 of 3 pages");

        notification(c, anna, sneakers, "new_order", "sent", null, now.minus(Duration.ofHours(3)), 1, null);
        notification(c, anna, deco, "negative_review", "failed", null, now.minus(Duration.ofHours(2)), 5,
                "Telegram 400: Bad Request: chat not found");
        notification(c, boris, deco, "new_order", "pending", null, now.minus(Duration.ofHours(1)), 0, null);
        notification(c, clara, sneakers, "critical_stock", "skipped", "bot_blocked", now.minus(Duration.ofMinutes(30)), 0, null);
        notification(c, boris, deco, "order_buyout", "sent", null, now.minus(Duration.ofDays(3)), 2,
                "Telegram 429: Too Many Requests: retry after 3");

        order(c, sneakers, "srid-1", now.minus(Duration.ofMinutes(50)));
        order(c, deco, "srid-2", now.minus(Duration.ofMinutes(40)));
    }

    private static long user(Connection c, long telegramId, String username, String firstName, Instant created)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO users (telegram_id, username, first_name, created_at) VALUES (?,?,?,?)",
                telegramId, username, firstName, created);
    }

    private static long cabinet(Connection c, String name, String keyHash, Instant created) throws SQLException {
        return Sql.insert(c, "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, created_at) VALUES (?,?,?,?)",
                name, "not-a-real-key", keyHash, created);
    }

    private static void link(Connection c, long cabinet, long user, String role, Instant joined) throws SQLException {
        Sql.update(c, "INSERT INTO cabinet_users (cabinet_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                cabinet, user, role, joined);
    }

    private static void syncLog(Connection c, long cabinet, String dataSet, String status, Instant started, int records,
                                String error) throws SQLException {
        Sql.insert(c, "INSERT INTO wb_sync_logs (cabinet_id, data_set, status, started_at, completed_at,"
                        + " records_processed, error_message) VALUES (?,?,?,?,?,?,?)",
                cabinet, dataSet, status, started, started.plusSeconds(4), records, error);
    }

    private static void notification(Connection c, long user, long cabinet, String type, String status, String reason,
                                     Instant created, int attempts, String error) throws SQLException {
        Sql.insert(c, "INSERT INTO notification_history (user_id, cabinet_id, event_type, external_id, text, created_at,"
                        + " status, suppressed_reason, deliver_after, sent_at, attempts, last_error)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                user, cabinet, type, type + "-" + created, "<b>" + type + "</b> &amp; <i>details</i>", created, status,
                reason, created, status.equals("sent") ? created.plusSeconds(1) : null, attempts, error);
    }

    private static void order(Connection c, long cabinet, String srid, Instant at) throws SQLException {
        Sql.insert(c, "INSERT INTO wb_orders (cabinet_id, srid, nm_id, order_date, last_change_date) VALUES (?,?,?,?,?)",
                cabinet, srid, 100500, at, at);
    }

    @Test
    void overviewShowsTheServersCounts() {
        OverviewViewModel model = new OverviewViewModel(api, ImmediateTasks.create());

        model.refresh();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.tiles()).extracting(Tile::label, Tile::value).contains(tuple("Users", 3L),
                tuple("Cabinets", 2L), tuple("Sync failures, 24 h", 1L), tuple("Sent, 24 h", 1L),
                tuple("Failed, 24 h", 1L), tuple("Pending, 24 h", 1L), tuple("Skipped, 24 h", 1L), tuple("Sent, 7 d", 2L));
        assertThat(model.ordersPerDay()).singleElement().satisfies(orders -> {
            assertThat(orders.points()).hasSize(14);
            assertThat(orders.points().stream().mapToLong(OverviewViewModel.Point::value).sum()).isEqualTo(2);
        });
        assertThat(model.notificationsPerDay()).extracting(OverviewViewModel.Series::name)
                .contains("new_order", "negative_review", "critical_stock", "order_buyout");
    }

    @Test
    void cabinetsShowSyncStateFilterAndUsers() {
        CabinetsViewModel model = new CabinetsViewModel(api, ImmediateTasks.create());

        model.refresh();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.visibleCabinets()).extracting(CabinetSummary::name, CabinetSummary::userCount,
                CabinetSummary::lastSyncStatus).containsExactly(tuple("Sneakers", 2, "success"),
                tuple("Home & Deco", 2, "failed"));
        CabinetSummary failing = model.visibleCabinets().get(1);
        assertThat(failing.keyValid()).isFalse();
        assertThat(failing.lastError()).contains("401");

        model.statusFilterProperty().set("failed");
        assertThat(model.visibleCabinets()).extracting(CabinetSummary::id).containsExactly(deco);

        model.selectedProperty().set(failing);
        assertThat(model.selectedUsers()).extracting(u -> u.telegramId(), u -> u.role())
                .containsExactlyInAnyOrder(tuple(BORIS, "owner"), tuple(ANNA, "member"));
    }

    @Test
    void syncLogsFilterByCabinetStatusAndDay() {
        SyncLogsViewModel model = new SyncLogsViewModel(api, ImmediateTasks.create(), Duration.ofSeconds(5));

        model.refreshAll();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.rows()).hasSize(5);
        assertThat(model.rows().getFirst().status()).isEqualTo("failed");
        assertThat(model.dataSetChoices()).extracting(Choice::value).containsExactly(null, "orders", "reviews", "sales");

        model.statusProperty().set(choice(model.statusChoices(), "failed"));
        assertThat(model.rows()).extracting(SyncLogEntry::cabinetName).containsExactly("Home & Deco");
        model.selectedProperty().set(model.rows().getFirst());
        assertThat(model.detailsProperty().get()).contains("Error: WB answered 401: token revoked");

        model.statusProperty().set(model.statusChoices().getFirst());
        model.cabinetProperty().set(choice(model.cabinetChoices(), sneakers));
        assertThat(model.rows()).extracting(SyncLogEntry::dataSet).containsExactly("sales", "orders", "reviews");

        model.fromDayProperty().set(java.time.LocalDate.now(ru.wbassist.console.common.MoscowTime.ZONE).minusDays(1));
        assertThat(model.rows()).extracting(SyncLogEntry::dataSet).containsExactly("sales", "orders");
        assertThat(model.paging().labelBinding().get()).isEqualTo("1–2 of 2");
    }

    @Test
    void notificationHistoryFiltersAndDetails() {
        NotificationsViewModel model = new NotificationsViewModel(api, ImmediateTasks.create());

        model.refreshAll();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.rows()).extracting(NotificationRecord::type).containsExactly("critical_stock", "new_order",
                "negative_review", "new_order", "order_buyout");
        assertThat(model.userChoices()).extracting(Choice::value).containsExactly(null, ANNA, BORIS, CLARA);

        model.userProperty().set(choice(model.userChoices(), ANNA));
        assertThat(model.rows()).extracting(NotificationRecord::type).containsExactly("negative_review", "new_order");

        model.userProperty().set(model.userChoices().getFirst());
        model.statusProperty().set(choice(model.statusChoices(), "skipped"));
        assertThat(model.rows()).singleElement().satisfies(n -> assertThat(n.telegramId()).isEqualTo(CLARA));
        model.selectedProperty().set(model.rows().getFirst());
        assertThat(model.detailsProperty().get()).contains("Suppressed: bot_blocked");
        assertThat(model.previewHtmlProperty().get()).isEqualTo("<b>critical_stock</b> &amp; <i>details</i>");

        model.statusProperty().set(model.statusChoices().getFirst());
        model.typeProperty().set(choice(model.typeChoices(), "new_order"));
        model.cabinetProperty().set(choice(model.cabinetChoices(), deco));
        assertThat(model.rows()).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo("pending"));
    }

    @Test
    void testSendPreviewReadsTheUsersFromTheServer() {
        TestSendViewModel model = new TestSendViewModel(api, ImmediateTasks.create(), id -> { });

        model.refresh();

        assertThat(model.activity().errorProperty().get()).isNull();
        assertThat(model.users()).extracting(u -> u.telegramId()).containsExactly(ANNA, BORIS, CLARA);
        model.userProperty().set(model.users().get(2));
        assertThat(model.previewProperty().get()).contains("Clara (7003)").contains("blocked the bot")
                .contains("Sneakers (member)");
    }

    @Test
    void connectDialogAgainstTheRealServer() {
        List<AdminApi> connected = new ArrayList<>();
        ConnectViewModel wrong = new ConnectViewModel(new ConnectionSettings(baseUrl(), Optional.of("wrong"), "test"),
                ImmediateTasks.create(), HttpAdminApi::new, connected::add);

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
