package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Users;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;
import ru.wbassist.server.TestServer;

/**
 * Notifications from the real server's queue to the Telegram emulator through the real bot, all over HTTP: the
 * lease/ack protocol, the rate limits, blocked users and a restart in the middle of a flood.
 */
class DeliveryWithRealServerTest {

    private static final String TOKEN = "778:E2E";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestServer server;
    private TelegramEmulator telegram;
    private HttpServerClient client;
    private final List<WbAssistBot> bots = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(DatabaseConfig.Vendor.H2, Map.of());
        telegram = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN));
        client = new HttpServerClient(server.baseUrl(), TestServer.SECRET);
    }

    @AfterEach
    void stop() {
        bots.forEach(WbAssistBot::close);
        telegram.close();
        server.close();
    }

    @Test
    void fiveHundredNotificationsForFiftyUsersArriveOnceEachWithoutA429() {
        for (long user = 1; user <= 50; user++) {
            register(user);
            for (int i = 0; i < 10; i++) {
                client.sendTest(user, "new_order");
            }
        }
        startBot(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(90)).until(() -> status("sent") == 500);

        // the pace is FairSchedulerTest's, on a fake clock; the emulator's 30/s and 1/s-per-chat buckets refuse a
        // bot that breaks either limit
        assertThat(telegram.tooManyRequestsCount()).isZero();
        Map<Long, Long> perChat =
                telegram.allSent().stream().collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
        assertThat(perChat)
                .hasSize(50)
                .allSatisfy((chat, count) -> assertThat(count).isEqualTo(10));
        SentMessage card = telegram.allSent().getFirst();
        assertThat(card.body()).contains("Новый заказ");
    }

    @Test
    void aTestNotificationFromTheBotArrivesAndIsMarkedDelivered() {
        startBot(Duration.ofSeconds(60));
        TelegramUser user = TelegramUser.of(31, "Вера");
        telegram.injectMessage(31, user, "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.user(31) != null);

        telegram.injectMessage(31, user, "/test");

        await().atMost(Duration.ofSeconds(15)).until(() -> status("sent") == 1);
        JsonNode item = admin("/api/v1/admin/notifications?telegram_id=31")
                .path("items")
                .get(0);
        assertThat(item.path("sent_at").asText()).isNotBlank();
        assertThat(telegram.sent(31))
                .anySatisfy(message ->
                        assertThat(message.body()).isEqualTo(item.path("text").asText()));
    }

    @Test
    void aDigestArrivesAsTheChartTheBotDrewWithTheDigestAsItsCaption() {
        register(51);
        client.sendTest(51, "daily_digest");
        startBot(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(15)).until(() -> status("sent") == 1);
        JsonNode item = admin("/api/v1/admin/notifications?telegram_id=51")
                .path("items")
                .get(0);
        assertThat(telegram.sent(51)).singleElement().satisfies(photo -> {
            assertThat(photo.method()).isEqualTo("sendPhoto");
            assertThat(photo.photo()).startsWith("upload:");
            assertThat(photo.photoBytes()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            assertThat(photo.caption()).isEqualTo(item.path("text").asText()).contains("Итоги");
        });
    }

    /** Telegram refuses what breaks its limits or its HTML; the emulator does too, so each type must arrive. */
    @Test
    void everyTypesSampleArrivesInBothLanguagesWithinTelegramsLimits() {
        List<String> types = Notifications.Types.ALL;
        for (int i = 0; i < types.size(); i++) {
            for (String language : List.of("ru", "en")) {
                long user = 700 + 2L * i + ("ru".equals(language) ? 0 : 1);
                client.register(new Users.Registration(user, "user" + user, "User " + user, null, language));
                client.sendTest(user, types.get(i));
            }
        }
        startBot(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).until(() -> status("sent") == 2L * types.size());
        assertThat(status("failed")).isZero();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            for (long user : new long[] {700 + 2L * i, 701 + 2L * i}) {
                assertThat(telegram.sent(user)).as(type).singleElement().satisfies(message -> {
                    boolean photo = "sendPhoto".equals(message.method());
                    assertThat(message.body().length()).as(type).isLessThanOrEqualTo(photo ? 1024 : 4096);
                    if (type.equals(Notifications.Types.DAILY_DIGEST)) {
                        assertThat(message.photoBytes()).as("the chart").startsWith(new byte[] {(byte) 0x89, 'P'});
                    }
                });
            }
        }
        Map<String, List<String>> titles = Map.of(
                "stock_runway", List.of("Скоро закончится", "Running out soon"),
                "price_changed", List.of("Цена изменилась", "Price changed"),
                "price_quarantine", List.of("Цена в карантине", "Price in quarantine"),
                "daily_digest", List.of("Итоги", "Digest for"));
        titles.forEach((type, both) -> {
            long ru = 700 + 2L * types.indexOf(type);
            assertThat(telegram.sent(ru).getFirst().body()).contains(both.get(0));
            assertThat(telegram.sent(ru + 1).getFirst().body()).contains(both.get(1));
        });
        assertThat(telegram.tooManyRequestsCount()).isZero();
    }

    @Test
    void theServersOwnScheduleSendsADigestWhoseTimeHasCome() {
        register(61);
        server.db().inTransaction(c -> {
            long user = Sql.queryLong(c, "SELECT id FROM users WHERE telegram_id = 61");
            long cabinet = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash,"
                            + " baseline_completed_at) VALUES ('Shop','e','h',?)",
                    Instant.now());
            Sql.update(c, "INSERT INTO cabinet_users (cabinet_id, user_id, role) VALUES (?,?,'owner')", cabinet, user);
            // a time that has come today, chosen before it (no digest_time_set_at)
            Sql.update(c, "INSERT INTO notification_settings (user_id, digest_time) VALUES (?, '00:00')", user);
            return null;
        });
        startBot(Duration.ofSeconds(60));

        // the server looks for due digests every 20 s (notifications.digest-check-seconds)
        await().atMost(Duration.ofSeconds(45)).until(() -> status("sent") == 1);
        assertThat(telegram.sent(61)).singleElement().satisfies(photo -> {
            assertThat(photo.method()).isEqualTo("sendPhoto");
            assertThat(photo.caption()).contains("Итоги").contains("Shop");
        });
    }

    @Test
    void aUserWhoBlockedTheBotIsMarkedAndSkipped() {
        register(41);
        register(42);
        telegram.block(41);
        client.sendTest(41, "new_order");
        client.sendTest(41, "critical_stock");
        client.sendTest(42, "new_order");
        startBot(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.user(41).botBlocked() && status("sent") == 1 && status("pending") == 0);
        assertThat(telegram.sent(41)).isEmpty();
        assertThat(telegram.sent(42)).hasSize(1);
    }

    @Test
    void settingsTogglesFromTheBotAreStoredOnTheServer() {
        startBot(Duration.ofSeconds(60));
        TelegramUser user = TelegramUser.of(51, "Пётр");
        telegram.injectMessage(51, user, "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.user(51) != null);

        telegram.injectMessage(51, user, "/settings");
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sent(51).size() >= 2);
        SentMessage menu = telegram.sent(51).get(1);
        String queryId = telegram.injectCallback(51, menu.messageId(), "set:rev")
                .at("/callback_query/id")
                .asText();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> telegram.callbackAnswer(queryId).isPresent());
        Notifications.Settings settings = client.settings(51);
        assertThat(settings.negativeReviewsEnabled()).isFalse();
        assertThat(telegram.sent(51).getLast().text()).contains("Негативные отзывы: <b>выкл</b>");

        // every other button too: the server accepts each value the menu steps to
        for (String option : List.of("ord", "buy", "cnl", "ret", "stk", "grp", "gsz", "gto", "rth", "sth", "qh")) {
            String pressed = telegram.injectCallback(51, menu.messageId(), "set:" + option)
                    .at("/callback_query/id")
                    .asText();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> telegram.callbackAnswer(pressed).isPresent());
            assertThat(telegram.callbackAnswer(pressed)).as("set:%s", option).contains("✅ Сохранено");
        }
        Notifications.Settings changed = client.settings(51);
        assertThat(changed.quietHoursStart()).isEqualTo("22:00");
        assertThat(changed.quietHoursEnd()).isEqualTo("08:00");
        assertThat(changed.groupingEnabled()).isTrue();
        assertThat(changed.maxGroupSize()).isEqualTo(10);
        assertThat(changed.groupTimeout()).isEqualTo(900);
        assertThat(changed.negativeReviewThreshold()).isEqualTo(4);
        assertThat(changed.criticalStockThreshold()).isEqualTo(10);

        telegram.injectMessage(51, user, "/stop");
        assertThat(changed.notificationsEnabled()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.settings(51).notificationsEnabled());
    }

    @Test
    void stoppedMidFloodAndRestartedDeliversEachNotificationExactlyOnce() {
        for (long user = 1; user <= 10; user++) {
            register(user);
            for (int i = 0; i < 10; i++) {
                client.sendTest(user, "new_order");
            }
        }
        WbAssistBot first = startBot(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> status("sent") >= 25);
        first.close();
        bots.remove(first);
        assertThat(status("sent")).as("the stop left claimed items unsent").isLessThan(100);

        startBot(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> status("sent") == 100);

        assertThat(telegram.allSent())
                .as(() -> telegram.allSent().stream()
                        .map(m -> m.chatId() + "@" + m.at())
                        .collect(Collectors.joining("\n")))
                .hasSize(100);
        assertThat(telegram.allSent().stream()
                        .collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting())))
                .hasSize(10)
                .allSatisfy((chat, count) -> assertThat(count).isEqualTo(10));
    }

    /**
     * A SIGKILL can land anywhere, including inside the duplicate window (Telegram accepted a message, the bot has not
     * journaled it yet: docs/bot.md). So this test asserts what is guaranteed: nothing is lost, and nothing already
     * delivered is sent again beyond the few sends that were on the wire at the kill (one per chat at most; typically
     * none). A naive bot would resend everything it had claimed.
     */
    @Test
    void aBotProcessKilledMidFloodAndRestartedLosesNothingAndResendsOnlyWhatWasOnTheWire(@TempDir Path dir)
            throws Exception {
        for (long user = 1; user <= 10; user++) {
            register(user);
            for (int i = 0; i < 10; i++) {
                client.sendTest(user, "new_order");
            }
        }
        Map<String, String> env = Map.of(
                "TELEGRAM_BOT_TOKEN",
                TOKEN,
                "TELEGRAM_API_URL",
                telegram.baseUrl(),
                "SERVER_URL",
                server.baseUrl(),
                "API_SECRET_KEY",
                TestServer.SECRET,
                "DELIVERY_LEASE",
                "5",
                "DELIVERY_JOURNAL",
                dir.resolve("bot-delivered.journal").toString());

        Process first = botProcess(env, dir.resolve("first.log"));
        await().atMost(Duration.ofSeconds(60)).until(() -> status("sent") >= 25);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int sentByTheKilledBot = telegram.allSent().size();
        assertThat(sentByTheKilledBot).as("killed mid-flood").isLessThan(100);

        Process second = botProcess(env, dir.resolve("second.log"));
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> status("sent") == 100);
            Map<Long, Long> perChat = telegram.allSent().stream()
                    .collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
            assertThat(perChat)
                    .hasSize(10)
                    .allSatisfy((chat, count) -> assertThat(count).isBetween(10L, 11L));
            long duplicates = telegram.allSent().size() - 100;
            assertThat(duplicates)
                    .as("messages sent again after the restart (of %d sent before the kill)", sentByTheKilledBot)
                    .isLessThanOrEqualTo(2);
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** {@code java ru.wbassist.bot.BotMain} as its own process, as ./run.sh bot starts it. */
    private static Process botProcess(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "ru.wbassist.bot.BotMain");
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private WbAssistBot startBot(Duration lease) {
        WbAssistBot bot = new WbAssistBot(
                TOKEN,
                new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                client,
                DeliveryOptions.defaults(28, Duration.ofSeconds(2), lease),
                Chats.typingFast());
        bots.add(bot);
        try {
            bot.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bot;
    }

    private void register(long telegramId) {
        client.register(new Users.Registration(telegramId, "user" + telegramId, "User " + telegramId, null, "ru"));
    }

    private long status(String status) {
        return admin("/api/v1/admin/notifications?status=" + status + "&limit=1")
                .path("total")
                .asLong();
    }

    private JsonNode admin(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                            .header("X-API-SECRET-KEY", TestServer.SECRET)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
