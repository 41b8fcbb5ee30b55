package ru.wbassist.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.telegram.Messenger;
import ru.wbassist.bot.telegram.TelegramMessenger;
import ru.wbassist.bot.testing.FakeServer;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;

/** The delivery engine against the Telegram emulator (real HTTP, real TelegramBots client) and an in-memory server. */
class DeliveryEngineTest {

    private static final String TOKEN = "123:ABC";
    private static final Pattern MARKER = Pattern.compile("#n(\\d+)");

    private final FakeServer server = new FakeServer();
    private final List<DeliveryEngine> engines = new ArrayList<>();
    private TelegramEmulator emulator;

    @AfterEach
    void stop() {
        engines.forEach(DeliveryEngine::close);
        if (emulator != null) {
            emulator.close();
        }
    }

    /**
     * The pace itself (1 s between a chat's send starts, the global grid) is asserted in FairSchedulerTest on a fake
     * clock; here the emulator's buckets (30/s, 1/s per chat) answer 429 to a pacer that breaks either limit.
     */
    @Test
    void fiveHundredNotificationsForFiftyUsersWithoutA429InEachChatsOrder() {
        startEmulator(30);
        for (int round = 0; round < 10; round++) {
            for (long user = 1; user <= 50; user++) {
                queueText(user);
            }
        }
        DeliveryEngine engine = startEngine(28, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).until(() -> server.count("delivered") == 500);

        assertThat(emulator.tooManyRequestsCount()).isZero();
        assertThat(engine.rateLimitedCount()).isZero();
        assertEachDeliveredOnce(500);
        Map<Long, List<Long>> perChat = emulator.allSent().stream()
                .collect(Collectors.groupingBy(
                        SentMessage::chatId, Collectors.mapping(DeliveryEngineTest::itemId, Collectors.toList())));
        assertThat(perChat)
                .hasSize(50)
                .allSatisfy((chat, ids) -> assertThat(ids).hasSize(10).isSorted());
    }

