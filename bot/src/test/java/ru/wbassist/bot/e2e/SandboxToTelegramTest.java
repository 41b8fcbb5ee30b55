package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.SandboxShop;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/**
 * The whole product over HTTP: WB sandbox → server (real sync, detection, fan-out, queue) → bot → Telegram emulator.
 * Two users share one cabinet; a new order arrives as a photo card in every linked chat, and a /settings toggle
 * changes what is delivered next.
 */
class SandboxToTelegramTest {

    private static final String TOKEN = "779:E2E";
    private static final TelegramUser ANNA = TelegramUser.of(601, "Анна");
    private static final TelegramUser BORIS = TelegramUser.of(602, "Борис");

    private WbSandbox sandbox;
    private TestServer server;
    private TelegramEmulator telegram;
    private WbAssistBot bot;
    private HttpServerClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(11)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(3));
        server = TestServer.start(
                DatabaseConfig.Vendor.H2, Map.of("SYNC_ENABLED", "true", "WB_API_BASE_URL", sandbox.baseUrl()));
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
        Chats.closeAll(bot, telegram, server, sandbox);
    }

    @Test
    void aNewOrderInTheSandboxArrivesAsAPhotoCardInEveryLinkedChat() {
        SandboxSeller seller = sandbox.createSeller("ИП Телеграмов");
        SandboxShop shop = seller.shop();
        Chats.say(telegram, ANNA, "/start");
        Chats.say(telegram, BORIS, "/start");
        assertThat(Chats.say(telegram, ANNA, "/connect " + seller.token()).text())
                .contains("ИП Телеграмов");
        assertThat(Chats.say(telegram, BORIS, "/connect " + seller.token()).text())
                .contains("ИП Телеграмов");
        awaitBaseline();

        // Boris turns new-order notifications off in /settings
        SentMessage menu = Chats.say(telegram, BORIS, "/settings");
        telegram.injectCallback(BORIS.id(), menu.messageId(), "set:ord");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !client.settings(BORIS.id()).newOrdersEnabled());

        Product product = shop.products().getFirst();
        String warehouse = shop.warehouses().getFirst().name();
        shop.placeOrder(product.nmId(), product.sizes().getFirst().chrtId(), warehouse);
        Chats.syncNow(telegram, ANNA);

        SentMessage card = awaitCard(ANNA, product.vendorCode());
        assertThat(card.method()).isEqualTo("sendPhoto");
        assertThat(card.photo())
                .as("a rendition of the product's card photo")
                .startsWith("https://basket-")
                .contains("/" + product.nmId() + "/images/");
        assertThat(card.body()).contains("Новый заказ").contains(warehouse);

        // the reports render the synced data (the server's real JSON for orders, stocks, reviews, analytics)
        assertThat(Chats.say(telegram, ANNA, "/orders").text())
                .contains(product.vendorCode())
                .contains("ИП Телеграмов");
        assertThat(Chats.say(telegram, ANNA, "/dashboard").text()).contains("Заказы сегодня: <b>");
        assertThat(Chats.say(telegram, ANNA, "/reviews").text()).contains("ИП Телеграмов");
        assertThat(Chats.say(telegram, ANNA, "/stocks").text()).contains("ИП Телеграмов");
        assertThat(Chats.say(telegram, ANNA, "/analytics").text()).contains("Процент выкупа");
        assertThat(Chats.say(telegram, ANNA, "/cabinets").text()).contains("ИП Телеграмов");

        // Boris turns them back on: the next order reaches both chats
        int borisBefore = cards(BORIS, product.vendorCode()).size();
        assertThat(borisBefore).as("Boris had new orders off").isZero();
        SentMessage borisMenu = Chats.say(telegram, BORIS, "/settings");
        telegram.injectCallback(BORIS.id(), borisMenu.messageId(), "set:ord");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.settings(BORIS.id()).newOrdersEnabled());

        shop.placeOrder(product.nmId(), product.sizes().getFirst().chrtId(), warehouse);
        Chats.syncNow(telegram, BORIS);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> cards(ANNA, product.vendorCode()).size() == 2
                        && cards(BORIS, product.vendorCode()).size() == 1);
        assertThat(telegram.tooManyRequestsCount()).isZero();
    }

    private void awaitBaseline() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.cabinets(ANNA.id()).stream()
                        .allMatch(cabinet -> "success".equals(cabinet.lastSyncStatus())));
    }

    private SentMessage awaitCard(TelegramUser user, String vendorCode) {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> !cards(user, vendorCode).isEmpty());
        return cards(user, vendorCode).getFirst();
    }

    /** Notification cards for an order of the product: they name its vendor code. */
    private List<SentMessage> cards(TelegramUser user, String vendorCode) {
        return telegram.sent(user.id()).stream()
                .filter(m -> m.body() != null
                        && m.body().contains("Новый заказ")
                        && m.body().contains(vendorCode))
                .toList();
    }
}
