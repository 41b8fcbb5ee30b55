package ru.wbassist.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.Dto;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery benchmark (not part of the normal build): the real server, the real bot and the Telegram emulator over
 * HTTP. It measures the sustained rate of a 1000-message flood for 100 users beside TELEGRAM_RATE, and the latency
 * from a notification's creation on the server to its arrival at the emulator while the bot is idle.
 * <pre>./mvnw -B -q -pl bot -am test -Dtest=DeliveryBenchmarkTest -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The results go to bot/target/delivery-benchmark.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DeliveryBenchmarkTest {

    private static final String TOKEN = "780:BENCH";
    private static final double RATE = 28;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sustainedRateAndCreationToSendLatency() throws Exception {
        try (RunningServer server = RunningServer.start(Map.of());
             TelegramEmulator telegram = TelegramEmulator.start(TelegramEmulator.Options.defaults().port(0).token(TOKEN))) {
            HttpServerClient client = new HttpServerClient(server.baseUrl(), RunningServer.SECRET);
            for (long user = 1; user <= 100; user++) {
                client.register(new Dto.Registration(user, null, "User " + user, null, "ru"));
                for (int i = 0; i < 10; i++) {
                    client.sendTest(user, "new_order");
                }
            }
            StringBuilder report = new StringBuilder();
            try (WbAssistBot bot = new WbAssistBot(TOKEN, new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                    client, DeliveryOptions.defaults(RATE, Duration.ofSeconds(30), Duration.ofSeconds(60)))) {
                bot.start();
                await().atMost(Duration.ofMinutes(3)).until(() -> telegram.allSent().size() == 1000);
                List<Instant> times = telegram.allSent().stream().map(SentMessage::at).sorted().toList();
                double seconds = Duration.between(times.getFirst(), times.getLast()).toNanos() / 1e9;
                double rate = (times.size() - 1) / seconds;
                report.append(String.format(Locale.ROOT, "flood: 1000 notifications, 100 users, %.1f s, %.2f msg/s"
                        + " (TELEGRAM_RATE %.0f), 429s: %d%n", seconds, rate, RATE, telegram.tooManyRequestsCount()));
                assertThat(rate).isLessThanOrEqualTo(RATE + 0.5);
                assertThat(telegram.tooManyRequestsCount()).isZero();

                // idle bot: one notification every 150 ms, spread over 20 users so per-chat pacing never applies
                List<Long> latenciesMillis = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    long user = 1 + i % 20;
                    int before = telegram.sent(user).size();
                    long id = client.sendTest(user, "new_order").id();
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                            .until(() -> telegram.sent(user).size() > before);
                    Instant received = telegram.sent(user).get(before).at();
                    latenciesMillis.add(Duration.between(createdAt(server, id), received).toMillis());
                    Thread.sleep(150);
                }
                latenciesMillis.sort(Long::compare);
                report.append(String.format(Locale.ROOT, "latency, creation on the server to arrival at Telegram,"
                                + " 200 notifications: p50 %d ms, p99 %d ms, max %d ms%n",
                        latenciesMillis.get(99), latenciesMillis.get(197), latenciesMillis.getLast()));
            }
            Files.writeString(Path.of("target", "delivery-benchmark.txt"), report);
        }
    }

    private static Instant createdAt(RunningServer server, long id) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        server.baseUrl() + "/api/v1/admin/notifications?limit=500"))
                .header("X-API-SECRET-KEY", RunningServer.SECRET).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode item : JSON.readTree(response.body()).path("items")) {
            if (item.path("id").asLong() == id) {
                return OffsetDateTime.parse(item.path("created_at").asText()).toInstant();
            }
        }
        throw new IllegalStateException("notification " + id + " not listed");
    }
}