    /**
     * Slow Telegram answers do not lower the rate: sends keep starting while earlier ones wait for their answers, up
     * to the in-flight cap (2 × rate, so answers of up to 2 s keep the pace), and no further.
     */
    @Test
    void unansweredSendsDoNotHoldBackNewOnesUpToTheInFlightCap() {
        HeldMessenger messenger = new HeldMessenger();
        for (int round = 0; round < 2; round++) {
            for (long user = 1; user <= 60; user++) {
                queueText(user);
            }
        }
        DeliveryOptions options = DeliveryOptions.defaults(20, Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertThat(options.maxInFlight()).isEqualTo(40);
        DeliveryEngine engine = new DeliveryEngine(server, messenger, options);
        engines.add(engine);
        engine.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> messenger.started() >= 40);
        assertThat(messenger.started()).as("sends on the wire, none answered").isEqualTo(40);
        assertThat(server.count("delivered")).isZero();

        messenger.answerAll();
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("delivered") == 120);
        assertThat(messenger.started()).isEqualTo(120);
    }

    @Test
    void oneUsersBurstDoesNotStarveOthers() {
        startEmulator(30);
        for (int i = 0; i < 60; i++) {
            queueText(1);
        }
        List<Long> others = new ArrayList<>();
        for (long user = 2; user <= 11; user++) {
            others.add(queueText(user).id());
        }
        startEngine(28, Duration.ofSeconds(120));

        // the burst alone needs a minute at one message per second; the others go out in its first seconds
        await().atMost(Duration.ofSeconds(5))
                .until(() -> others.stream().allMatch(id -> "delivered".equals(server.item(id).status)));
        assertThat(server.count("delivered")).isLessThan(30);
    }

    @Test
    void aBacklogBiggerThanTheLocalQueueDoesNotStarveOthers() {
        startEmulator(30);
        for (int i = 0; i < 400; i++) {
            queueText(1);
        }
        List<Long> others = new ArrayList<>();
        for (long user = 2; user <= 11; user++) {
            others.add(queueText(user).id());
        }
        // a 10 s lease: chat 1 keeps at most 10 here; the queue holds 40, far less than the 400 ahead of the others
        TelegramMessenger messenger = new TelegramMessenger(new OkHttpTelegramClient(
                new OkHttpClient(), TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false)));
        DeliveryEngine engine = new DeliveryEngine(
                server,
                messenger,
                new DeliveryOptions(
                        28,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(2),
                        20,
                        40,
                        Duration.ofSeconds(2),
                        16,
                        null));
        engines.add(engine);
        engine.start();

        await().atMost(Duration.ofSeconds(8))
                .until(() -> others.stream().allMatch(id -> "delivered".equals(server.item(id).status)));
        assertThat(emulator.sent(1).size()).isLessThan(12);
    }

    @Test
    void blockedUserIsReportedAndTheirItemsFailPermanently() {
        startEmulator(30);
        emulator.block(7);
        Notifications.Item toBlocked = queueText(7);
        Notifications.Item second = queueText(7);
        Notifications.Item toOther = queueText(8);
        startEngine(28, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered".equals(server.item(toOther.id()).status)
                        && "failed".equals(server.item(toBlocked.id()).status));
        assertThat(server.isBlocked(7)).isTrue();
        assertThat(server.item(toBlocked.id()).lastError).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(server.item(toBlocked.id()).attempts).isEqualTo(1);
        // the second item was either failed with the first or skipped by the server's block
        assertThat(server.item(second.id()).status).isIn("failed", "skipped");
        assertThat(emulator.sent(7)).isEmpty();
    }

    @Test
    void photoCardsGoAsPhotosAndFallBackToTextWhenTelegramRefusesThePhotoOrCaption() {
        startEmulator(30);
        emulator.makeUnfetchable("https://basket-01.wbbasket.ru/dead/1.webp");
        Notifications.Item card =
                server.queue(3, "<b>Новый заказ</b> #n1", "https://basket-01.wbbasket.ru/vol1/1.webp");
        Notifications.Item dead =
                server.queue(4, "<b>Новый заказ</b> #n2", "https://basket-01.wbbasket.ru/dead/1.webp");
        Notifications.Item longCaption =
                server.queue(5, "<b>Отзыв</b> #n3 " + "x".repeat(1100), "https://basket-01.wbbasket.ru/vol1/2.webp");
        startEngine(28, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.count("delivered") == 3);
        assertThat(emulator.sent(5)).singleElement().satisfies(text -> {
            assertThat(text.method()).isEqualTo("sendMessage");
            assertThat(text.text()).isEqualTo(longCaption.text());
        });
        SentMessage photo = emulator.sent(3).getFirst();
        assertThat(photo.method()).isEqualTo("sendPhoto");
        assertThat(photo.photo()).isEqualTo(card.imageUrl());
        assertThat(photo.caption()).isEqualTo(card.text());
        assertThat(emulator.sent(4)).singleElement().satisfies(text -> {
            assertThat(text.method()).isEqualTo("sendMessage");
            assertThat(text.text()).isEqualTo(dead.text());
        });
    }

    @Test
    void aStockAlertCarriesTheMuteButtonOtherNotificationsDoNot() {
        startEmulator(30);
        server.queueStockAlert(9, "⏳ <b>Скоро закончится</b> #n1", 100);
        server.queue(9, "<b>Новый заказ</b> #n2", null);
        startEngine(28, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.count("delivered") == 2);
        List<SentMessage> sent = emulator.sent(9);
        assertThat(sent.get(0).callbackData()).containsExactly("mute:5:100");
        assertThat(sent.get(0).replyMarkup().toString()).contains("Не уведомлять об этом товаре");
        assertThat(sent.get(1).callbackData()).isEmpty();
    }

    @Test
    void aDigestsChartIsDrawnHereAndUploadedWithTheTextAsItsCaption() {
        startEmulator(30);
        List<Notifications.ChartDay> days = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            days.add(new Notifications.ChartDay(
                    LocalDate.of(2026, 11, 14 + i),
                    new Insights.Tally(10 + i, BigDecimal.TEN),
                    new Insights.Tally(i, BigDecimal.ONE)));
        }
        Notifications.Item digest = server.queue(
                6,
                "📊 <b>Итоги 27.11</b> #n1",
                null,
                new Notifications.Chart("Магазин · 14 дней", "Заказы", "Выкупы", days));
        startEngine(28, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.count("delivered") == 1);
        assertThat(emulator.sent(6)).singleElement().satisfies(photo -> {
            assertThat(photo.method()).isEqualTo("sendPhoto");
            assertThat(photo.photo()).startsWith("upload:");
            assertThat(photo.caption()).isEqualTo(digest.text());
            assertThat(photo.parseMode()).isEqualTo("HTML");
            assertThat(photo.photoBytes()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        });
    }

    @Test
    void stoppedMidFloodAndRestartedDeliversEachNotificationExactlyOnce() {
        startEmulator(30);
        for (int round = 0; round < 10; round++) {
            for (long user = 1; user <= 10; user++) {
                queueText(user);
            }
        }
        DeliveryEngine first = startEngine(28, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("delivered") >= 25);
        first.close();
        long deliveredByFirst = server.count("delivered");
        assertThat(deliveredByFirst).as("the stop left claimed items unsent").isLessThan(100);

        startEngine(28, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(40)).until(() -> server.count("delivered") == 100);

        assertEachDeliveredOnce(100);
        for (long id = 1; id <= 100; id++) {
            assertThat(server.item(id).deliveredAcks).as("acks of %d", id).isEqualTo(1);
        }
    }

    @Test
    void aDeliveryTheLastRunJournaledButNeverAckedIsAckedNotSentAgain(@TempDir Path dir) throws Exception {
        startEmulator(30);
        Notifications.Item sentBeforeTheKill = queueText(1);
        Notifications.Item neverSent = queueText(1);
        // the previous run: Telegram accepted the first, the journal has it, then the process died before the ack
        Path journal = dir.resolve("bot-delivered.journal");
        Files.writeString(journal, sentBeforeTheKill.id() + "," + Instant.now().toEpochMilli() + "\n" + "12");
        server.pending(10, Duration.ZERO, Duration.ofSeconds(5));

        startEngine(28, Duration.ofSeconds(5), journal);

        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("delivered") == 2);
        assertThat(server.item(sentBeforeTheKill.id()).deliveredAcks).isEqualTo(1);
        assertThat(emulator.allSent())
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(neverSent.text()));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.size(journal) == 0);
    }

    @Test
    void tooManyRequestsWaitsRetryAfterAndLosesNothing() {
        startEmulator(4);
        for (long user = 1; user <= 20; user++) {
            queueText(user);
        }
        DeliveryEngine engine = startEngine(20, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> server.count("delivered") == 20);
        assertThat(engine.rateLimitedCount()).isPositive();
        assertThat(emulator.tooManyRequestsCount()).isEqualTo(engine.rateLimitedCount());
        assertEachDeliveredOnce(20);
    }

    @Test
    void aMessageTelegramRejectsIsReportedAsARetryableFailure() {
        startEmulator(30);
        Notifications.Item broken = server.queue(5, "<b>unclosed", null);
        startEngine(28, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(server.item(broken.id()).status));
        assertThat(server.item(broken.id()).attempts)
                .as("retried until the server gave up")
                .isEqualTo(5);
        assertThat(server.item(broken.id()).lastError).startsWith("Bad Request: can't parse entities");
    }

    private void startEmulator(double globalRate) {
        emulator = TelegramEmulator.start(TelegramEmulator.Options.defaults()
                .port(0)
                .token(TOKEN)
                .globalRate(globalRate)
                .perChatRate(1));
    }

    private DeliveryEngine startEngine(double rate, Duration lease) {
        return startEngine(rate, lease, null);
    }

    private DeliveryEngine startEngine(double rate, Duration lease, Path journal) {
        TelegramMessenger messenger = new TelegramMessenger(new OkHttpTelegramClient(
                new OkHttpClient(), TOKEN, new TelegramUrl("http", "127.0.0.1", emulator.port(), false)));
        DeliveryEngine engine = new DeliveryEngine(
                server,
                messenger,
                new DeliveryOptions(
                        rate,
                        Duration.ofSeconds(1),
                        lease,
                        Duration.ofSeconds(2),
                        100,
                        560,
                        Duration.ofSeconds(2),
                        16,
                        journal));
        engines.add(engine);
        engine.start();
        return engine;
    }

    /** The text names the id so the test can count deliveries per notification at the emulator. */
    private Notifications.Item queueText(long user) {
        return server.queue(user, "🛒 <b>Новый заказ</b> · #n{id}", null);
    }

    private void assertEachDeliveredOnce(int expected) {
        Map<Long, Integer> perId = new HashMap<>();
        for (SentMessage message : emulator.allSent()) {
            perId.merge(itemId(message), 1, Integer::sum);
        }
        assertThat(perId).hasSize(expected);
        assertThat(perId.values()).containsOnly(1);
    }

    private static long itemId(SentMessage message) {
        Matcher marker = MARKER.matcher(message.body());
        assertThat(marker.find())
                .as("message %s carries its id", message.body())
                .isTrue();
        return Long.parseLong(marker.group(1));
    }

    /** A Bot API that answers nothing until {@link #answerAll} (then everything at once), counting the sends. */
    private static final class HeldMessenger implements Messenger {
        private final CountDownLatch answers = new CountDownLatch(1);
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicLong messageIds = new AtomicLong();

        int started() {
            return started.get();
        }

        void answerAll() {
            answers.countDown();
        }

        @Override
        public long sendText(long chatId, String html, InlineKeyboardMarkup keyboard) {
            started.incrementAndGet();
            try {
                answers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return messageIds.incrementAndGet();
        }

        @Override
        public long sendPhotoUrl(long chatId, String photoUrl, String captionHtml, InlineKeyboardMarkup keyboard) {
            throw new UnsupportedOperationException("the test queues texts only");
        }

        @Override
        public long sendPhotoUpload(
                long chatId, byte[] png, String fileName, String captionHtml, InlineKeyboardMarkup keyboard) {
            throw new UnsupportedOperationException("delivery never uploads");
        }

        @Override
        public void editText(long chatId, long messageId, String html, InlineKeyboardMarkup keyboard) {
            throw new UnsupportedOperationException("delivery never edits");
        }

        @Override
        public void answerCallback(String callbackQueryId, String text) {
            throw new UnsupportedOperationException("delivery never answers callbacks");
        }

        @Override
        public void deleteMessage(long chatId, long messageId) {
            throw new UnsupportedOperationException("delivery never deletes");
        }
    }
}
