package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Users;
import ru.wbassist.bot.BotConfig;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.server.TestServer;

/**
 * Delivery benchmark (not part of the normal build): the real server, the real bot and the Telegram emulator (30/s
 * overall, 1/s per chat) over HTTP. It measures the delivered rate of two floods queued before the bot starts —
 * 1,000 notifications for 100 users, and a longer one, 3,000 for 300 users, where start-up and the tail weigh less —
 * and the latency from a notification's creation on the server to its arrival at the emulator while the bot is
 * idle. The rate is the default TELEGRAM_RATE unless {@code -Dbenchmark.rate=N} says otherwise.
 * <pre>./mvnw -B -q -pl bot -am test -Dtest=DeliveryBenchmarkTest -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The results go to bot/target/delivery-benchmark.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DeliveryBenchmarkTest {

    private static final String TOKEN = "780:BENCH";
    private static final double RATE =
            Double.parseDouble(System.getProperty("benchmark.rate", Double.toString(BotConfig.DEFAULT_RATE)));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sustainedRateAndCreationToSendLatency() throws Exception {
        try (TestServer server = TestServer.start(DatabaseConfig.Vendor.H2, Map.of());
                TelegramEmulator telegram = TelegramEmulator.start(
                        TelegramEmulator.Options.defaults().port(0).token(TOKEN))) {
            HttpServerClient client = new HttpServerClient(server.baseUrl(), TestServer.SECRET);
            StringBuilder report = new StringBuilder();
            report.append(flood(client, telegram, 1, 100, 10));
            letTheStoppedBotsLastClaimEnd();
            report.append(flood(client, telegram, 101, 300, 10));
            letTheStoppedBotsLastClaimEnd();

            // idle bot: one notification every 150 ms, spread over 20 users so per-chat pacing never applies
            try (WbAssistBot _ = startBot(telegram, client)) {
                List<Long> latenciesMillis = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    long user = 1 + i % 20;
                    int before = telegram.sent(user).size();
                    long id = client.sendTest(user, "new_order").id();
                    await().atMost(Duration.ofSeconds(10))
                            .pollInterval(Duration.ofMillis(2))
                            .until(() -> telegram.sent(user).size() > before);
                    Instant received = telegram.sent(user).get(before).at();
                    latenciesMillis.add(
                            Duration.between(createdAt(server, id), received).toMillis());
                    Thread.sleep(150);
                }
                latenciesMillis.sort(Long::compare);
                report.append(String.format(
                        Locale.ROOT,
                        "latency, creation on the server to arrival at Telegram,"
                                + " 200 notifications: p50 %d ms, p99 %d ms, max %d ms%n",
                        latenciesMillis.get(99),
                        latenciesMillis.get(197),
                        latenciesMillis.getLast()));
            }
            Files.writeString(Path.of("target", "delivery-benchmark.txt"), report);
        }
    }

    /**
     * Queues {@code perUser} notifications for each of {@code users} new users, then starts a bot and times their
     * arrival at the emulator: first to last, and the steady part without the first and last 5 % (start-up, and the
     * tail where only the last-claimed users have messages left and each may get one per second).
     */
    private static String flood(
            HttpServerClient client, TelegramEmulator telegram, long firstUser, int users, int perUser)
            throws Exception {
        for (long user = firstUser; user < firstUser + users; user++) {
            client.register(new Users.Registration(user, null, "User " + user, null, "ru"));
            for (int i = 0; i < perUser; i++) {
                client.sendTest(user, "new_order");
            }
        }
        int total = users * perUser;
        long refusedBefore = telegram.tooManyRequestsCount();
        try (WbAssistBot _ = startBot(telegram, client)) {
            await().atMost(Duration.ofMinutes(5))
                    .until(() -> arrivals(telegram, firstUser, users).size() == total);
        }
        List<Instant> times = arrivals(telegram, firstUser, users);
        double seconds = secondsBetween(times.getFirst(), times.getLast());
        double rate = (total - 1) / seconds;
        int from = total / 20;
        int to = total - 1 - total / 20;
        double steadyRate = (to - from) / secondsBetween(times.get(from), times.get(to));
        long refused = telegram.tooManyRequestsCount() - refusedBefore;
        // where a rate below the configured one went: a few long gaps are stalls, a uniformly slower pace is not
        long longestGapMillis = 0;
        int gapsOverTenSlots = 0;
        for (int i = 1; i < total; i++) {
            long gap = Duration.between(times.get(i - 1), times.get(i)).toMillis();
            longestGapMillis = Math.max(longestGapMillis, gap);
            if (gap > 10_000 / RATE) {
                gapsOverTenSlots++;
            }
        }
        assertThat(rate).isLessThanOrEqualTo(RATE + 0.5);
        assertThat(refused).isZero();
        return String.format(
                Locale.ROOT,
                "flood: %d notifications, %d users, %.1f s: %.2f msg/s first to last,"
                        + " %.2f msg/s steady (middle 90 %%); TELEGRAM_RATE %s, 429s: %d; longest gap between"
                        + " arrivals %d ms, gaps over 10 slots: %d%n",
                total,
                users,
                seconds,
                rate,
                steadyRate,
                RATE,
                refused,
                longestGapMillis,
                gapsOverTenSlots);
    }

    /**
     * A stopped bot's last claim may still wait on the server (a long poll of up to 25 s): a notification queued
     * meanwhile would be leased to it and wait out its lease, which would distort the next measurement.
     */
    private static void letTheStoppedBotsLastClaimEnd() throws InterruptedException {
        Thread.sleep(options().longPollWait().plusSeconds(1));
    }

    private static DeliveryOptions options() {
        return DeliveryOptions.defaults(RATE, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    private static WbAssistBot startBot(TelegramEmulator telegram, HttpServerClient client) throws Exception {
        WbAssistBot bot =
                new WbAssistBot(TOKEN, new TelegramUrl("http", "127.0.0.1", telegram.port(), false), client, options());
        bot.start();
        return bot;
    }

    /** Arrival times of the messages to these users, in order. */
    private static List<Instant> arrivals(TelegramEmulator telegram, long firstUser, int users) {
        return telegram.allSent().stream()
                .filter(m -> m.chatId() >= firstUser && m.chatId() < firstUser + users)
                .map(SentMessage::at)
                .sorted()
                .toList();
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Instant createdAt(TestServer server, long id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/admin/notifications?limit=500"))
                                .header("X-API-SECRET-KEY", TestServer.SECRET)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (JsonNode item : JSON.readTree(response.body()).path("items")) {
            if (item.path("id").asLong() == id) {
                return OffsetDateTime.parse(item.path("created_at").asText()).toInstant();
            }
        }
        throw new IllegalStateException("notification " + id + " not listed");
    }
}
