package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.SandboxShop;
import ru.wbassist.emulators.wb.Scope;
import ru.wbassist.emulators.wb.Warehouse;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/**
 * The whole product over HTTP: WB sandbox → server (real sync, detection, fan-out, queue) → bot → Telegram emulator.
 * Two users share one cabinet; a new order arrives as a photo card in every linked chat, and a /settings toggle
 * changes what is delivered next. Then a price change, a price quarantine, a product selling down and the daily
 * digest with its chart reach the chat too.
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
        // the Prices category too, for price watch (the sandbox's default key lacks it)
        String key = sandbox.mintToken(
                seller,
                WbSandbox.DEFAULT_SCOPES | Scope.PRICES.mask(),
                Instant.now().plus(Duration.ofDays(30)));
        Chats.say(telegram, ANNA, "/start");
        Chats.say(telegram, BORIS, "/start");
        assertThat(Chats.say(telegram, ANNA, "/connect " + key).text()).contains("ИП Телеграмов");
        assertThat(Chats.say(telegram, BORIS, "/connect " + key).text()).contains("ИП Телеграмов");
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
        Foresight foresight = foresight(shop); // synced by the same run: each run waits out WB's sales limit
        Chats.syncNow(telegram, BORIS);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> cards(ANNA, product.vendorCode()).size() == 2
                        && cards(BORIS, product.vendorCode()).size() == 1);
        assertThat(telegram.tooManyRequestsCount()).isZero();

        assertForesightReached(foresight);
    }

    /**
     * Issue 15's cases in the sandbox, for real synced data: a price change, a price quarantine, a product selling down
     * into Anna's runway horizon (above the critical threshold), and a digest time of hers that has come.
     */
    private Foresight foresight(SandboxShop shop) {
        List<Product> products = shop.products();
        Product repriced = products.get(1);
        SandboxShop.PriceLevel before = shop.price(repriced.nmId());
        int discount = before.discount() >= 50 ? before.discount() - 10 : before.discount() + 10;
        assertThat(shop.setPrice(repriced.nmId(), before.price(), discount)).isTrue();
        Product slipped = products.get(2);
        SandboxShop.PriceLevel held = shop.price(slipped.nmId());
        assertThat(shop.setPrice(slipped.nmId(), held.price() / 4, held.discount()))
                .as("a quarter of the price goes to quarantine")
                .isFalse();

        // the product with the most orders (the runway's 14-day pace) falls to 6 pieces: above the critical threshold
        // (5), within a 30-day horizon as soon as it had 3 orders (6 × 14 ≤ 30 × 3)
        long sellingDown = server.db()
                .withConnection(c -> Sql.queryLong(
                        c,
                        "SELECT nm_id FROM wb_orders WHERE is_cancel = FALSE GROUP BY nm_id"
                                + " ORDER BY COUNT(*) DESC, nm_id LIMIT 1"));
        long orders = server.db()
                .withConnection(c -> Sql.queryLong(
                        c, "SELECT COUNT(*) FROM wb_orders WHERE is_cancel = FALSE AND nm_id = ?", sellingDown));
        assertThat(orders).as("the shop's 3-day history makes a pace").isGreaterThanOrEqualTo(3);
        client.updateSettings(ANNA.id(), Map.of("runway_days", 30));
        Product product = products.stream()
                .filter(p -> p.nmId() == sellingDown)
                .findFirst()
                .orElseThrow();
        for (Product.Size size : product.sizes()) {
            for (Warehouse warehouse : shop.warehouses()) {
                boolean kept = size.equals(product.sizes().getFirst())
                        && warehouse.equals(shop.warehouses().getFirst());
                shop.setStock(product.nmId(), size.chrtId(), warehouse.name(), kept ? 6 : 0);
            }
        }

        // a digest time that came today, chosen before it (as if set yesterday): the server's next round sends it
        server.db()
                .inTransaction(c -> Sql.update(
                        c,
                        "UPDATE notification_settings SET digest_time = '00:00', digest_time_set_at = NULL"
                                + " WHERE user_id = (SELECT id FROM users WHERE telegram_id = ?)",
                        ANNA.id()));
        return new Foresight(repriced, before, shop.price(repriced.nmId()), slipped, held, product);
    }

    /** What {@link #foresight} changed in the sandbox. */
    private record Foresight(
            Product repriced,
            SandboxShop.PriceLevel before,
            SandboxShop.PriceLevel after,
            Product slipped,
            SandboxShop.PriceLevel held,
            Product sellingDown) {}

    /** Anna's cards for what {@link #foresight} changed: each arrives once the sync ran. */
    private void assertForesightReached(Foresight f) {
        SentMessage price = awaitMessage(ANNA, "Цена изменилась", f.repriced().vendorCode());
        assertThat(price.body())
                .contains("Цена со скидкой: " + rub(f.before().discounted()) + " → <b>"
                        + rub(f.after().discounted()) + "</b>")
                .contains(
                        "Скидка: " + f.before().discount() + "% → " + f.after().discount() + "%")
                .contains("ИП Телеграмов");
        SentMessage quarantine =
                awaitMessage(ANNA, "Цена в карантине", f.slipped().vendorCode());
        assertThat(quarantine.body())
                .contains("Товар продаётся по старой цене <b>" + rub(f.held().discounted()) + "</b>");
        SentMessage runway =
                awaitMessage(ANNA, "Скоро закончится", f.sellingDown().vendorCode());
        assertThat(runway.method()).isEqualTo("sendPhoto");
        assertThat(runway.body()).contains("Хватит <b>≈ ").contains(": 6 шт., ~");
        assertThat(runway.buttonTexts()).anySatisfy(label -> assertThat(label).contains("Не уведомлять"));
        assertThat(telegram.sent(ANNA.id()))
                .as("6 pieces is above the critical threshold")
                .noneMatch(m -> m.body() != null && m.body().contains("Критичный остаток"));
        SentMessage digest = awaitMessage(ANNA, "Итоги", "ИП Телеграмов");
        assertThat(digest.method()).isEqualTo("sendPhoto");
        assertThat(digest.photoBytes()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(digest.caption()).contains("Заказы: <b>").contains("Вопросы без ответа: ");
        assertThat(telegram.tooManyRequestsCount()).isZero();
    }

    private SentMessage awaitMessage(TelegramUser user, String title, String mention) {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> telegram.sent(user.id()).stream()
                        .anyMatch(m -> m.body() != null
                                && m.body().contains(title)
                                && m.body().contains(mention)));
        return telegram.sent(user.id()).stream()
                .filter(m ->
                        m.body() != null && m.body().contains(title) && m.body().contains(mention))
                .findFirst()
                .orElseThrow();
    }

    /** Roubles as the server's Russian cards write them. */
    private static String rub(int amount) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.of("ru"))).format(amount) + " ₽";
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
