package ru.wbassist.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;
import ru.wbassist.server.TestTokens;

/** What an operator starts from the console: a test send to a user, a sync of a cabinet. */
class AdminActionsTest {

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void testSendIsQueuedForTheUser(DatabaseConfig.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            assertThat(server.post("/users/", Map.of("telegram_id", 4242, "first_name", "Ivan"))
                            .status())
                    .isEqualTo(201);

            TestServer.Response sent = server.postEmpty("/api/v1/admin/users/4242/test-notification?type=new_order");
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            long id = sent.json().get("id").asLong();
            assertThat(id).isPositive();
            assertThat(sent.json().get("type").asText()).isEqualTo("new_order");

            JsonNode history =
                    server.get("/api/v1/admin/notifications?telegram_id=4242").json();
            assertThat(history.get("total").asLong()).isEqualTo(1);
            JsonNode item = history.get("items").get(0);
            assertThat(item.get("id").asLong()).isEqualTo(id);
            assertThat(item.get("type").asText()).isEqualTo("new_order");
            assertThat(item.get("status").asText()).isEqualTo("pending");
            assertThat(item.get("text").asText()).isNotBlank();

            JsonNode poll = server.get("/api/v1/notifications/poll?telegram_id=4242&cursor=0")
                    .json();
            assertThat(poll.get("notifications").get(0).get("id").asLong()).isEqualTo(id);

            TestServer.Response unknownUser = server.postEmpty("/api/v1/admin/users/999/test-notification?type=test");
            assertThat(unknownUser.status()).isEqualTo(404);
            TestServer.Response badType = server.postEmpty("/api/v1/admin/users/4242/test-notification?type=sms");
            assertThat(badType.status()).isEqualTo(400);
            assertThat(badType.json().get("field").asText()).isEqualTo("type");
            TestServer.Response noType = server.postEmpty("/api/v1/admin/users/4242/test-notification");
            assertThat(noType.status()).isEqualTo(400);
            assertThat(noType.json().get("field").asText()).isEqualTo("type");
            assertThat(server.get("/api/v1/admin/users/4242/test-notification?type=test")
                            .status())
                    .isEqualTo(405);
            assertThat(server.get("/api/v1/admin/notifications?telegram_id=4242")
                            .json()
                            .get("total")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void syncNowIsAcceptedThenRefusedWhileTheCabinetRuns(DatabaseConfig.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            server.post("/users/", Map.of("telegram_id", 77, "first_name", "Olga"));
            TestServer.Response connected = server.post(
                    "/wb/cabinets/", Map.of("user_id", 77, "api_key", TestTokens.valid(), "name", "Olga's shop"));
            assertThat(connected.status()).as(connected.body()).isEqualTo(201);
            long cabinetId = connected.json().get("cabinet").get("id").asLong();

            TestServer.Response started = server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/sync");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("cabinet_id").asLong()).isEqualTo(cabinetId);
            assertThat(started.json().get("status").asText()).isEqualTo("started");
            Instant due = server.db()
                    .withConnection(c -> Sql.queryOne(
                            c,
                            "SELECT execution_time FROM scheduled_tasks"
                                    + " WHERE task_name = 'cabinet-sync' AND task_instance = ?",
                            rs -> Sql.instant(rs, "execution_time"),
                            String.valueOf(cabinetId)))
                    .orElseThrow();
            assertThat(due).isBefore(Instant.now().plusSeconds(1));

            // a scheduler picked the cabinet up: it is running
            server.db()
                    .withConnection(c -> Sql.update(
                            c,
                            "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'other'"
                                    + " WHERE task_instance = ?",
                            String.valueOf(cabinetId)));
            TestServer.Response refused = server.postEmpty("/api/v1/admin/cabinets/" + cabinetId + "/sync");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).isEqualTo("conflict");
            assertThat(refused.json().get("message").asText()).contains("running");

            assertThat(server.postEmpty("/api/v1/admin/cabinets/999999/sync").status())
                    .isEqualTo(404);
            TestServer.Response badId = server.postEmpty("/api/v1/admin/cabinets/abc/sync");
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.json().get("field").asText()).isEqualTo("id");
            assertThat(server.get("/api/v1/admin/cabinets/" + cabinetId + "/sync")
                            .status())
                    .isEqualTo(405);
        }
    }
}
