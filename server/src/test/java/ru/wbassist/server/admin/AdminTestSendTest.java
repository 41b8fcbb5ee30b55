package ru.wbassist.server.admin;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's test send queues a real notification for the user, visible in the history and to the bot's poll. */
class AdminTestSendTest {

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void testSendIsQueuedForTheUser(DatabaseConfig.Vendor vendor) {
        try (TestServer server = TestServer.start(vendor)) {
            assertThat(server.post("/users/", Map.of("telegram_id", 4242, "first_name", "Ivan")).status()).isEqualTo(201);

            TestServer.Response sent = server.postEmpty("/api/v1/admin/users/4242/test-notification?type=new_order");
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            long id = sent.json().get("id").asLong();
            assertThat(id).isPositive();
            assertThat(sent.json().get("type").asText()).isEqualTo("new_order");

            JsonNode history = server.get("/api/v1/admin/notifications?telegram_id=4242").json();
            assertThat(history.get("total").asLong()).isEqualTo(1);
            JsonNode item = history.get("items").get(0);
            assertThat(item.get("id").asLong()).isEqualTo(id);
            assertThat(item.get("type").asText()).isEqualTo("new_order");
            assertThat(item.get("status").asText()).isEqualTo("pending");
            assertThat(item.get("text").asText()).isNotBlank();

            JsonNode poll = server.get("/api/v1/notifications/poll?telegram_id=4242&cursor=0").json();
            assertThat(poll.get("notifications").get(0).get("id").asLong()).isEqualTo(id);

            TestServer.Response unknownUser = server.postEmpty("/api/v1/admin/users/999/test-notification?type=test");
            assertThat(unknownUser.status()).isEqualTo(404);
            TestServer.Response badType = server.postEmpty("/api/v1/admin/users/4242/test-notification?type=sms");
            assertThat(badType.status()).isEqualTo(400);
            assertThat(badType.json().get("field").asText()).isEqualTo("type");
            TestServer.Response noType = server.postEmpty("/api/v1/admin/users/4242/test-notification");
            assertThat(noType.status()).isEqualTo(400);
            assertThat(noType.json().get("field").asText()).isEqualTo("type");
            assertThat(server.get("/api/v1/admin/users/4242/test-notification?type=test").status()).isEqualTo(405);
            assertThat(server.get("/api/v1/admin/notifications?telegram_id=4242").json().get("total").asLong())
                    .isEqualTo(1);
        }
    }
}
