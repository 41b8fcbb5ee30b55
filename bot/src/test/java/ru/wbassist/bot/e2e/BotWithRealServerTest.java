package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Users;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;
import ru.wbassist.server.TestServer;

/**
 * The real server, the real bot and the Telegram emulator, all over HTTP: a user starts the bot, connects a cabinet
 * with a key (whose message is deleted) and reads every report; the replies are what the server's real JSON renders to.
 */
class BotWithRealServerTest {

    private static final String TOKEN = "777:E2E";
    private static final long CHAT = 9001;
    private static final TelegramUser OLGA = TelegramUser.of(CHAT, "Ольга");

    private TestServer server;
    private TelegramEmulator telegram;
    private WbAssistBot bot;
    private HttpServerClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(DatabaseConfig.Vendor.H2, Map.of());
        telegram = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN).perChatBurst(20));
        client = new HttpServerClient(server.baseUrl(), TestServer.SECRET);
        bot = new WbAssistBot(
                TOKEN,
                new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                client,
                DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60)),
                Chats.typingFast());
        bot.start();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable part : new AutoCloseable[] {bot, telegram, server}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void startConnectAndEveryReportAgainstTheRealServer() {
        assertThat(say("/start").text()).contains("Здравствуйте, Ольга").contains("/connect");
        Users.User user = client.user(CHAT);
        assertThat(user).isNotNull();
        assertThat(user.firstName()).isEqualTo("Ольга");
        assertThat(user.language()).isEqualTo("ru");

        say("/connect");
        long keyMessage = telegram.injectMessage(CHAT, OLGA, wbKey())
                .at("/message/message_id")
                .asLong();
        List<SentMessage> actions = awaitActions(4);
        assertThat(actions.get(2).method()).isEqualTo("deleteMessage");
        assertThat(actions.get(2).messageId()).isEqualTo(keyMessage);
        assertThat(actions.get(3).text()).startsWith("✅ Кабинет <b>");
        List<Cabinets.Cabinet> cabinets = client.cabinets(CHAT);
        assertThat(cabinets).hasSize(1);
        assertThat(actions.get(3).text()).contains(cabinets.getFirst().name());

        assertThat(say("/cabinets").text()).contains(cabinets.getFirst().name()).contains("владелец");
        assertThat(say("/dashboard").text()).contains("Заказы сегодня: <b>0 · 0 ₽</b>");
        assertThat(say("/orders").text()).contains("Заказов нет");
        assertThat(say("/stocks").text()).contains("Все товары в достатке");
        assertThat(say("/reviews").text()).contains("отзывов 0");
        SentMessage analytics = say("/analytics");
        assertThat(analytics.text()).contains("7 дней").contains("Заказы: <b>0 · 0 ₽</b>");
        telegram.injectCallback(CHAT, analytics.messageId(), "an:chart:30d");
        SentMessage chart = awaitActions(telegram.sent(CHAT).size() + 1).getLast();
        assertThat(chart.method()).isEqualTo("sendPhoto");
        assertThat(chart.photoBytes()).isNotEmpty();
    }

    @Test
    void aKeyTheServerRejectsIsExplained() {
        say("/start");
        SentMessage reply = awaitAfter("/connect not-a-wb-key", 2);

        assertThat(reply.text()).startsWith("❌ Не удалось подключить кабинет: ");
        assertThat(client.cabinets(CHAT)).isEmpty();
    }

    // ---- helpers

    private SentMessage say(String text) {
        return awaitAfter(text, 1);
    }

    private SentMessage awaitAfter(String text, int newActions) {
        int before = telegram.sent(CHAT).size();
        telegram.injectMessage(CHAT, OLGA, text);
        return awaitActions(before + newActions).get(before + newActions - 1);
    }

    private List<SentMessage> awaitActions(int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.sent(CHAT).size() >= count);
        return telegram.sent(CHAT);
    }

    /** A WB-shaped API key (JWT with the scopes the server needs); the signature is not checked locally. */
    private static String wbKey() {
        long scopes = (1L << 1) | (1L << 2) | (1L << 5) | (1L << 7);
        String payload = "{\"id\":\"" + UUID.randomUUID() + "\",\"s\":" + scopes + ",\"sid\":\"" + UUID.randomUUID()
                + "\",\"exp\":" + Instant.now().plusSeconds(180L * 24 * 3600).getEpochSecond()
                + ",\"acc\":3,\"for\":\"self\"}";
        return b64("{\"alg\":\"ES256\",\"kid\":\"k\",\"typ\":\"JWT\"}") + "." + b64(payload) + "." + b64("sig");
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
