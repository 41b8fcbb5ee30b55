package ru.wbassist.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.TestServer;

/** The secret, health, metrics, OpenAPI and JSON errors for unknown routes. */
class HttpBasicsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(DatabaseConfig.Vendor.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthNeedsNoSecretAndItsDetailsDo() {
        var health = server.send(HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/observe/health"))
                .build());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        var details = server.get("/observe/health/details");
        assertThat(details.json().path("status").asText()).isEqualTo("UP");
        assertThat(details.body()).contains("database");
    }

    @Test
    void everythingElseNeedsTheSecret() {
        for (String path : new String[] {
            "/users/1", "/wb/cabinets/?user_id=1", "/observe/metrics", "/observe/health/details", "/openapi", "/nowhere"
        }) {
            var missing = server.send(HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                    .build());
            assertThat(missing.status()).as(path).isEqualTo(401);
            assertThat(missing.json().path("error").asText()).isEqualTo("unauthorized");
            assertThat(missing.json().path("message").asText()).contains("missing");

            var wrong = server.send(HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                    .header("X-API-SECRET-KEY", TestServer.SECRET + "x")
                    .build());
            assertThat(wrong.status()).as(path).isEqualTo(401);
            assertThat(wrong.json().path("message").asText()).contains("wrong");
            assertThat(wrong.body()).doesNotContain(TestServer.SECRET);
        }
    }

    @Test
    void aConfiguredAdminSecretGuardsAdminRoutesInsteadOfTheApiSecret() {
        String admin = "admin-secret-0123456789";
        try (TestServer withAdmin =
                TestServer.start(DatabaseConfig.Vendor.H2, java.util.Map.of("ADMIN_SECRET_KEY", admin))) {
            var withApiSecret = withAdmin.get("/api/v1/admin/overview");
            assertThat(withApiSecret.status()).isEqualTo(401);
            var withAdminSecret = withAdmin.send(withAdmin
                    .request("/api/v1/admin/overview")
                    .setHeader("X-API-SECRET-KEY", admin)
                    .GET()
                    .build());
            assertThat(withAdminSecret.status()).isNotEqualTo(401);
            var adminSecretElsewhere = withAdmin.send(withAdmin
                    .request("/users/1")
                    .setHeader("X-API-SECRET-KEY", admin)
                    .GET()
                    .build());
            assertThat(adminSecretElsewhere.status()).isEqualTo(401);
        }
    }

    @Test
    void metricsAndOpenApiAreServed() {
        var metrics = server.get("/observe/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        var openapi = server.get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/wb/cabinets/").contains("X-API-SECRET-KEY");
        assertThat(openapi.body())
                .contains(
                        "/api/v1/bot/reviews/{id}/answer",
                        "/api/v1/bot/questions/{id}/answer",
                        "/api/v1/bot/templates",
                        "idempotency_key");
    }

    @Test
    void unknownRoutesAnswerJson404() {
        var response = server.get("/no/such/thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").asText()).isEqualTo("not_found");
    }
}
