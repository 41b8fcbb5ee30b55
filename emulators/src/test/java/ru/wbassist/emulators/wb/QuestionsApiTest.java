package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Questions and both answer routes: WB's shapes and validation, the shared limit, answers flowing back into lists. */
class QuestionsApiTest {

    private static final String QUESTIONS = "/api/v1/questions";
    private static final Instant START = Instant.parse("2026-05-20T07:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private WbSandbox sandbox;
    private SandboxSeller seller;
    private WbHttp http;
    private Product product;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .seed(12)
                .historyDays(0)
                .relaxedLimits(true)
                .clock(clock));
        seller = sandbox.createSeller("Questions shop");
        http = new WbHttp(sandbox.baseUrl());
        product = seller.shop().products().getFirst();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void listsQuestionsInTheEnvelopeAndAnAnswerMovesThemToTheAnswered() {
        String first = seller.shop().addQuestion(product.nmId(), "Маломерит?");
        clock.advance(Duration.ofMinutes(5));
        String second = seller.shop().addQuestion(product.nmId(), "Какой состав?");

        JsonNode data = json(ok(QUESTIONS + "?isAnswered=false&take=10&skip=0")).get("data");
        assertThat(data.get("countUnanswered").asInt()).isEqualTo(2);
        assertThat(data.get("countArchive").asInt()).isZero();
        JsonNode newest = data.get("questions").get(0);
        assertThat(newest.get("id").asText()).isEqualTo(second);
        assertThat(newest.get("text").asText()).isEqualTo("Какой состав?");
        assertThat(newest.get("createdDate").asText()).isEqualTo("2026-05-20T07:05:00Z");
        assertThat(newest.get("state").asText()).isEqualTo("suppliersPortalSynch");
        assertThat(newest.get("answer").isNull()).isTrue();
        assertThat(newest.get("wasViewed").asBoolean()).isFalse();
        assertThat(newest.get("productDetails").get("nmId").asLong()).isEqualTo(product.nmId());
        assertThat(newest.get("productDetails").get("productName").asText()).isEqualTo(product.title());
        assertThat(newest.has("userName"))
                .as("WB gives no buyer name for questions")
                .isFalse();

        HttpResponse<String> answer = http.patch(
                QUESTIONS,
                seller.token(),
                "{\"id\":\"" + first + "\",\"answer\":{\"text\":\"В размер\"},\"state\":\"wbRu\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).get("error").asBoolean()).isFalse();

        JsonNode answered =
                json(ok(QUESTIONS + "?isAnswered=true&take=10&skip=0")).get("data");
        assertThat(answered.get("countUnanswered").asInt()).isEqualTo(1);
        assertThat(answered.get("questions")).hasSize(1);
        JsonNode item = answered.get("questions").get(0);
        assertThat(item.get("id").asText()).isEqualTo(first);
        assertThat(item.get("state").asText()).isEqualTo("wbRu");
        assertThat(item.get("answer").get("text").asText()).isEqualTo("В размер");
        assertThat(item.get("answer").get("editable").asBoolean()).isTrue();
        assertThat(seller.shop().answersReceived(first)).containsExactly("В размер");
        assertThat(json(ok(QUESTIONS + "/count-unanswered"))
                        .get("data")
                        .get("countUnanswered")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anAnswerCanBeEditedOnceWithinSixtyDays() {
        String id = seller.shop().addQuestion(product.nmId(), "Есть гарантия?");
        String body = "{\"id\":\"" + id + "\",\"answer\":{\"text\":\"%s\"},\"state\":\"wbRu\"}";
        assertThat(http.patch(QUESTIONS, seller.token(), body.formatted("Да")).statusCode())
                .isEqualTo(200);
        assertThat(http.patch(QUESTIONS, seller.token(), body.formatted("Да, год"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> third = http.patch(QUESTIONS, seller.token(), body.formatted("Два года"));
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(json(third).get("error").asBoolean()).isTrue();

        String late = seller.shop().addQuestion(product.nmId(), "А доставка?");
        assertThat(http.patch(QUESTIONS, seller.token(), body.replace(id, late).formatted("Быстро"))
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(61));
        assertThat(http.patch(QUESTIONS, seller.token(), body.replace(id, late).formatted("Очень быстро"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(seller.shop().answersReceived(late)).containsExactly("Быстро");
    }

    @Test
    void patchRefusesWhatWbRefuses() {
        String id = seller.shop().addQuestion(product.nmId(), "Цвет?");
        assertThat(http.patch(
                                QUESTIONS,
                                seller.token(),
                                "{\"id\":\"nope\",\"answer\":{\"text\":\"x\"},\"state\":\"wbRu\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.patch(QUESTIONS, seller.token(), "{\"answer\":{\"text\":\"x\"},\"state\":\"wbRu\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.patch(
                                QUESTIONS,
                                seller.token(),
                                "{\"id\":\"" + id + "\",\"answer\":{\"text\":\" \"}," + "\"state\":\"wbRu\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.patch(
                                QUESTIONS,
                                seller.token(),
                                "{\"id\":\"" + id + "\",\"answer\":{\"text\":\"x\"}," + "\"state\":\"published\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.patch(QUESTIONS, seller.token(), "not json").statusCode())
                .isEqualTo(400);
        assertThat(seller.shop().answersReceived(id)).isEmpty();

        assertThat(http.patch(QUESTIONS, seller.token(), "{\"id\":\"" + id + "\",\"wasViewed\":true}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode item = json(ok(QUESTIONS + "?isAnswered=false&take=1&skip=0"))
                .get("data")
                .get("questions")
                .get(0);
        assertThat(item.get("wasViewed").asBoolean()).isTrue();
    }

    @Test
    void listValidatesTakeAndSkipTogether() {
        assertThat(ok(QUESTIONS + "?isAnswered=false&take=10000&skip=0").statusCode())
                .isEqualTo(200);
        assertBadRequest(QUESTIONS + "?isAnswered=false&take=5000&skip=5001");
        assertBadRequest(QUESTIONS + "?isAnswered=false&take=10001&skip=0");
        assertBadRequest(QUESTIONS + "?take=1&skip=0");
        assertBadRequest(QUESTIONS + "?isAnswered=false&take=1&skip=0&order=newest");
    }

    @Test
    void reviewAnswerIs204AndAnUnknownIdIsSilentlyAccepted() {
        String review = seller.shop().addReview(product.nmId(), 1, "Брак");
        HttpResponse<String> answer = http.post(
                "/api/v1/feedbacks/answer", seller.token(), "{\"id\":\"" + review + "\",\"text\":\"Заменим товар\"}");
        assertThat(answer.statusCode()).isEqualTo(204);
        JsonNode answered = json(ok("/api/v1/feedbacks?isAnswered=true&take=10&skip=0"))
                .get("data")
                .get("feedbacks");
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0).get("answer").get("text").asText()).isEqualTo("Заменим товар");

        assertThat(http.post("/api/v1/feedbacks/answer", seller.token(), "{\"id\":\"unknown\",\"text\":\"x\"}")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> broken = http.post("/api/v1/feedbacks/answer", seller.token(), "{");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("detail").asText()).isEqualTo("Неверный синтаксис JSON");
        assertThat(http.get("/api/v1/feedbacks/answer", seller.token()).statusCode())
                .isEqualTo(405);
    }

    @Test
    void questionsAndAnswersShareTheFeedbacksBucket() {
        sandbox.setRelaxedLimits(false);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/feedbacks/count-unanswered", seller.token())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(http.get(QUESTIONS + "/count-unanswered", seller.token()).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> seventh =
                http.post("/api/v1/feedbacks/answer", seller.token(), "{\"id\":\"x\",\"text\":\"y\"}");
        assertThat(seventh.statusCode()).isEqualTo(429);
        assertThat(seventh.headers().firstValue("X-Ratelimit-Retry")).isPresent();
    }

    @Test
    void theGeneratorAsksAndAnswersQuestions() {
        WbSandbox history = WbSandbox.start(
                WbSandbox.Options.defaults().seed(5).historyDays(30).clock(clock));
        try {
            SandboxShop shop = history.createSeller("History").shop();
            assertThat(shop.questions()).hasSizeGreaterThan(20);
            assertThat(shop.questions().stream()
                            .filter(ShopRecords.QuestionRecord::isAnswered)
                            .count())
                    .isBetween(shop.questions().size() / 3L, shop.questions().size() - 1L);
        } finally {
            history.close();
        }
    }

    @Test
    void controlRoutesAskAndAnswerAndTellWhatTheAnswerRoutesAccepted() {
        String base = "/sandbox/sellers/" + seller.sid();
        HttpResponse<String> asked =
                http.post(base + "/questions", null, "{\"nmId\":" + product.nmId() + ",\"text\":\"Есть XL?\"}");
        assertThat(asked.statusCode()).isEqualTo(201);
        String id = json(asked).get("id").asText();
        assertThat(http.patch(
                                QUESTIONS,
                                seller.token(),
                                "{\"id\":\"" + id + "\",\"answer\":{\"text\":\"Да\"}," + "\"state\":\"wbRu\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode texts = json(http.get(base + "/answers/" + id + "/texts", null));
        assertThat(texts.get("texts").get(0).asText()).isEqualTo("Да");
        assertThat(http.post(base + "/questions", null, "{\"nmId\":" + product.nmId() + "}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post(base + "/questions/nope/answer", null, "{}").statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> ok(String pathAndQuery) {
        HttpResponse<String> response = http.get(pathAndQuery, seller.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private void assertBadRequest(String pathAndQuery) {
        HttpResponse<String> response = http.get(pathAndQuery, seller.token());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
        assertThat(json(response).get("error").asBoolean()).isTrue();
    }
}
