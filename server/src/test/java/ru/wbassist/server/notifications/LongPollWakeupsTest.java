package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.TestServer;

/** Long-polls over HTTP: capped, and woken by any server's commit through one shared signal. */
class LongPollWakeupsTest {

    private static final long USER = 7001;

    private TestServer first;
    private TestServer second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        first.close();
    }

    @Test
    void aLongPollBeyondTheCapIsRefusedWithAClearJson503AndTheWaitingOneStillGetsItsItem() throws Exception {
        first = TestServer.start(DatabaseConfig.Vendor.H2, Map.of("LONG_POLL_MAX_WAITING", "1"));
        assertThat(first.post("/users/", Map.of("telegram_id", USER)).status()).isEqualTo(201);
        CompletableFuture<TestServer.Response> waiting = waitingPoll(first);

        TestServer.Response refused = awaitRefusal(first);

        assertThat(refused.json().path("error").asText()).isEqualTo("too_many_waiting");
        assertThat(refused.json().path("message").asText())
                .contains("at most 1")
                .contains("retry");
        assertThat(refused.body()).doesNotContain("Exception");
        // a poll without wait is never refused
        assertThat(first.get("/api/v1/notifications/pending").status()).isEqualTo(200);

        assertThat(first.postEmpty("/api/v1/notifications/test?telegram_id=" + USER + "&type=new_order")
                        .status())
                .isEqualTo(201);
        TestServer.Response woken = waiting.get();
        assertThat(woken.status()).isEqualTo(200);
        assertThat(woken.json().path("items")).hasSize(1);
    }

    @Test
    void aLongPollOnOneServerWakesWhenAnotherServerCommits() throws Exception {
        DatabaseConfig shared = TestDatabases.freshConfig(DatabaseConfig.Vendor.POSTGRESQL);
        // The first server's clock stands still, so nothing becomes deliverable by time there: only the second
        // server's NOTIFY can wake its poll before the poll's own 25 s are over.
        Clock frozen = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        first = TestServer.start(shared, Map.of("LONG_POLL_MAX_WAITING", "1"), frozen);
        second = TestServer.start(shared, Map.of(), Clock.systemUTC());
        assertThat(second.post("/users/", Map.of("telegram_id", USER)).status()).isEqualTo(201);
        CompletableFuture<TestServer.Response> waiting = waitingPoll(first);
        awaitRefusal(first); // the poll is waiting now

        long queuedAt = System.nanoTime();
        assertThat(second.postEmpty("/api/v1/notifications/test?telegram_id=" + USER + "&type=new_order")
                        .status())
                .isEqualTo(201);
        TestServer.Response woken = waiting.get();

        assertThat(woken.json().path("items")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - queuedAt)).isLessThan(Duration.ofSeconds(25));
    }

    /** A poll waiting up to 25 s; it tries again while a probe of {@link #awaitRefusal} holds the one place. */
    private static CompletableFuture<TestServer.Response> waitingPoll(TestServer server) {
        return CompletableFuture.supplyAsync(() -> {
            while (true) {
                TestServer.Response r = server.get("/api/v1/notifications/pending?wait=25");
                if (r.status() != 503) {
                    return r;
                }
            }
        });
    }

    /** The answer to a second waiting poll once the first one waits (the cap is 1). */
    private static TestServer.Response awaitRefusal(TestServer server) {
        TestServer.Response[] refused = new TestServer.Response[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    TestServer.Response r = server.get("/api/v1/notifications/pending?wait=1");
                    refused[0] = r;
                    return r.status() == 503;
                });
        return refused[0];
    }
}
