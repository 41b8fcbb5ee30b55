package ru.wbassist.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.events.MutableClock;

/** Health without the secret says UP or DOWN and nothing else, and costs at most one database query per interval. */
class PublicHealthTest {

    @Test
    void withoutTheSecretHealthSaysUpOrDownOnlyAndDetailsNeedTheSecret() {
        try (TestServer server = TestServer.start(DatabaseConfig.Vendor.H2)) {
            var anonymous = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observe/health"))
                    .build());
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.json().properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("status");
            assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
            assertThat(anonymous.body()).doesNotContain("database", "disk", "heap", "free", "checks");

            for (String path : new String[] {
                "/observe/health/details",
                "/observe/health/live",
                "/observe/health/ready",
                "/observe/health/check/database"
            }) {
                var noSecret = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .build());
                assertThat(noSecret.status()).as(path).isIn(401, 404);
                assertThat(noSecret.body()).as(path).doesNotContain("disk", "heap", "free");
            }
            var details = server.get("/observe/health/details");
            assertThat(details.status()).as(details.body()).isEqualTo(200);
            assertThat(details.body()).contains("database", "diskSpace", "heapMemory");
        }
    }

    @Test
    void manyHitsCostOneDatabaseProbePerInterval() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        AtomicInteger probes = new AtomicInteger();
        AtomicBoolean databaseAnswers = new AtomicBoolean(true);
        PublicHealth health = new PublicHealth(
                () -> {
                    probes.incrementAndGet();
                    return databaseAnswers.get();
                },
                clock,
                Duration.ofSeconds(5));

        for (int i = 0; i < 1000; i++) {
            assertThat(health.up()).isTrue();
        }
        assertThat(probes.get()).isEqualTo(1);

        databaseAnswers.set(false);
        clock.advance(Duration.ofMillis(4999));
        assertThat(health.up()).as("still the reading of 4.999 s ago").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(health.up()).isFalse();
        for (int i = 0; i < 1000; i++) {
            health.up();
        }
        assertThat(probes.get()).isEqualTo(2);
    }
}
