package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.emulators.wb.WbHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbacksApiTest {

    private static final String FEEDBACKS = "/api/v1/feedbacks";
    private static final Instant START = Instant.parse("2026-05-20T07:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private WbSandbox sandbox;
    private SandboxSeller seller;
    private WbHttp http;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .seed(11)
                .historyDays(0)
                .relaxedLimits(true)
                .clock(clock));
        seller = sandbox.createSeller("Reviews shop");
        http = new WbHttp(sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void pagesUnansweredFeedbacksNewestFirstInTheEnvelope() {
        List<String> ids = addReviews(7);
        seller.shop().answerReview(ids.get(0));

        List<String> pagedIds = new ArrayList<>();
        for (int skip = 0; skip < 10; skip += 3) {
            JsonNode body = json(ok(FEEDBACKS + "?isAnswered=false&take=3&skip=" + skip));
            assertThat(body.get("error").asBoolean()).isFalse();
            assertThat(body.get("errorText").asText()).isEmpty();
            assertThat(body.get("additionalErrors").isNull()).isTrue();
            assertThat(body.get("data").get("countUnanswered").asInt()).isEqualTo(6);
            assertThat(body.get("data").get("countArchive").asInt()).isEqualTo(1);
            body.get("data")
                    .get("feedbacks")
                    .forEach(f -> pagedIds.add(f.get("id").asText()));
        }
        assertThat(pagedIds).containsExactlyElementsOf(ids.subList(1, 7).reversed());

        JsonNode answered = json(ok(FEEDBACKS + "?isAnswered=true&take=10&skip=0"))
                .get("data")
                .get("feedbacks");
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(answered.get(0).get("answer").get("text").asText()).isNotBlank();
        assertThat(answered.get(0).get("state").asText()).isEqualTo("wbRu");
    }

    @Test
    void feedbackFieldsFollowWb() {
        Product product = seller.shop().products().getFirst();
        String id = seller.shop().addReview(product.nmId(), 2, "Пришло с браком");

        JsonNode feedback = json(ok(FEEDBACKS + "?isAnswered=false&take=1&skip=0"))
                .get("data")
                .get("feedbacks")
                .get(0);
        assertThat(feedback.get("id").asText()).isEqualTo(id).hasSize(20);
        assertThat(feedback.get("productValuation").asInt()).isEqualTo(2);
        assertThat(feedback.get("text").asText()).isEqualTo("Пришло с браком");
        assertThat(feedback.get("createdDate").asText()).isEqualTo("2026-05-20T07:00:00Z");
        assertThat(feedback.get("answer").isNull()).isTrue();
        assertThat(feedback.get("state").asText()).isEqualTo("none");
        JsonNode details = feedback.get("productDetails");
        assertThat(details.get("nmId").asLong()).isEqualTo(product.nmId());
        assertThat(details.get("imtId").asLong()).isEqualTo(product.imtId());
        assertThat(details.get("productName").asText()).isEqualTo(product.title());
        assertThat(details.get("supplierArticle").asText()).isEqualTo(product.vendorCode());
        assertThat(details.get("supplierName").asText()).isEqualTo("Reviews shop");
        assertThat(feedback.get("subjectName").asText()).isEqualTo(product.subject());
    }

    @Test
    void filtersByNmIdOrderAndUnixSecondPeriod() {
        List<Product> products = seller.shop().products();
        seller.shop().addReview(products.get(0).nmId(), 5, "Отлично");
        clock.advance(Duration.ofHours(1));
        String second = seller.shop().addReview(products.get(1).nmId(), 4, "Хорошо");
        clock.advance(Duration.ofHours(1));
        String third = seller.shop().addReview(products.get(1).nmId(), 1, "Плохо");

        JsonNode byNm = json(ok(FEEDBACKS + "?isAnswered=false&take=10&skip=0&order=dateAsc&nmId="
                        + products.get(1).nmId()))
                .get("data")
                .get("feedbacks");
        assertThat(byNm).hasSize(2);
        assertThat(byNm.get(0).get("id").asText()).isEqualTo(second);
        assertThat(byNm.get(1).get("id").asText()).isEqualTo(third);

        long from = START.plus(Duration.ofMinutes(30)).getEpochSecond();
        long to = START.plus(Duration.ofMinutes(90)).getEpochSecond();
        JsonNode period = json(ok(FEEDBACKS + "?isAnswered=false&take=10&skip=0&dateFrom=" + from + "&dateTo=" + to))
                .get("data")
                .get("feedbacks");
        assertThat(period).hasSize(1);
        assertThat(period.get(0).get("id").asText()).isEqualTo(second);
    }

    @Test
    void badParametersAre400InTheFeedbacksEnvelope() {
        assertBadRequest(FEEDBACKS + "?take=10&skip=0", "Плохой формат isAnswered");
        assertBadRequest(FEEDBACKS + "?isAnswered=maybe&take=10&skip=0", "Плохой формат isAnswered");
        assertBadRequest(FEEDBACKS + "?isAnswered=false&take=5001&skip=0", "Плохой формат take");
        assertBadRequest(FEEDBACKS + "?isAnswered=false&take=10&skip=199991", "Плохой формат skip");
        assertBadRequest(FEEDBACKS + "?isAnswered=false&take=10", "Плохой формат skip");
        assertBadRequest(FEEDBACKS + "?isAnswered=false&take=10&skip=0&order=newest", "Плохой формат order");
        assertThat(ok(FEEDBACKS + "?isAnswered=false&take=5000&skip=199990").statusCode())
                .isEqualTo(200);
    }

    @Test
    void countUnansweredCountsTodayInMoscowTime() {
        addReviews(2);
        clock.advance(Duration.ofDays(1));
        String today =
                seller.shop().addReview(seller.shop().products().getFirst().nmId(), 3, "Средне");
        seller.shop().addReview(seller.shop().products().getFirst().nmId(), 5, "");
        seller.shop().answerReview(today);

        JsonNode data = json(ok(FEEDBACKS + "/count-unanswered")).get("data");
        assertThat(data.get("countUnanswered").asInt()).isEqualTo(3);
        assertThat(data.get("countUnansweredToday").asInt()).isEqualTo(1);
    }

    private List<String> addReviews(int count) {
        List<String> ids = new ArrayList<>();
        Product product = seller.shop().products().getFirst();
        for (int i = 0; i < count; i++) {
            ids.add(seller.shop().addReview(product.nmId(), 1 + i % 5, "Отзыв " + i));
            clock.advance(Duration.ofMinutes(1));
        }
        return ids;
    }

    private HttpResponse<String> ok(String pathAndQuery) {
        HttpResponse<String> response = http.get(pathAndQuery, seller.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private void assertBadRequest(String pathAndQuery, String errorText) {
        HttpResponse<String> response = http.get(pathAndQuery, seller.token());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.get("error").asBoolean()).isTrue();
        assertThat(body.get("errorText").asText()).isEqualTo(errorText);
    }
}
