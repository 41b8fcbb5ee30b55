package ru.wbassist.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Notifications.ProductMute;
import ru.wbassist.api.Syncs;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.testing.FakeServer;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;

/**
 * The whole bot (long polling, commands, the one Messenger) against the Telegram emulator, with an in-memory server.
 * The emulator checks every reply like Telegram (HTML, lengths, callback_data), so a reply only shows up in
 * {@link TelegramEmulator#sent} when Telegram would have accepted it.
 */
class BotCommandsTest {

    private static final String TOKEN = "123:ABC";
    private static final long CHAT = 501;
    private static final TelegramUser ANNA = TelegramUser.of(CHAT, "Анна");

    private final FakeServer server = new FakeServer();
    private TelegramEmulator emulator;
    private WbAssistBot bot;

    @BeforeEach
    void start() throws Exception {
        emulator = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN).perChatBurst(20));
        bot = new WbAssistBot(
                TOKEN,
                new TelegramUrl("http", "127.0.0.1", emulator.port(), false),
                server,
                DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60)));
        bot.start();
    }

    @AfterEach
    void stop() {
        bot.close();
        emulator.close();
    }

    @Test
    void startRegistersTheUserAndPointsToConnect() {
        SentMessage reply = say(ANNA, "/start");

        assertThat(server.calls()).contains("register");
        assertThat(reply.text()).contains("Здравствуйте, Анна").contains("/connect");
    }

    @Test
    void startOffersTheDailyDigestUntilATimeIsChosen() {
        SentMessage reply = say(ANNA, "/start");
        assertThat(reply.text()).contains("Присылать итоги дня");
        assertThat(reply.callbackData()).containsExactly("dgt:0900", "dgt:1200", "dgt:1800", "dgt:2100");
        awaitAnswer(press(reply, "dgt:1800"), "✅ Итоги дня будут приходить в 18:00 МСК. Изменить — /settings");
        assertThat(server.storedSettings(CHAT)).containsEntry("digest_time", "18:00");
        awaitAnswer(press(reply, "dgt:2500"), "Эта кнопка устарела — откройте меню заново.");

        SentMessage again = say(ANNA, "/start");
        assertThat(again.text()).doesNotContain("итоги дня");
        assertThat(again.callbackData()).isEmpty();
    }

    @Test
    void englishTelegramUsersGetEnglish() {
        SentMessage reply = say(TelegramUser.of(CHAT, "John").withLanguage("en-GB"), "/start");

        assertThat(reply.text()).contains("Hello, John").contains("/connect");
    }

    @Test
    void connectDeletesTheMessageWithTheKeyAndNamesTheCabinet() {
        assertThat(say(ANNA, "/connect").text()).contains("API-ключ");
        long keyMessageId = emulator.injectMessage(CHAT, ANNA, "eyJhbGciOiJFUzI1NiJ9.secret-key")
                .at("/message/message_id")
                .asLong();

        List<SentMessage> actions = awaitActions(CHAT, 3);
        assertThat(actions.get(1).method()).isEqualTo("deleteMessage");
        assertThat(actions.get(1).messageId()).isEqualTo(keyMessageId);
        assertThat(actions.get(2).text()).contains("<b>Магазин &lt;Лето&gt; &amp; Ко</b>");
        assertThat(emulator.allSent())
                .filteredOn(m -> !m.method().equals("deleteMessage"))
                .noneMatch(m -> m.body().contains("secret-key"));
    }

    @Test
    void aNewKeyOfAConnectedSellerIsReportedAsAReplacedKey() {
        SentMessage reply = sayAndWaitFor(ANNA, "/connect " + FakeServer.NEW_KEY_OF_CONNECTED_SELLER, 2);

        assertThat(reply.text())
                .contains("ключ кабинета <b>Магазин &lt;Лето&gt; &amp; Ко</b> заменён")
                .contains("История, настройки и пользователи кабинета сохранены");
    }

    @Test
    void theHourlyCapOnTestNotificationsIsExplained() {
        server.testLimitReached = true;

        assertThat(say(ANNA, "/test").text()).contains("Не больше 20 тестовых уведомлений в час");
    }

    @Test
    void aFloodOfCommandsIsCutWithOneTooOftenReply() {
        for (int i = 0; i < 30; i++) {
            emulator.injectMessage(CHAT, ANNA, "/help");
        }

        List<SentMessage> sent = awaitActions(CHAT, 11);

        assertThat(sent)
                .filteredOn(m -> m.text() != null && m.text().contains("Слишком часто"))
                .hasSize(1);
        assertThat(sent.size())
                .as("at most the burst, a refill or two, and the notice")
                .isLessThan(15);
    }

    @Test
    void aRejectedKeyGetsTheServersReason() {
        SentMessage reply = sayAndWaitFor(ANNA, "/connect " + FakeServer.BAD_KEY, 2);

        assertThat(reply.text()).contains("Не удалось подключить").contains("WB rejected the key: 401 Unauthorized");
        assertThat(emulator.sent(CHAT).getFirst().method()).isEqualTo("deleteMessage");
    }

    @Test
    void settingsToggleIsSavedEditedInPlaceAndAnswered() {
        SentMessage menu = say(ANNA, "/settings");
        assertThat(menu.text()).contains("Новые заказы: <b>вкл</b>");
        assertThat(menu.callbackData()).contains("set:all", "set:ord", "set:rev", "set:stk", "set:qh", "set:lng");

        String queryId = press(menu, "set:ord");

        SentMessage edited = awaitActions(CHAT, 2).get(1);
        assertThat(edited.method()).isEqualTo("editMessageText");
        assertThat(edited.messageId()).isEqualTo(menu.messageId());
        assertThat(edited.text()).contains("Новые заказы: <b>выкл</b>");
        assertThat(server.storedSettings(CHAT)).containsEntry("new_orders_enabled", false);
        awaitAnswer(queryId, "✅ Сохранено");

        press(menu, "set:qh");
        assertThat(awaitActions(CHAT, 3).get(2).text()).contains("Тихие часы: <b>22:00–08:00</b>");
        assertThat(server.storedSettings(CHAT))
                .containsEntry("quiet_hours_start", "22:00")
                .containsEntry("quiet_hours_end", "08:00");
    }

    @Test
    void aStockAlertsMuteButtonMutesTheProductAndSettingsListAndUndoIt() {
        SentMessage menu = say(ANNA, "/settings");
        assertThat(menu.text()).doesNotContain("Без уведомлений об остатке");
        awaitAnswer(
                press(menu, "mute:5:100"), "🔕 Готово: об остатке этого товара больше не пишу. Вернуть — в /settings.");
        assertThat(server.mutes(CHAT)).extracting(ProductMute::nmId).containsExactly(100L);

        SentMessage listed = say(ANNA, "/settings");
        assertThat(listed.text()).contains("Без уведомлений об остатке:").contains("• Товар 100 · Shop");
        assertThat(listed.callbackData()).contains("set:unm:5:100");
        String queryId = press(listed, "set:unm:5:100");
        awaitAnswer(queryId, "✅ Сохранено");
        SentMessage redrawn = emulator.sent(CHAT).getLast();
        assertThat(redrawn.method()).isEqualTo("editMessageText");
        assertThat(redrawn.text()).doesNotContain("Без уведомлений об остатке");
        assertThat(server.mutes(CHAT)).isEmpty();
        awaitAnswer(press(listed, "mute:5:x"), "Эта кнопка устарела — откройте меню заново.");
    }

    @Test
    void runwayAndDigestSettingsStepThroughTheirValues() {
        SentMessage menu = say(ANNA, "/settings");
        assertThat(menu.text())
                .contains("Скоро закончится: <b>вкл</b>")
                .contains("Горизонт запаса: <b>7 дн.</b>")
                .contains("Итоги дня: <b>выкл</b>");
        press(menu, "set:dig");
        assertThat(awaitActions(CHAT, 2).get(1).text()).contains("Итоги дня: <b>09:00 МСК</b>");
        assertThat(server.storedSettings(CHAT)).containsEntry("digest_time", "09:00");
        press(menu, "set:rdy");
        assertThat(awaitActions(CHAT, 3).get(2).text()).contains("Горизонт запаса: <b>10 дн.</b>");
        assertThat(server.storedSettings(CHAT)).containsEntry("runway_days", 10);
        press(menu, "set:rwy");
        assertThat(awaitActions(CHAT, 4).get(3).text()).contains("Скоро закончится: <b>выкл</b>");
        assertThat(server.storedSettings(CHAT)).containsEntry("stock_runway_enabled", false);
    }

    @Test
    void switchingLanguageInSettingsRedrawsTheMenuInEnglish() {
        SentMessage menu = say(ANNA, "/settings");
        String queryId = press(menu, "set:lng");

        assertThat(awaitActions(CHAT, 2).get(1).text())
                .contains("Notification settings")
                .contains("English");
        awaitAnswer(queryId, "✅ Saved");
        assertThat(say(ANNA, "/help").text()).contains("WB Assist commands");
    }

    @Test
    void ordersPageAndFilterWithButtons() {
        server.addCabinet(CHAT, "Shop");
        SentMessage first = say(ANNA, "/orders");
        assertThat(first.text()).contains("(1–5 из 12)").contains("Платье &lt;летнее&gt; №1");
        assertThat(first.callbackData()).contains("ord:all:5", "ord:buyout:0");

        press(first, "ord:all:5");
        SentMessage second = awaitActions(CHAT, 2).get(1);
        assertThat(second.method()).isEqualTo("editMessageText");
        assertThat(second.text()).contains("(6–10 из 12)");
        assertThat(second.callbackData()).contains("ord:all:0", "ord:all:10");

        press(first, "ord:buyout:0");
        assertThat(awaitActions(CHAT, 3).get(2).text()).contains("выкупленные");
        assertThat(server.calls()).contains("orders buyout 5 0");
    }

    @Test
    void analyticsSwitchesPeriodAndSendsAChartPicture() {
        server.addCabinet(CHAT, "Shop");
        SentMessage summary = say(ANNA, "/analytics");
        assertThat(summary.text()).contains("7 дней").contains("78.0%");

        press(summary, "an:30d");
        assertThat(awaitActions(CHAT, 2).get(1).text()).contains("30 дней");

        press(summary, "an:chart:30d");
        SentMessage chart = awaitActions(CHAT, 3).get(2);
        assertThat(chart.method()).isEqualTo("sendPhoto");
        assertThat(chart.photo()).isEqualTo("upload:sales-30d.png");
        assertThat(chart.photoBytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(chart.caption()).contains("Shop");
    }

    @Test
    void readCommandsAnswerWithEscapedData() {
        server.addCabinet(CHAT, "Shop & Co");
        assertThat(say(ANNA, "/dashboard").text()).contains("Shop &amp; Co").contains("12 · 15 471 ₽");
        assertThat(say(ANNA, "/stocks").text()).contains("Футболка &amp; шорты").contains("<b>3</b> шт.");
        assertThat(say(ANNA, "/reviews").text())
                .contains("Пришло &lt;не то&gt;")
                .contains("4.62");
        assertThat(say(ANNA, "/cabinets").callbackData())
                .singleElement()
                .asString()
                .startsWith("cab:leave:");
        SentMessage sync = say(ANNA, "/sync");
        assertThat(sync.text())
                .contains("Синхронизация запущена")
                .contains("заказы: ✅ готово")
                .contains("Заказы онлайн: выключены — у ключа нет категории «Аналитика»");
        assertThat(sync.callbackData()).containsExactly("sync:status");
        // a failed data set: a plain reason and the id to quote, never the server's internal details
        assertThat(sync.text())
                .contains("внутренняя ошибка сервера", "0a1b2c3d4e5f")
                .doesNotContain("DataAccessException", "SQL", "wb_sales");

        server.pauseSync();
        assertThat(say(ANNA, "/sync").text()).contains("<b>Shop &amp; Co</b>: синхронизация приостановлена оператором");
    }

    @Test
    void syncShowsHowLateABaseTokenMakesLiveOrdersAndWhenTheNextPollIs() {
        server.addCabinet(CHAT, "Shop");
        Instant polled = Instant.parse("2026-11-27T06:00:00Z");
        server.setLiveOrders(new Syncs.LiveOrders(
                "slowed", "base_token", polled, "failed", "WB answered 429", polled.plus(Duration.ofHours(3)), 1800L));
        assertThat(say(ANNA, "/sync").text())
                .contains(
                        "Заказы онлайн: базовый токен WB — 1 запрос в 3 часа, новые заказы приходят с опозданием до 3 ч")
                .contains("последний опрос 27.11 09:00, следующий 27.11 12:00");
        assertThat(say(TelegramUser.of(CHAT, "Anna").withLanguage("en"), "/sync")
                        .text())
                .contains("Live orders: a WB Base token — 1 request per 3 hours, so new orders arrive up to 3 h late")
                .contains("last poll 27.11 09:00, next 27.11 12:00");
    }

    @Test
    void leavingACabinetAsksFirst() {
        server.addCabinet(CHAT, "Shop");
        SentMessage list = say(ANNA, "/cabinets");
        String leave = list.callbackData().getFirst();

        press(list, leave);
        SentMessage confirm = awaitActions(CHAT, 2).get(1);
        assertThat(confirm.text()).contains("Отключить кабинет <b>Shop</b>?");
        assertThat(server.cabinets(CHAT)).hasSize(1);

        press(list, confirm.callbackData().getFirst());
        assertThat(awaitActions(CHAT, 3).get(2).text()).contains("нет кабинетов");
        assertThat(server.cabinets(CHAT)).isEmpty();
    }

    @Test
    void stopPausesAndTestQueuesASample() {
        assertThat(say(ANNA, "/stop").text()).contains("приостановлены");
        assertThat(server.storedSettings(CHAT)).containsEntry("notifications_enabled", false);

        emulator.injectMessage(CHAT, ANNA, "/test");
        // the reply and the queued sample (delivered by the engine) may arrive in either order
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> emulator.sent(CHAT).stream()
                                .map(SentMessage::body)
                                .toList(),
                        texts -> texts.stream().anyMatch(t -> t.contains("Тестовое уведомление поставлено"))
                                && texts.stream().anyMatch(t -> t.contains("Тест</b>: new_order")));
        assertThat(server.calls()).contains("sendTest new_order");
    }

    @Test
    void unknownCommandsFreeTextAndOutdatedButtonsGetHelpfulAnswers() {
        assertThat(say(ANNA, "/foo").text()).contains("/foo").contains("/help");
        assertThat(say(ANNA, "привет").text()).contains("/help");

        SentMessage help = say(ANNA, "/help");
        String queryId = emulator.injectCallback(CHAT, help.messageId(), "old:button")
                .at("/callback_query/id")
                .asText();
        awaitAnswer(queryId, "Эта кнопка устарела — откройте меню заново.");
        String forged = emulator.injectCallback(CHAT, help.messageId(), "cab:leave:x")
                .at("/callback_query/id")
                .asText();
        awaitAnswer(forged, "Эта кнопка устарела — откройте меню заново.");
    }

    @Test
    void repliesToAUserTypingFasterThanTelegramAllowsStillArrive() throws Exception {
        bot.close();
        emulator.close();
        emulator = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN)); // burst of 3
        bot = new WbAssistBot(
                TOKEN,
                new TelegramUrl("http", "127.0.0.1", emulator.port(), false),
                server,
                DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60)));
        bot.start();

        for (int i = 0; i < 6; i++) {
            emulator.injectMessage(CHAT, ANNA, "/help");
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> emulator.sent(CHAT).size() == 6);
        assertThat(emulator.tooManyRequestsCount())
                .as("Telegram did refuse some at first")
                .isPositive();
    }

    @Test
    void blockingTheBotIsReportedToTheServerAtOnce() {
        say(ANNA, "/start");
        emulator.block(CHAT);

        await().atMost(Duration.ofSeconds(10)).until(() -> server.isBlocked(CHAT));
    }

    @Test
    void serverOutageBecomesAShortApology() {
        server.setDown(true);
        assertThat(say(ANNA, "/dashboard").text()).contains("Сервер WB Assist недоступен");

        SentMessage help = say(ANNA, "/help");
        String queryId = press(help, "set:ord");
        awaitAnswer(queryId, "😔 Не получилось, попробуйте ещё раз.");
    }

    @Test
    void aServerErrorShowsThePlainApologyAndTheErrorIdToQuote() {
        server.failWith(new ServerException(
                500, "internal_error", "internal server error; quote error_id when reporting", "9f8e7d6c5b4a"));
        String apology = say(ANNA, "/dashboard").text();
        assertThat(apology)
                .contains("Сервер сейчас не смог ответить", "9f8e7d6c5b4a")
                .doesNotContain("internal_error", "quote error_id");
    }

    // ---- helpers

    /** The user sends {@code text}; returns the bot's next action in the chat. */
    private SentMessage say(TelegramUser user, String text) {
        return sayAndWaitFor(user, text, 1);
    }

    private SentMessage sayAndWaitFor(TelegramUser user, String text, int newActions) {
        int before = emulator.sent(CHAT).size();
        emulator.injectMessage(CHAT, user, text);
        return awaitActions(CHAT, before + newActions).get(before + newActions - 1);
    }

    private String press(SentMessage message, String data) {
        JsonNode update = emulator.injectCallback(CHAT, message.messageId(), data);
        return update.at("/callback_query/id").asText();
    }

    private List<SentMessage> awaitActions(long chat, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.sent(chat).size() >= count);
        return emulator.sent(chat);
    }

    private void awaitAnswer(String queryId, String text) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> emulator.callbackAnswer(queryId).isPresent());
        assertThat(emulator.callbackAnswer(queryId)).contains(text);
    }
}
