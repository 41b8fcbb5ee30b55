package ru.wbassist.emulators.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator over real HTTP with a plain client: envelope, encodings, limits and Telegram's error texts. */
class TelegramEmulatorHttpTest {

    private static final String TOKEN = "123:ABC";
    private static final long CHAT = 777;

    private TelegramEmulator emulator;
    private BotApiClient client;

    @BeforeEach
    void start() {
        emulator = TelegramEmulator.start(TelegramEmulator.Options.defaults()
                .port(0)
                .token(TOKEN)
                .globalRate(30)
                .perChatRate(1));
        client = new BotApiClient(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void unknownTokenIsUnauthorizedAndMethodNamesAreCaseInsensitive() {
        BotApiClient.Answer wrong = client.get("/botWRONG/getMe");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("ok").asBoolean()).isFalse();
        assertThat(wrong.body().get("error_code").asInt()).isEqualTo(401);
        assertThat(wrong.description()).isEqualTo("Unauthorized");

        BotApiClient.Answer me = client.get("/bot" + TOKEN + "/getme");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("ok").asBoolean()).isTrue();
        assertThat(me.result().get("id").asLong()).isEqualTo(123);
        assertThat(me.result().get("is_bot").asBoolean()).isTrue();

        assertThat(client.get("/bot" + TOKEN + "/noSuchMethod").status()).isEqualTo(404);
    }

    @Test
    void sendMessageAcceptsQueryFormAndJsonAndRecordsWhatWasSent() {
        BotApiClient.Answer query =
                client.get("/bot" + TOKEN + "/sendMessage?chat_id=777&text=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82");
        BotApiClient.Answer form = client.form(
                TOKEN,
                "SENDMESSAGE",
                "chat_id=777&text=two&parse_mode=HTML"
                        + "&reply_markup=%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22Go%22%2C%22callback_data%22%3A%22go%22%7D%5D%5D%7D");
        BotApiClient.Answer json = client.json(
                TOKEN, "sendmessage", Map.of("chat_id", CHAT, "text", "<b>three</b>", "parse_mode", "HTML"));

        assertThat(List.of(query, form, json))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(query.result().get("message_id").asLong()).isEqualTo(1);
        assertThat(json.result().get("message_id").asLong()).isEqualTo(3);
        assertThat(json.result().at("/chat/id").asLong()).isEqualTo(CHAT);
        assertThat(json.result().get("date").asLong()).isPositive();

        List<SentMessage> sent = emulator.sent(CHAT);
        assertThat(sent).extracting(SentMessage::text).containsExactly("Привет", "two", "<b>three</b>");
        assertThat(sent).extracting(SentMessage::method).containsOnly("sendMessage");
        assertThat(sent.get(1).callbackData()).containsExactly("go");
        assertThat(sent.get(2).parseMode()).isEqualTo("HTML");
    }

    @Test
    void badHtmlAndOverlongTextsAreRejectedLikeTelegram() {
        BotApiClient.Answer badHtml = client.json(
                TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "<b>x<i>y</b>", "parse_mode", "HTML"));
        assertThat(badHtml.status()).isEqualTo(400);
        assertThat(badHtml.description()).startsWith("Bad Request: can't parse entities: Unmatched end tag");

