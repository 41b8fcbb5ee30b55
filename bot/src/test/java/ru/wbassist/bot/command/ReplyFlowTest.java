package ru.wbassist.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.testing.FakeServer;

/**
 * The reply flow alone against a fake server: every outcome of "Отправить" (WB's refusal, WB's outage or 429s past
 * the server's retries, the server unreachable, answered already) is told in fixed plain words with the user's text,
 * the draft survives where a retry can help and is sent with the same idempotency key, and a second tap while the
 * answer is on its way sends nothing.
 */
class ReplyFlowTest {

    private static final long CHAT = 501;
    private static final Sender ANNA = new Sender(CHAT, "anna", "Анна", null, "ru");
    private static final Texts RU = Texts.of(Lang.RU);
    private static final String HEADER =
            RU.get("reply.header.review", "★", "Футболка &lt;оверсайз&gt;", "Анна", "Пришло &lt;не то&gt;");
    private static final String ANSWER = "Спасибо, Анна!";

    private final FakeServer server = new FakeServer();
    private final CommandsTest.RecordingMessenger messenger = new CommandsTest.RecordingMessenger();
    private final ReplyFlow flow = new ReplyFlow(server, messenger);

    @Test
    void refusalsAndOutagesKeepTheDraftSayWhyAndTheRetrySendsWithTheSameKey() {
        long confirm = draftFromTheTemplate();
        server.failNextAnswers(
                new ServerException(422, "wb_refused", "WB refused the answer: 400 Bad Request {\"detail\":\"x\"}"),
                new ServerException(503, "wb_unavailable", "WB answered 429 three times"),
                new ServerException(0, "unavailable", "server unreachable: ConnectException"));

        assertThat(flow.handle(press(confirm, "rp:go"))).isEmpty();
        assertKeptWith(confirm, RU.get("reply.refused", HEADER, ANSWER));
        assertThat(flow.handle(press(confirm, "rp:go"))).isEmpty();
        assertKeptWith(confirm, RU.get("reply.unavailable", HEADER, ANSWER));
        assertThat(flow.handle(press(confirm, "rp:go"))).isEmpty();
        assertKeptWith(confirm, RU.get("reply.unavailable", HEADER, ANSWER));

        assertThat(flow.handle(press(confirm, "rp:go"))).isEqualTo(RU.get("reply.sent_notice"));
        assertThat(messenger.actions.getLast().text()).isEqualTo(RU.get("reply.sent", HEADER, ANSWER));
        assertThat(messenger.actions.getLast().callbackData()).isEmpty();
        assertThat(server.answers()).hasSize(4);
        assertThat(server.answers().stream().distinct())
                .as("one reply, one idempotency key, however many tries")
                .hasSize(1);
        assertThat(flow.handle(press(confirm, "rp:go"))).isEqualTo(RU.get("callback.outdated"));
        assertThat(server.answers()).hasSize(4);
    }

    @Test
    void anItemAnsweredMeanwhileEndsTheDraft() {
        long confirm = draftFromTheTemplate();
        server.failNextAnswers(new ServerException(409, "conflict", "the review is answered already"));

        flow.handle(press(confirm, "rp:go"));

        assertThat(messenger.actions.getLast().text()).isEqualTo(RU.get("reply.conflict", HEADER, ANSWER));
        assertThat(messenger.actions.getLast().callbackData()).isEmpty();
        assertThat(flow.handle(press(confirm, "rp:go"))).isEqualTo(RU.get("callback.outdated"));
        assertThat(server.answers()).hasSize(1);
    }

    @Test
    void aSecondTapWhileTheAnswerIsOnItsWaySendsNothing() {
        long confirm = draftFromTheTemplate();
        CountDownLatch release = server.holdAnswers();

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> flow.handle(press(confirm, "rp:go")));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.answers().size() == 1);
        String second = flow.handle(press(confirm, "rp:go"));
        release.countDown();

        assertThat(second).isEqualTo(RU.get("reply.sending"));
        assertThat(first.join()).isEqualTo(RU.get("reply.sent_notice"));
        assertThat(server.answers()).hasSize(1);
    }

    @Test
    void aTypedAnswerIsEscapedAndBoundedAndCancelEndsTheDraft() {
        flow.handle(press(900, "rp:s:q:1:item-2"));
        assertThat(messenger.actions.getLast().text())
                .isEqualTo(RU.get(
                        "reply.start",
                        RU.get("reply.header.question", "Футболка &lt;оверсайз&gt;", "Пришло &lt;не то&gt;")));

        assertThat(flow.handleIfAwaited(typed("x".repeat(4001)))).isTrue();
        assertThat(messenger.actions.getLast().text()).isEqualTo(RU.get("reply.too_long", 4000));
        assertThat(flow.handleIfAwaited(typed("В размер <M> & L"))).isTrue();
        assertThat(messenger.actions.getLast().text()).contains("В размер &lt;M&gt; &amp; L");
        assertThat(messenger.actions.getLast().callbackData()).containsExactly("rp:go", "rp:ed", "rp:x");

        long confirm = messenger.actions.getLast().messageId();
        flow.handle(press(confirm, "rp:x"));
        assertThat(messenger.actions.getLast().text()).contains("Ответ отменён");
        assertThat(flow.handleIfAwaited(typed("ещё текст")))
                .as("no draft any more")
                .isFalse();
        assertThat(server.answers()).isEmpty();
    }

    /** "Ответить" on a one-star review, then its first template: the confirmation is edited into that message. */
    private long draftFromTheTemplate() {
        assertThat(flow.handle(press(900, "rp:s:r:1:item-1"))).isEmpty();
        CommandsTest.Action draft = messenger.actions.getLast();
        assertThat(draft.text()).isEqualTo(RU.get("reply.start", HEADER));
        assertThat(draft.callbackData()).containsExactly("rp:t:0", "rp:x");
        flow.handle(press(draft.messageId(), "rp:t:0"));
        assertThat(messenger.actions.getLast().text()).isEqualTo(RU.get("reply.confirm", HEADER, ANSWER));
        return draft.messageId();
    }

    private void assertKeptWith(long message, String text) {
        CommandsTest.Action last = messenger.actions.getLast();
        assertThat(last.method()).isEqualTo("editText");
        assertThat(last.messageId()).isEqualTo(message);
        assertThat(last.text()).isEqualTo(text).doesNotContain("400 Bad Request", "429", "Exception");
        assertThat(last.callbackData()).containsExactly("rp:go", "rp:ed", "rp:x");
    }

    private static CallbackRequest press(long messageId, String data) {
        return new CallbackRequest(CHAT, ANNA, "query-" + data, messageId, data, RU);
    }

    private static CommandRequest typed(String text) {
        return new CommandRequest(CHAT, ANNA, null, text, 78, RU);
    }
}
