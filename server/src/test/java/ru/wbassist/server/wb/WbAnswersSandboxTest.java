package ru.wbassist.server.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.metrics.TestMeters;

/** Questions and answers through the real client against the WB sandbox: paging, writes sent once, WB's refusals. */
class WbAnswersSandboxTest {

    private static final RateLimiter NO_LIMITS = RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000));

    private WbSandbox sandbox;
    private SandboxSeller seller;
    private Product product;
    private WbClient client;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(43)
                .relaxedLimits(false)
                .historyDays(0));
        seller = sandbox.createSeller("ИП Вопросов");
        product = seller.shop().products().getFirst();
        client = new WbClient(
                WbHosts.allAt(sandbox.baseUrl()),
                NO_LIMITS,
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                80_000,
                WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                TestMeters.detached());
    }

    @AfterEach
    void stop() {
        sandbox.faults().clear();
        sandbox.close();
    }

    private WbCredentials credentials() {
        return WbCredentials.ofCabinet(9, seller.token());
    }

    @Test
    void questionsComeUnansweredAndAnsweredOnceEach() {
        String open = seller.shop().addQuestion(product.nmId(), "Маломерит?");
        String done = seller.shop().addQuestion(product.nmId(), "Состав?");
        seller.shop().answerQuestion(done, "Хлопок");

        List<WbQuestion> questions = client.questions(credentials(), null);

        assertThat(questions).extracting(WbQuestion::id).containsExactly(open, done);
        assertThat(questions.getFirst().isAnswered()).isFalse();
        assertThat(questions.getFirst().text()).isEqualTo("Маломерит?");
        assertThat(questions.getFirst().productDetails().nmId()).isEqualTo(product.nmId());
        assertThat(questions.get(1).answer().text()).isEqualTo("Хлопок");
        assertThat(client.questions(credentials(), Instant.now().plus(Duration.ofMinutes(1))))
                .isEmpty();
    }

    @Test
    void answersReachWbAndShowInTheNextListing() {
        String review = seller.shop().addReview(product.nmId(), 1, "Брак");
        String question = seller.shop().addQuestion(product.nmId(), "Когда поставка?");

        client.answerFeedback(credentials(), review, "Заменим");
        client.answerQuestion(credentials(), question, "В пятницу");

        assertThat(seller.shop().answersReceived(review)).containsExactly("Заменим");
        assertThat(seller.shop().answersReceived(question)).containsExactly("В пятницу");
        assertThat(client.questions(credentials(), null).getFirst().isAnswered())
                .isTrue();
        assertThat(client.feedbacks(credentials(), null).getFirst().answer().text())
                .isEqualTo("Заменим");
    }

    @Test
    void aServerErrorOnAnAnswerIsNotRetried() {
        String review = seller.shop().addReview(product.nmId(), 2, "Не то");
        sandbox.faults().set(0, 1.0, 0, Duration.ZERO);

        assertThatThrownBy(() -> client.answerFeedback(credentials(), review, "Извините"))
                .isInstanceOfSatisfying(
                        WbException.class, e -> assertThat(e.status()).isIn(500, 502, 503));
        assertThat(sandbox.requestCount("/api/v1/feedbacks/answer")).isEqualTo(1);
    }

    @Test
    void aTooManyRequestsOnAnAnswerIsRetriedWithinTheBudget() {
        String review = seller.shop().addReview(product.nmId(), 2, "Не то");
        sandbox.faults().set(1.0, 0, 0, Duration.ZERO);

        assertThatThrownBy(() -> client.answerFeedback(credentials(), review, "Извините"))
                .isInstanceOfSatisfying(
                        WbException.class, e -> assertThat(e.status()).isEqualTo(429));
        // WB did nothing on a 429, so the client asked again, as often as the group's budget allows
        assertThat(sandbox.requestCount("/api/v1/feedbacks/answer"))
                .isEqualTo(MethodGroup.FEEDBACKS.retry().maxAttempts());
        assertThat(seller.shop().answersReceived(review)).isEmpty();
    }

    @Test
    void wbsRefusalOfAQuestionAnswerIsAnError() {
        assertThatThrownBy(() -> client.answerQuestion(credentials(), "no-such-question", "Ответ"))
                .isInstanceOfSatisfying(WbException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("Не найден");
                });
    }
}