        // 4096 visible characters pass even though the HTML is longer; one more fails
        String fits = "<b>" + "я".repeat(4000) + "</b>" + "&amp;".repeat(96);
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", fits, "parse_mode", "HTML"))
                        .status())
                .isEqualTo(200);
        BotApiClient.Answer tooLong =
                client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT + 1, "text", "x".repeat(4097)));
        assertThat(tooLong.description()).isEqualTo("Bad Request: message is too long");

        BotApiClient.Answer longCaption = client.json(
                TOKEN,
                "sendPhoto",
                Map.of("chat_id", CHAT + 2, "photo", "https://img.example/1.jpg", "caption", "c".repeat(1025)));
        assertThat(longCaption.status()).isEqualTo(400);
        assertThat(longCaption.description()).isEqualTo("Bad Request: message caption is too long");

        BotApiClient.Answer empty =
                client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT + 3, "text", "<b></b>", "parse_mode", "HTML"));
        assertThat(empty.description()).isEqualTo("Bad Request: message text is empty");
        assertThat(emulator.sent(CHAT + 1)).isEmpty();
    }

    @Test
    void callbackDataOver64BytesIsInvalid() {
        String data = "я".repeat(33); // 66 bytes, 33 characters
        BotApiClient.Answer answer = client.json(
                TOKEN,
                "sendMessage",
                Map.of(
                        "chat_id",
                        CHAT,
                        "text",
                        "menu",
                        "reply_markup",
                        Map.of("inline_keyboard", List.of(List.of(Map.of("text", "x", "callback_data", data))))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.description()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
    }

    @Test
    void identicalEditIsNotModifiedAndEditsAreRecorded() {
        long id = client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "v1"))
                .result()
                .get("message_id")
                .asLong();

        BotApiClient.Answer same =
                client.json(TOKEN, "editMessageText", Map.of("chat_id", CHAT, "message_id", id, "text", "v1"));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.description()).startsWith("Bad Request: message is not modified");

        Map<String, Object> keyboard =
                Map.of("inline_keyboard", List.of(List.of(Map.of("text", "a", "callback_data", "a"))));
        assertThat(client.json(
                                TOKEN,
                                "editMessageText",
                                Map.of("chat_id", CHAT, "message_id", id, "text", "v2", "reply_markup", keyboard))
                        .status())
                .isEqualTo(200);
        assertThat(client.json(
                                TOKEN,
                                "editMessageReplyMarkup",
                                Map.of("chat_id", CHAT, "message_id", id, "reply_markup", keyboard))
                        .description())
                .startsWith("Bad Request: message is not modified");
        assertThat(client.json(TOKEN, "editMessageReplyMarkup", Map.of("chat_id", CHAT, "message_id", id))
                        .status())
                .isEqualTo(200);
        assertThat(client.json(TOKEN, "deleteMessage", Map.of("chat_id", CHAT, "message_id", id))
                        .status())
                .isEqualTo(200);
        assertThat(client.json(TOKEN, "deleteMessage", Map.of("chat_id", CHAT, "message_id", id))
                        .description())
                .isEqualTo("Bad Request: message to delete not found");

        assertThat(emulator.sent(CHAT))
                .extracting(SentMessage::method)
                .containsExactly("sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage");
        assertThat(emulator.sent(CHAT).get(1).text()).isEqualTo("v2");
    }

    @Test
    void aChatGetsAShortBurstThenTooManyRequestsWithRetryAfter() {
        emulator.close();
        emulator = TelegramEmulator.start(
                TelegramEmulator.Options.defaults().port(0).token(TOKEN).floodClock(() -> 0));
        client = new BotApiClient(emulator.baseUrl());
        for (int i = 0; i < 3; i++) {
            assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "m" + i))
                            .status())
                    .isEqualTo(200);
        }
        // the clock stands still, so the chat regains nothing: the fourth is refused
        BotApiClient.Answer limited = client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "flood"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get("error_code").asInt()).isEqualTo(429);
        assertThat(limited.body().at("/parameters/retry_after").asInt()).isEqualTo(1);
        assertThat(limited.description()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(limited.retryAfterHeader()).isEqualTo("1");
        assertThat(emulator.tooManyRequestsCount()).isEqualTo(1);
        // other chats are not affected by one chat's limit
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT + 1, "text", "hi"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theGlobalRateLimitsTheWholeBot() {
        emulator.close();
        AtomicLong nanos = new AtomicLong();
        emulator = TelegramEmulator.start(TelegramEmulator.Options.defaults()
                .port(0)
                .token(TOKEN)
                .globalRate(5)
                .floodClock(nanos::get));
        client = new BotApiClient(emulator.baseUrl());

        long accepted = 0;
        for (int chat = 1; chat <= 20; chat++) {
            if (client.json(TOKEN, "sendMessage", Map.of("chat_id", chat, "text", "x"))
                            .status()
                    == 200) {
                accepted++;
            }
        }
        // the clock stands still: the burst of 5, then 429 for every other chat
        assertThat(accepted).isEqualTo(5);
        assertThat(emulator.tooManyRequestsCount()).isEqualTo(15);

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", 21, "text", "x"))
                        .status())
                .isEqualTo(200);
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", 22, "text", "x"))
                        .status())
                .isEqualTo(200);
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", 23, "text", "x"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void blockedChatIsForbiddenUntilUnblocked() {
        emulator.block(CHAT);
        BotApiClient.Answer blocked = client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "x"));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");

        emulator.unblock(CHAT);
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "x"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void photoByUrlUnlessUnfetchableAndMediaGroups() {
        emulator.makeUnfetchable("https://img.example/dead.webp");
        BotApiClient.Answer dead =
                client.json(TOKEN, "sendPhoto", Map.of("chat_id", CHAT, "photo", "https://img.example/dead.webp"));
        assertThat(dead.status()).isEqualTo(400);
        assertThat(dead.description()).isEqualTo("Bad Request: failed to get HTTP URL content");
        assertThat(client.json(TOKEN, "sendPhoto", Map.of("chat_id", CHAT, "photo", "not-a-file-id"))
                        .description())
                .isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");

        BotApiClient.Answer ok = client.json(
                TOKEN,
                "sendPhoto",
                Map.of(
                        "chat_id",
                        CHAT,
                        "photo",
                        "https://img.example/1.jpg",
                        "caption",
                        "<b>Новый заказ</b>",
                        "parse_mode",
                        "HTML"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.result().get("photo").isArray()).isTrue();

        BotApiClient.Answer album = client.json(
                TOKEN,
                "sendMediaGroup",
                Map.of(
                        "chat_id",
                        CHAT + 1,
                        "media",
                        List.of(
                                Map.of("type", "photo", "media", "https://img.example/a.jpg", "caption", "album"),
                                Map.of("type", "photo", "media", "https://img.example/b.jpg"))));
        assertThat(album.result()).hasSize(2);
        assertThat(emulator.sent(CHAT + 1))
                .extracting(SentMessage::photo)
                .containsExactly("https://img.example/a.jpg", "https://img.example/b.jpg");
        assertThat(emulator.sent(CHAT)).singleElement().satisfies(message -> {
            assertThat(message.caption()).isEqualTo("<b>Новый заказ</b>");
            assertThat(message.photo()).isEqualTo("https://img.example/1.jpg");
        });
    }

    @Test
    void getUpdatesConfirmsByOffsetAndLongPollsUntilAnUpdateArrives() throws Exception {
        JsonNode first = emulator.injectMessage(CHAT, TelegramUser.of(CHAT, "Анна"), "/start");
        long firstId = first.get("update_id").asLong();

        JsonNode batch = client.get("/bot" + TOKEN + "/getUpdates?timeout=0").result();
        assertThat(batch).hasSize(1);
        assertThat(batch.get(0).at("/message/text").asText()).isEqualTo("/start");
        assertThat(batch.get(0).at("/message/entities/0/type").asText()).isEqualTo("bot_command");
        assertThat(batch.get(0).at("/message/from/first_name").asText()).isEqualTo("Анна");
        // not confirmed yet: returned again
        assertThat(client.get("/bot" + TOKEN + "/getUpdates").result()).hasSize(1);

        CompletableFuture<BotApiClient.Answer> waiting = CompletableFuture.supplyAsync(
                () -> client.get("/bot" + TOKEN + "/getUpdates?timeout=10&offset=" + (firstId + 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.waitingPolls() == 1);
        assertThat(waiting).isNotDone();
        emulator.injectCallback(CHAT, first.at("/message/message_id").asLong(), "menu:1");

        JsonNode woken = waiting.get(5, TimeUnit.SECONDS).result();
        assertThat(woken).hasSize(1);
        assertThat(woken.get(0).get("update_id").asLong()).isEqualTo(firstId + 1);
        assertThat(woken.get(0).at("/callback_query/data").asText()).isEqualTo("menu:1");
    }

    @Test
    void aSecondGetUpdatesTerminatesTheWaitingOneWithConflict() throws Exception {
        CompletableFuture<BotApiClient.Answer> first =
                CompletableFuture.supplyAsync(() -> client.get("/bot" + TOKEN + "/getUpdates?timeout=10"));
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.waitingPolls() == 1);
        CompletableFuture<BotApiClient.Answer> second =
                CompletableFuture.supplyAsync(() -> client.get("/bot" + TOKEN + "/getUpdates?timeout=1"));

        BotApiClient.Answer terminated = first.get(5, TimeUnit.SECONDS);
        assertThat(terminated.status()).isEqualTo(409);
        assertThat(terminated.description())
                .isEqualTo(
                        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        assertThat(second.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void callbackQueriesAreAnsweredOnce() {
        long messageId = client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "menu"))
                .result()
                .get("message_id")
                .asLong();
        String queryId = emulator.injectCallback(CHAT, messageId, "x")
                .at("/callback_query/id")
                .asText();
        assertThat(emulator.callbackAnswer(queryId)).isEmpty();

        assertThat(client.json(TOKEN, "answerCallbackQuery", Map.of("callback_query_id", queryId, "text", "Готово"))
                        .status())
                .isEqualTo(200);
        assertThat(emulator.callbackAnswer(queryId)).contains("Готово");
        assertThat(client.json(TOKEN, "answerCallbackQuery", Map.of("callback_query_id", queryId))
                        .description())
                .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    @Test
    void controlRoutesDriveTheEmulatorFromAnotherProcess() {
        BotApiClient.Answer update = client.post(
                "/emulator/chats/" + CHAT + "/messages",
                "{\"text\":\"/help\",\"from\":{\"id\":777,\"first_name\":\"Ivan\",\"language_code\":\"en\"}}");
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.body().at("/message/from/language_code").asText()).isEqualTo("en");

        client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "hello"));
        BotApiClient.Answer sent = client.get("/emulator/chats/" + CHAT + "/sent");
        assertThat(sent.body().get("sent")).hasSize(1);
        assertThat(sent.body().at("/sent/0/text").asText()).isEqualTo("hello");
        assertThat(sent.body().at("/sent/0/method").asText()).isEqualTo("sendMessage");

        assertThat(client.post("/emulator/chats/" + CHAT + "/block", "").status())
                .isEqualTo(204);
        assertThat(client.json(TOKEN, "sendMessage", Map.of("chat_id", CHAT, "text", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post("/emulator/unfetchable", "{\"url\":\"https://dead.example/p.jpg\"}")
                        .status())
                .isEqualTo(204);
        assertThat(client.json(TOKEN, "sendPhoto", Map.of("chat_id", CHAT + 5, "photo", "https://dead.example/p.jpg"))
                        .description())
                .isEqualTo("Bad Request: failed to get HTTP URL content");
        assertThat(client.get("/emulator/stats").body().get("too_many_requests").asLong())
                .isZero();
        assertThat(client.post("/emulator/chats/" + CHAT + "/messages", "{}").status())
                .isEqualTo(400);
        assertThat(client.get("/emulator/nothing").status()).isEqualTo(404);
    }

    @Test
    void aButtonIsPressedByItsLabelOverHttp() {
        client.json(
                TOKEN,
                "sendMessage",
                Map.of(
                        "chat_id",
                        CHAT,
                        "text",
                        "old",
                        "reply_markup",
                        Map.of(
                                "inline_keyboard",
                                List.of(List.of(Map.of("text", "✅ Отправить", "callback_data", "old"))))));
        long newest = client.json(
                        TOKEN,
                        "sendMessage",
                        Map.of(
                                "chat_id",
                                CHAT,
                                "text",
                                "draft",
                                "reply_markup",
                                Map.of(
                                        "inline_keyboard",
                                        List.of(List.of(
                                                Map.of("text", "✏️ Изменить", "callback_data", "rp:ed"),
                                                Map.of("text", "✅ Отправить", "callback_data", "rp:go"))))))
                .result()
                .get("message_id")
                .asLong();

        BotApiClient.Answer pressed =
                client.post("/emulator/chats/" + CHAT + "/callbacks", "{\"button\":\"Отправить\"}");
        assertThat(pressed.status()).isEqualTo(200);
        assertThat(pressed.body().at("/callback_query/data").asText()).isEqualTo("rp:go");
        assertThat(pressed.body().at("/callback_query/message/message_id").asLong())
                .isEqualTo(newest);
        BotApiClient.Answer byData = client.post(
                "/emulator/chats/" + CHAT + "/callbacks", "{\"message_id\":" + newest + ",\"data\":\"rp:ed\"}");
        assertThat(byData.body().at("/callback_query/data").asText()).isEqualTo("rp:ed");
        BotApiClient.Answer none = client.post("/emulator/chats/" + CHAT + "/callbacks", "{\"button\":\"Удалить\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("message").asText()).contains("no button \"Удалить\"");
    }

    @Test
    void theChatPageShowsEachStepWithEveryTextEscaped() {
        client.post(
                "/emulator/chats/" + CHAT + "/messages",
                "{\"text\":\"<script>alert(1)</script>\",\"from\":{\"id\":" + CHAT + ",\"first_name\":\"A\"}}");
        long card = client.json(
                        TOKEN,
                        "sendMessage",
                        Map.of(
                                "chat_id",
                                CHAT,
                                "parse_mode",
                                "HTML",
                                "text",
                                "<b>Отзыв</b> &lt;img src=x onerror=alert(1)&gt;\n<a href=\"javascript:alert(2)\">x</a>",
                                "reply_markup",
                                Map.of(
                                        "inline_keyboard",
                                        List.of(List.of(Map.of("text", "<i>Ответить</i>", "callback_data", "rp:s"))))))
                .result()
                .get("message_id")
                .asLong();
        client.post("/emulator/chats/" + CHAT + "/callbacks", "{\"button\":\"Ответить\"}");
        client.json(
                TOKEN,
                "editMessageText",
                Map.of("chat_id", CHAT, "message_id", card, "text", "plain <u>not markup</u> & \"quoted\""));

        BotApiClient.Page page = client.page("/emulator/chats/" + CHAT);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.text())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<b>Отзыв</b> &lt;img src=x onerror=alert(1)&gt;<br><a>x</a>")
                .contains("<span class=\"button\">&lt;i&gt;Ответить&lt;/i&gt;</span>")
                .contains("👆 &lt;i&gt;Ответить&lt;/i&gt; · under #" + card)
                .contains("edited #" + card)
                .contains("plain &lt;u&gt;not markup&lt;/u&gt; &amp; &quot;quoted&quot;")
                .doesNotContain("<script>", "<img", "javascript:", "<i>Ответить");
        assertThat(page.text().indexOf("&lt;script&gt;"))
                .as("in order: typed, sent, pressed, edited")
                .isLessThan(page.text().indexOf("<b>Отзыв</b>"));
        assertThat(page.text().indexOf("👆")).isLessThan(page.text().indexOf("edited #"));

        String fromCard =
                client.page("/emulator/chats/" + CHAT + "?from=" + card).text();
        assertThat(fromCard).contains("<b>Отзыв</b>").doesNotContain("alert(1)&lt;/script");
        assertThat(client.page("/emulator/chats/" + CHAT + "?from=x").status()).isEqualTo(400);
    }
}
