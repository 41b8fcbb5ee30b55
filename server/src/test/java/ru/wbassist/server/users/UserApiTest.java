package ru.wbassist.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.ApiAssertions.assertBad;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.TestServer;

class UserApiTest {

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void registersThenUpdatesAndReads(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        var created = server.post("/users/", Map.of("telegram_id", 1001, "username", "anna", "first_name", "Анна"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("telegram_id").asLong()).isEqualTo(1001);
        assertThat(created.json().path("first_name").asText()).isEqualTo("Анна");
        assertThat(created.json().path("language").asText()).isEqualTo("ru");
        assertThat(created.json().path("created_at").asText()).endsWith("+03:00");
        assertThat(created.json().has("id")).isFalse();

        var updated = server.post("/users/", Map.of("telegram_id", 1001, "username", "anna2", "language", "en"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("username").asText()).isEqualTo("anna2");

        var read = server.get("/users/1001");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("username").asText()).isEqualTo("anna2");
        assertThat(read.json().path("language").asText()).isEqualTo("en");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void reRegisteringChangesOnlyTheFieldsItCarries(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        server.post(
                "/users/",
                Map.of(
                        "telegram_id",
                        1003,
                        "username",
                        "anna",
                        "first_name",
                        "Анна",
                        "last_name",
                        "Петрова",
                        "language",
                        "en"));

        var renamed = server.post("/users/", Map.of("telegram_id", 1003, "first_name", "Аня"));
        assertThat(renamed.status()).isEqualTo(200);

        var read = server.get("/users/1003").json();
        assertThat(read.path("first_name").asText()).isEqualTo("Аня");
        assertThat(read.path("username").asText()).isEqualTo("anna");
        assertThat(read.path("last_name").asText()).isEqualTo("Петрова");
        assertThat(read.path("language").asText()).isEqualTo("en");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void numbersAndTextsAreNotCoerced(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        assertBad(server.post("/users/", "{\"telegram_id\":1001.7}"), "telegram_id", "wrong type");
        assertBad(server.post("/users/", "{\"telegram_id\":1001.0}"), "telegram_id", "wrong type");
        assertBad(server.post("/users/", "{\"telegram_id\":\"1002\"}"), "telegram_id", "wrong type");
        assertBad(server.post("/users/", "{\"telegram_id\":true}"), "telegram_id", "wrong type");
        assertBad(server.post("/users/", "{\"telegram_id\":5,\"username\":42}"), "username", "wrong type");
        assertBad(server.post("/users/", "{\"telegram_id\":5,\"first_name\":false}"), "first_name", "wrong type");
        assertThat(server.get("/users/1001").status()).isEqualTo(404);
        assertThat(server.get("/users/1002").status()).isEqualTo(404);
        assertThat(server.get("/users/5").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void blockingMarksTheUserAndRegisteringAgainClearsIt(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        server.post("/users/", Map.of("telegram_id", 7));
        assertThat(server.postEmpty("/users/7/blocked").status()).isEqualTo(204);
        assertThat(server.get("/users/7").json().path("bot_blocked").asBoolean())
                .isTrue();
        server.post("/users/", Map.of("telegram_id", 7));
        assertThat(server.get("/users/7").json().path("bot_blocked").asBoolean())
                .isFalse();
        assertThat(server.postEmpty("/users/8/blocked").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void rejectsBadInputNamingTheField(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        assertBad(server.post("/users/", Map.of("username", "x")), "telegram_id", "telegram_id is required");
        assertBad(server.post("/users/", Map.of("telegram_id", -5)), "telegram_id", "positive");
        assertBad(server.post("/users/", Map.of("telegram_id", "abc")), "telegram_id", "wrong type");
        assertBad(server.post("/users/", Map.of("telegram_id", 5, "language", "de")), "language", "ru or en");
        assertBad(server.post("/users/", Map.of("telegram_id", 5, "username", "x".repeat(300))), "username", "at most");
        assertBad(server.post("/users/", Map.of("telegram_id", 5, "is_admin", true)), "is_admin", "unknown field");
        assertBad(server.post("/users/", "{not json"), null, "not valid JSON");
        assertBad(server.post("/users/", "[1,2]"), null, "JSON object");

        var textBody = server.send(server.request("/users/")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("telegram_id=5"))
                .build());
        assertThat(textBody.status()).isEqualTo(415);
        assertThat(textBody.json().path("error").asText()).isEqualTo("unsupported_media_type");

        var huge = server.post("/users/", "{\"telegram_id\":1,\"username\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("error").asText()).isEqualTo("payload_too_large");

        assertBad(server.get("/users/abc"), "telegram_id", "positive integer");
        var missing = server.get("/users/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).contains("999");
        var wrongMethod = server.delete("/users/5");
        assertThat(wrongMethod.status()).isEqualTo(405);
        long users = server.db().withConnection(c -> ru.wbassist.db.Sql.queryLong(c, "SELECT COUNT(*) FROM users"));
        assertThat(users).isZero();
    }
}
