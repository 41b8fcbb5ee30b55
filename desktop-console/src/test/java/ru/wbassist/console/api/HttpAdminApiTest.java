package ru.wbassist.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Syncs;

/** {@link HttpAdminApi} against a tiny JDK HTTP server answering the JSON shapes of docs/api.md. */
class HttpAdminApiTest {

    private static final String SECRET = "s3cr3t-value";

    private record Answer(int status, String body) {}

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpAdminApi api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        api = new HttpAdminApi(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), SECRET);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(exchange.getRequestMethod() + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        Answer answer = SECRET.equals(exchange.getRequestHeaders().getFirst("X-API-SECRET-KEY"))
                ? answers.getOrDefault(
                        exchange.getRequestMethod() + " " + uri.getPath(),
                        new Answer(404, "{\"error\":\"not_found\",\"message\":\"no route\"}"))
                : new Answer(401, "{\"error\":\"unauthorized\",\"message\":\"missing or wrong X-API-SECRET-KEY\"}");
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : body.length);
        if (answer.status() != 204) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void overviewReadsCountsAndPerDaySeries() {
        answers.put("GET /api/v1/admin/overview", new Answer(200, """
                {"users":3,"cabinets":2,
                 "notifications_24h":{"by_status":{"sent":5,"failed":1},"by_type":{"new_order":6}},
                 "notifications_7d":{"by_status":{"sent":40},"by_type":{"new_order":40}},
                 "sync_failures_24h":2,
                 "notifications_per_day":[{"date":"2026-11-26","type":"new_order","count":4}],
                 "orders_per_day":[{"date":"2026-11-26","count":9}]}"""));

        Admin.Overview overview = api.overview();

        assertThat(overview.users()).isEqualTo(3);
        assertThat(overview.notifications24h().status("sent")).isEqualTo(5);
        assertThat(overview.notifications24h().status("skipped")).isZero();
        assertThat(overview.notifications7d().byType()).containsEntry("new_order", 40L);
        assertThat(overview.syncFailures24h()).isEqualTo(2);
        assertThat(overview.notificationsPerDay())
                .containsExactly(new Admin.TypeCount(LocalDate.of(2026, 11, 26), "new_order", 4));
        assertThat(overview.ordersPerDay()).containsExactly(new Admin.DayCount(LocalDate.of(2026, 11, 26), 9));
        assertThat(requests).containsExactly("GET /api/v1/admin/overview");
    }

    @Test
    void cabinetsAndTheirUsers() {
        answers.put("GET /api/v1/admin/cabinets", new Answer(200, """
                {"items":[{"id":5,"name":"Shop","active":true,"created_at":"2026-11-01T10:00:00+03:00","user_count":2,
                  "last_sync_at":"2026-11-27T06:00:00+03:00","last_sync_status":"failed","last_error":"401 from WB",
                  "key_valid":false,"live_orders":{"state":"slowed","reason":"base_token",
                  "last_poll_at":"2026-11-27T05:00:00+03:00","last_status":"success","last_error":null,
                  "next_poll_at":"2026-11-27T08:00:00+03:00","lag_seconds":3600}},
                 {"id":6,"name":"New","active":true,"created_at":"2026-11-02T10:00:00+03:00","user_count":1,
                  "last_sync_at":null,"last_sync_status":null,"last_error":null,"key_valid":true}],"total":2}"""));
        answers.put("GET /api/v1/admin/cabinets/5/users", new Answer(200, """
                {"items":[{"telegram_id":111,"username":"anna","first_name":"Anna","role":"owner",
                  "joined_at":"2026-11-01T10:00:00+03:00"}]}"""));

        Admin.Page<Admin.CabinetRow> page = api.cabinets("Sh op", 100, 0);
        List<Admin.Member> users = api.cabinetUsers(5);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items().getFirst())
                .isEqualTo(new Admin.CabinetRow(
                        5,
                        "Shop",
                        true,
                        Instant.parse("2026-11-01T10:00:00+03:00"),
                        2,
                        Instant.parse("2026-11-27T06:00:00+03:00"),
                        "failed",
                        "401 from WB",
                        false,
                        false,
                        null,
                        new Syncs.LiveOrders(
                                "slowed",
                                "base_token",
                                Instant.parse("2026-11-27T05:00:00+03:00"),
                                "success",
                                null,
                                Instant.parse("2026-11-27T08:00:00+03:00"),
                                3600L)));
        assertThat(page.items().get(1).lastSyncAt()).isNull();
        assertThat(users)
                .containsExactly(
                        new Admin.Member(111, "anna", "Anna", "owner", Instant.parse("2026-11-01T10:00:00+03:00")));
        assertThat(requests)
                .containsExactly(
                        "GET /api/v1/admin/cabinets?q=Sh+op&limit=100&offset=0", "GET /api/v1/admin/cabinets/5/users");
    }

    @Test
    void syncLogsSendEveryFilterWithMoscowOffsets() {
        answers.put("GET /api/v1/admin/sync-logs", new Answer(200, """
                {"items":[{"id":9,"cabinet_id":5,"cabinet_name":"Shop","data_set":"orders","status":"failed",
                  "started_at":"2026-11-27T06:00:00+03:00","completed_at":"2026-11-27T06:00:02+03:00",
                  "records_processed":0,"error_message":"WB 401"}],"total":1}"""));

        Admin.Page<Admin.SyncLogEntry> page = api.syncLogs(
                new SyncLogQuery(5L, "orders", "failed", Instant.parse("2026-11-27T00:00:00+03:00"), null, 50, 100));

        assertThat(page.items().getFirst().errorMessage()).isEqualTo("WB 401");
        assertThat(page.items().getFirst().cabinetName()).isEqualTo("Shop");
        assertThat(requests)
                .containsExactly("GET /api/v1/admin/sync-logs?cabinet_id=5&data_set=orders&status=failed"
                        + "&from=2026-11-27T00%3A00%2B03%3A00&limit=50&offset=100");
    }

    @Test
    void notificationsAndUsers() {
        answers.put("GET /api/v1/admin/notifications", new Answer(200, """
                {"items":[{"id":124,"telegram_id":111,"cabinet_id":null,"type":"test","status":"skipped",
                  "suppressed_reason":"bot_blocked","text":"<b>Test</b>","image_url":null,
                  "created_at":"2026-11-27T06:00:00+03:00","sent_at":null,"attempts":0,"last_error":null}],"total":1}"""));
        answers.put("GET /api/v1/admin/users", new Answer(200, """
                {"items":[{"telegram_id":111,"username":"anna","first_name":"Anna","last_name":null,
                  "created_at":"2026-11-01T10:00:00+03:00","bot_blocked":true,"cabinets":[{"id":5,"name":"Shop","role":"owner"}],
                  "settings":{"notifications_enabled":true,"new_orders_enabled":false,"order_buyouts_enabled":true,
                  "order_cancellations_enabled":true,"order_returns_enabled":true,"negative_reviews_enabled":true,
                  "critical_stocks_enabled":true,"grouping_enabled":false,"max_group_size":5,"group_timeout":300,
                  "negative_review_threshold":3,"critical_stock_threshold":5,"quiet_hours_start":"23:00",
                  "quiet_hours_end":"07:00","language":"en"}}],"total":1}"""));

        Admin.NotificationEntry record =
                api.notifications(NotificationQuery.ofUser(111, 20)).items().getFirst();
        Admin.UserRow user = api.users(500, 0).items().getFirst();

        assertThat(record.cabinetId()).isNull();
        assertThat(record.suppressedReason()).isEqualTo("bot_blocked");
        assertThat(user.botBlocked()).isTrue();
        assertThat(user.cabinets()).containsExactly(new Admin.CabinetLink(5, "Shop", "owner"));
        assertThat(user.settings().wants("new_order")).isFalse();
        assertThat(user.settings().quietHoursEnd()).isEqualTo("07:00");
        assertThat(requests)
                .containsExactly(
                        "GET /api/v1/admin/notifications?telegram_id=111&limit=20&offset=0",
                        "GET /api/v1/admin/users?limit=500&offset=0");
    }

    @Test
    void testSendAndSyncNowArePosts() {
        answers.put(
                "POST /api/v1/admin/users/111/test-notification",
                new Answer(201, "{\"id\":124,\"type\":\"new_order\"}"));
        answers.put("POST /api/v1/admin/cabinets/5/sync", new Answer(202, "{\"cabinet_id\":5,\"status\":\"started\"}"));

        assertThat(api.sendTestNotification(111, "new_order"))
                .isEqualTo(new Notifications.TestQueued(124, "new_order"));
        api.startSync(5);

        assertThat(requests)
                .containsExactly(
                        "POST /api/v1/admin/users/111/test-notification?type=new_order",
                        "POST /api/v1/admin/cabinets/5/sync");
    }

    @Test
    void testSendPreviewIsAPostOneSegmentFurtherAndReadsTheDocumentedShape() {
        answers.put("POST /api/v1/admin/users/111/test-notification/preview", new Answer(200, """
                {"telegram_id":111,"type":"new_order","language":"en","cabinet_id":5,"cabinet_name":"Shop",
                 "text":"🧪 <i>Test notification</i>\\n<b>New order</b>","image_url":"https://img.example/1.jpg",
                 "chart":{"title":"Shop · 14 days","orders_label":"Orders","buyouts_label":"Buyouts",
                  "days":[{"date":"2026-11-26","orders":{"count":41,"sum":61254.00},"buyouts":{"count":30,"sum":44820.00}}]},
                 "bot_blocked":true,"warnings":[{"code":"bot_blocked","message":"The user blocked the bot."}],
                 "added_later":1}"""));

        Notifications.TestPreview preview = api.previewTestNotification(111, "new_order");

        assertThat(preview)
                .isEqualTo(new Notifications.TestPreview(
                        111,
                        "new_order",
                        "en",
                        5L,
                        "Shop",
                        "🧪 <i>Test notification</i>\n<b>New order</b>",
                        "https://img.example/1.jpg",
                        new Notifications.Chart(
                                "Shop · 14 days",
                                "Orders",
                                "Buyouts",
                                List.of(new Notifications.ChartDay(
                                        LocalDate.of(2026, 11, 26),
                                        new Insights.Tally(41, new BigDecimal("61254.00")),
                                        new Insights.Tally(30, new BigDecimal("44820.00"))))),
                        true,
                        List.of(new Notifications.TestPreview.Warning("bot_blocked", "The user blocked the bot."))));
        assertThat(requests).containsExactly("POST /api/v1/admin/users/111/test-notification/preview?type=new_order");
    }

    @Test
    void itemsToAnswerAndTheAnswersSentSendTheirFiltersAndReadTheDocumentedShape() {
        answers.put("GET /api/v1/admin/items-to-answer", new Answer(200, """
                {"items":[{"cabinet_id":5,"cabinet_name":"Shop","kind":"question","item_id":"Q1","nm_id":111,
                  "product":"Boots","buyer":null,"rating":null,"text":"Waterproof?",
                  "created_date":"2026-11-27T10:00:00+03:00","answered":false,"answer_text":"Ok",
                  "answer_status":"refused","answered_by":111,"answered_at":"2026-11-27T11:00:00+03:00"}],"total":7}"""));
        answers.put("GET /api/v1/admin/answers", new Answer(200, """
                {"items":[{"id":9,"cabinet_id":5,"cabinet_name":"Shop","kind":"question","item_id":"Q1",
                  "product":"Boots","item_text":"Waterproof?","text":"Ok","status":"refused","wb_status":400,
                  "wb_error":"too short","telegram_id":111,"username":"anna","first_name":"Anna",
                  "created_at":"2026-11-27T11:00:00+03:00","completed_at":"2026-11-27T11:00:01+03:00"}],"total":1}"""));

        Admin.Page<Admin.ItemToAnswer> items = api.itemsToAnswer(new ItemQuery(5L, "question", false, 50, 50));
        Admin.Page<Admin.SentAnswer> sent = api.answers(new AnswerQuery(null, null, "refused", 50, 0));

        assertThat(items.total()).isEqualTo(7);
        assertThat(items.items())
                .containsExactly(new Admin.ItemToAnswer(
                        5,
                        "Shop",
                        "question",
                        "Q1",
                        111,
                        "Boots",
                        null,
                        null,
                        "Waterproof?",
                        Instant.parse("2026-11-27T10:00:00+03:00"),
                        false,
                        "Ok",
                        "refused",
                        111L,
                        Instant.parse("2026-11-27T11:00:00+03:00")));
        assertThat(sent.items())
                .containsExactly(new Admin.SentAnswer(
                        9,
                        5,
                        "Shop",
                        "question",
                        "Q1",
                        "Boots",
                        "Waterproof?",
                        "Ok",
                        "refused",
                        400,
                        "too short",
                        111,
                        "anna",
                        "Anna",
                        Instant.parse("2026-11-27T11:00:00+03:00"),
                        Instant.parse("2026-11-27T11:00:01+03:00")));
        assertThat(requests)
                .containsExactly(
                        "GET /api/v1/admin/items-to-answer?cabinet_id=5&kind=question&answered=false&limit=50&offset=50",
                        "GET /api/v1/admin/answers?status=refused&limit=50&offset=0");
    }

    @Test
    void conflictAndServerErrorsCarryTheServersMessage() {
        answers.put(
                "POST /api/v1/admin/cabinets/5/sync",
                new Answer(409, "{\"error\":\"conflict\",\"message\":\"a sync of cabinet 5 is running\"}"));
        answers.put(
                "GET /api/v1/admin/overview",
                new Answer(500, "{\"error\":\"internal_error\",\"message\":\"internal error\",\"error_id\":\"e-1\"}"));

        assertThatThrownBy(() -> api.startSync(5)).isInstanceOfSatisfying(AdminApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(AdminApiException.Kind.CONFLICT);
            assertThat(e.getMessage()).isEqualTo("HTTP 409: a sync of cabinet 5 is running");
        });
        assertThatThrownBy(api::overview).isInstanceOfSatisfying(AdminApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(AdminApiException.Kind.SERVER_ERROR);
            assertThat(e.status()).isEqualTo(500);
        });
    }

    @Test
    void aWrongSecretIsUnauthorizedAndTheMessageNeverContainsTheSecret() {
        HttpAdminApi wrong = new HttpAdminApi(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "nope-secret");

        assertThatThrownBy(wrong::overview).isInstanceOfSatisfying(AdminApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(AdminApiException.Kind.UNAUTHORIZED);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("rejected the secret").doesNotContain("nope-secret");
        });
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpAdminApi nowhere = new HttpAdminApi(URI.create("http://127.0.0.1:" + port), SECRET);

        assertThatThrownBy(nowhere::overview).isInstanceOfSatisfying(AdminApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(AdminApiException.Kind.UNREACHABLE);
            assertThat(e.getMessage()).contains("connection refused").doesNotContain(SECRET);
        });
    }

    @Test
    void anAnswerOfTheWrongShapeIsAProtocolError() {
        answers.put("GET /api/v1/admin/overview", new Answer(200, "<html>proxy</html>"));

        assertThatThrownBy(api::overview)
                .isInstanceOfSatisfying(
                        AdminApiException.class, e -> assertThat(e.kind()).isEqualTo(AdminApiException.Kind.PROTOCOL));
    }
}
