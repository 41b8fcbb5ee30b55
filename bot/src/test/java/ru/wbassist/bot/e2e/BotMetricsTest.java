package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Users;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.metrics.MetricsEndpoint;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.observability.OpsMetricNames;
import ru.wbassist.observability.Scrape;
import ru.wbassist.server.TestServer;

/**
 * The bot's metrics endpoint, scraped over HTTP while the real bot delivers from the real server to the Telegram
 * emulator: sends, 429s met (the emulator allows one message per chat every 2 s, the bot sends one a second),
 * retries, a user who blocked the bot, and the journal emptying once the server has the acks.
 */
class BotMetricsTest {

    private static final String TOKEN = "779:METRICS";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;
    private TelegramEmulator telegram;
    private WbAssistBot bot;
    private MetricsEndpoint metrics;

    @AfterEach
    void stop() {
        if (metrics != null) {
            metrics.close();
        }
        if (bot != null) {
            bot.close();
        }
        telegram.close();
        server.close();
    }

    @Test
    void sendsRateLimitsRetriesAndGivingUpShowAtTheEndpoint(@TempDir Path dir) throws Exception {
        server = TestServer.start(DatabaseConfig.Vendor.H2, Map.of());
        telegram = TelegramEmulator.start(TelegramEmulator.Options.defaults()
                .port(0)
                .token(TOKEN)
                .perChatRate(0.5)
                .perChatBurst(1));
        HttpServerClient client = new HttpServerClient(server.baseUrl(), TestServer.SECRET);
        for (long user : new long[] {61, 62}) {
            client.register(new Users.Registration(user, "user" + user, "User " + user, null, "ru"));
        }
        client.sendTest(61, "new_order");
        client.sendTest(61, "new_order");
        telegram.block(62);
        dropPendingUpdates();
        client.sendTest(62, "new_order");
        bot = new WbAssistBot(
                TOKEN,
                new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                client,
                DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60))
                        .withJournal(dir.resolve("journal")));
        metrics = MetricsEndpoint.start("127.0.0.1", 0, bot::deliveryStats);
        Scrape idle = scrape();
        assertThat(idle.sum("wbassist_bot_sent_total")).isZero();
        bot.start();

        // on a timeout the message shows where delivery stood (a flaky run once stalled here unexplained)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Scrape now = scrape();
            assertThat(List.of(now.sum("wbassist_bot_sent_total"), now.sum("wbassist_bot_given_up_total")))
                    .as(
                            "sent, given up; 429s %s, retries %s, in flight %s, queued %s, journal %s; at the"
                                    + " emulator: chat 61 %s, chat 62 %s",
                            now.sum("wbassist_bot_telegram_429_total"),
                            now.sum("wbassist_bot_retries_total"),
                            now.sum("wbassist_bot_in_flight"),
                            now.sum("wbassist_bot_queued"),
                            now.sum("wbassist_bot_journal_entries"),
                            telegram.sent(61).size(),
                            telegram.sent(62).size())
                    .containsExactly(2.0, 1.0);
        });
        Scrape delivered = scrape();
        assertThat(delivered.sum("wbassist_bot_telegram_429_total")).isPositive();
        assertThat(delivered.sum("wbassist_bot_retries_total", Map.of("reason", "rate_limited")))
                .isEqualTo(delivered.sum("wbassist_bot_telegram_429_total"));
        assertThat(delivered.sum("wbassist_bot_in_flight")).isZero();
        assertThat(delivered.sum("wbassist_bot_queued")).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().sum("wbassist_bot_journal_entries") == 0);

        // every bot metric the operator files (ops/) use is exported
        assertThat(OpsMetricNames.all().stream().filter(name -> name.startsWith("wbassist_bot_")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(delivered.names()).contains(name));
    }

    /**
     * Confirms the bot's pending updates, as if it had been offline past Telegram's 24 h: the block's my_chat_member
     * update is gone, so the bot learns of the block from the 403 of its send. Otherwise the update raced the first
     * delivery poll, and the server, told of the block first, rightly never handed out the notification.
     */
    private void dropPendingUpdates() throws Exception {
        String getUpdates = "http://127.0.0.1:" + telegram.port() + "/bot" + TOKEN + "/getUpdates";
        JsonNode pending = JSON.readTree(
                HTTP.send(HttpRequest.newBuilder(URI.create(getUpdates)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        long last = 0;
        for (JsonNode update : pending.path("result")) {
            last = Math.max(last, update.path("update_id").asLong());
        }
        assertThat(last).as("the block's update").isPositive();
        HTTP.send(
                HttpRequest.newBuilder(URI.create(getUpdates + "?offset=" + (last + 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return Scrape.parse(response.body());
    }
}
