package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * Answering from Telegram, end to end over HTTP: WB sandbox → server (sync, detection, answer API) → bot → Telegram
 * emulator, on H2 and on PostgreSQL. The owner turns members' answering off in /templates. A negative review arrives
 * with "Ответить"; the owner picks a template, edits it, confirms twice, and WB gets that text once. A question
 * likewise, through a WB outage. The member never sees the button, is told why, and the API refuses them.
 */
class ReplyFromTelegramTest {

    private static final String TOKEN = "781:REPLY";
    private static final TelegramUser ANNA = TelegramUser.of(611, "Анна");
    private static final TelegramUser BORIS = TelegramUser.of(612, "Борис");

    private WbSandbox sandbox;
    private TestServer server;
    private TelegramEmulator telegram;
    private WbAssistBot bot;
    private HttpServerClient client;

    @AfterEach
    void stop() {
        Chats.closeAll(bot, telegram, server, sandbox);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aReviewAndAQuestionAreAnsweredFromTheChat(DatabaseConfig.Vendor vendor) throws Exception {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(21)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(0));
        server = TestServer.start(
                vendor,
                Map.of(
                        "SYNC_ENABLED",
                        "true",
                        "WB_API_BASE_URL",
                        sandbox.baseUrl(),
                        "WB_API_INTERVAL",
                        "0",
                        "WB_API_RATE_LIMIT",
                        "6000"));
        telegram = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN).perChatBurst(30));
        client = new HttpServerClient(server.baseUrl(), TestServer.SECRET);
        bot = new WbAssistBot(
                TOKEN,
                new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                client,
                DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60)),
                Chats.typingFast());
        bot.start();

        SandboxSeller seller = sandbox.createSeller("ИП Ответов");
        SandboxShop shop = seller.shop();
        Product product = shop.products().getFirst();
        Chats.say(telegram, ANNA, "/start");
        Chats.say(telegram, BORIS, "/start");
        Chats.say(telegram, ANNA, "/connect " + seller.token());
        Chats.say(telegram, BORIS, "/connect " + seller.token());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.cabinets(ANNA.id()).stream()
                        .allMatch(cabinet -> "success".equals(cabinet.lastSyncStatus())));
        long cabinet = client.cabinets(ANNA.id()).getFirst().id();

        // the owner turns answering off for members in /templates, in place; a member has no such switch
        SentMessage templates = Chats.say(telegram, ANNA, "/templates");
        assertThat(templates.callbackData()).contains("tp:m:" + cabinet + ":0");
        assertThat(templates.buttonTexts()).contains("👥 ИП Ответов: участники могут отвечать — да");
        String pressed = telegram.pressButton(ANNA.id(), "участники могут отвечать")
                .at("/callback_query/id")
                .asText();
        awaitSent(
                ANNA,
                m -> "editMessageText".equals(m.method())
                        && m.messageId() == templates.messageId()
                        && m.buttonTexts().contains("👥 ИП Ответов: участники могут отвечать — нет"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> telegram.callbackAnswer(pressed).isPresent());
        assertThat(telegram.callbackAnswer(pressed)).contains("✅ Теперь отвечает только владелец");
        assertThat(client.templates(ANNA.id()).getFirst().membersCanAnswer()).isFalse();
        SentMessage borisTemplates = Chats.say(telegram, BORIS, "/templates");
        assertThat(borisTemplates.callbackData()).noneMatch(data -> data.startsWith("tp:"));
        assertThat(borisTemplates.body()).contains("не разрешил участникам отвечать");

        // a negative review and a question arrive with "Ответить" for the owner only
        String review = shop.addReview(product.nmId(), 1, "Пришло с браком <b>швы</b>");
        String question = shop.addQuestion(product.nmId(), "Маломерит? Обычно ношу M");
        Chats.syncNow(telegram, ANNA);
        // the second sync waits for WB's sales limit (one request a minute) before it reaches reviews
        await().atMost(Duration.ofSeconds(180))
                .until(() -> telegram.sent(ANNA.id()).stream()
                        .anyMatch(m -> m.body() != null && m.body().contains("Вопрос покупателя")));
        SentMessage card = awaitSent(ANNA, m -> m.body() != null && m.body().contains("Негативный отзыв"));
        assertThat(card.body()).contains("&lt;b&gt;швы&lt;/b&gt;");
        String start = "rp:s:r:" + cabinet + ":" + review;
        assertThat(card.callbackData()).containsExactly(start);
        assertThat(card.buttonTexts()).containsExactly("✍️ Ответить");
        SentMessage borisCard =
                awaitSent(BORIS, m -> m.body() != null && m.body().contains("Негативный отзыв"));
        assertThat(borisCard.callbackData())
                .as("a member who may not answer gets no button")
                .isEmpty();
        assertThat(post(
                        "/api/v1/bot/reviews/" + review + "/answer",
                        "{\"telegram_id\":" + BORIS.id() + ",\"cabinet_id\":" + cabinet
                                + ",\"text\":\"Ответ участника\",\"idempotency_key\":\"member-forged-1\"}"))
                .as("the API refuses the member too")
                .isEqualTo(403);

        // tap, pick a template, edit it into the user's own text, confirm twice
        telegram.injectCallback(ANNA.id(), card.messageId(), start);
        SentMessage draft = awaitSent(ANNA, m -> m.body() != null && m.body().contains("Выберите шаблон"));
        assertThat(draft.callbackData()).contains("rp:t:0", "rp:x");
        telegram.injectCallback(ANNA.id(), draft.messageId(), "rp:t:0");
        awaitSent(
                ANNA,
                m -> "editMessageText".equals(m.method())
                        && m.body().contains("Ваш ответ")
                        && m.body().contains(product.title().substring(0, 10)));
        telegram.injectCallback(ANNA.id(), draft.messageId(), "rp:ed");
        awaitSent(ANNA, m -> "editMessageText".equals(m.method()) && m.body().contains("Напишите новый текст"));
        telegram.injectMessage(ANNA.id(), ANNA, "Спасибо, что написали! Заменим товар <сразу>.");
        SentMessage confirm = awaitSent(ANNA, m -> m.body() != null && m.body().contains("Отправить на Wildberries?"));
        assertThat(confirm.body()).contains("Заменим товар &lt;сразу&gt;.");
        telegram.injectCallback(ANNA.id(), confirm.messageId(), "rp:go");
        telegram.injectCallback(ANNA.id(), confirm.messageId(), "rp:go");
        awaitSent(ANNA, m -> "editMessageText".equals(m.method()) && m.body().contains("Ответ отправлен"));
        assertThat(telegram.sent(ANNA.id()).stream()
                        .filter(m -> m.messageId() == confirm.messageId())
                        .toList()
                        .getLast()
                        .body())
                .as("the second tap does not overwrite the result")
                .contains("Ответ отправлен");
        assertThat(shop.answersReceived(review)).containsExactly("Спасибо, что написали! Заменим товар <сразу>.");
        if (vendor == DatabaseConfig.Vendor.H2) {
            // the picture in docs/screenshots/reply-flow.png is taken of this page (bot/screenshots.sh)
            Path page = Path.of("target", "screenshots", "reply-flow.html");
            Files.createDirectories(page.getParent());
            Files.writeString(page, telegram.chatPage(ANNA.id(), card.messageId()));
        }

        // the member sees the review without a button, and why
        SentMessage borisReviews = Chats.say(telegram, BORIS, "/reviews");
        assertThat(borisReviews.body()).contains("не разрешил участникам отвечать");
        assertThat(borisReviews.callbackData()).noneMatch(data -> data.startsWith("rp:"));
        telegram.injectCallback(BORIS.id(), borisCard.messageId(), start);
        awaitSent(
                BORIS,
                m -> m.body() != null
                        && m.body().contains("не разрешил участникам отвечать")
                        && !m.equals(borisReviews));

        // the question, answered through a WB outage: the draft survives and goes out once WB is back
        SentMessage questionCard =
                awaitSent(ANNA, m -> m.body() != null && m.body().contains("Вопрос покупателя"));
        String questionStart = "rp:s:q:" + cabinet + ":" + question;
        assertThat(questionCard.callbackData()).containsExactly(questionStart);
        // as in the demo (docs/bot.md): /questions, then the button pressed by its label
        assertThat(Chats.say(telegram, ANNA, "/questions").buttonTexts()).contains("✍️ Ответить на №1");
        assertThat(telegram.pressButton(ANNA.id(), "Ответить на №1")
                        .at("/callback_query/data")
                        .asText())
                .isEqualTo(questionStart);
        awaitSent(
                ANNA,
                m -> m.body() != null && m.body().contains("Вопрос") && m.body().contains("Выберите шаблон"));
        telegram.injectMessage(ANNA.id(), ANNA, "В размер, берите M");
        SentMessage questionConfirm = awaitSent(
                ANNA,
                m -> m.body() != null
                        && m.body().contains("В размер, берите M")
                        && m.body().contains("Отправить на Wildberries?"));
        sandbox.faults().set(0, 1.0, 0, Duration.ZERO);
        telegram.injectCallback(ANNA.id(), questionConfirm.messageId(), "rp:go");
        SentMessage outage = awaitSent(
                ANNA, m -> "editMessageText".equals(m.method()) && m.body().contains("Wildberries сейчас не отвечает"));
        assertThat(outage.body()).doesNotContain("Exception").contains("В размер, берите M");
        assertThat(outage.callbackData()).contains("rp:go");
        assertThat(shop.answersReceived(question)).isEmpty();
        sandbox.faults().clear();
        telegram.injectCallback(ANNA.id(), questionConfirm.messageId(), "rp:go");
        awaitSent(
                ANNA,
                m -> "editMessageText".equals(m.method())
                        && m.body().contains("Ответ отправлен")
                        && m.body().contains("В размер"));
        assertThat(shop.answersReceived(question)).containsExactly("В размер, берите M");
        assertThat(Chats.say(telegram, ANNA, "/questions").body()).contains("вопросов без ответа — 0");
        assertThat(telegram.tooManyRequestsCount()).isZero();
    }

    private int post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                                .header("X-API-SECRET-KEY", TestServer.SECRET)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private SentMessage awaitSent(TelegramUser user, Predicate<SentMessage> match) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> telegram.sent(user.id()).stream().anyMatch(match));
        List<SentMessage> matching =
                telegram.sent(user.id()).stream().filter(match).toList();
        return matching.getLast();
    }
}
