package ru.wbassist.server.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.server.metrics.TestMeters;

/** WB's official response examples (docs/wb-api.md), served over HTTP and read by the real client. */
class WbExamplesTest {

    private static final String TOKEN = "header.payload.signature";
    private final ExampleServer wb = new ExampleServer();
    private final WbClient client = new WbClient(
            WbHosts.allAt(wb.baseUrl()),
            RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 100)),
            Duration.ofSeconds(5),
            Duration.ofMillis(10),
            80_000,
            WbClient.DEFAULT_MAX_RESPONSE_BYTES,
            TestMeters.detached());
    private final WbCredentials credentials = WbCredentials.ofCabinet(1, TOKEN);

    @AfterEach
    void stop() {
        wb.close();
    }

    @Test
    void ordersExampleIsNaiveMoscowTimeWithTheRawKeyAndFlagZero() {
        wb.answer("/api/v1/supplier/orders", 200, "orders.json");

        List<WbOrder> orders = client.orders(credentials, Instant.parse("2022-03-01T00:00:00Z"));

        assertThat(orders).hasSize(1);
        WbOrder o = orders.getFirst();
        assertThat(o.date()).isEqualTo(Instant.parse("2022-03-04T15:08:31Z"));
        assertThat(o.lastChangeDate()).isEqualTo(Instant.parse("2022-03-06T07:11:07Z"));
        assertThat(o.cancelDate()).isEqualTo(Instant.parse("2022-03-08T21:00:00Z"));
        assertThat(o.isCancel()).isTrue();
        assertThat(o.srid()).isEqualTo("11.rf9ef11fce1684117b0nhj96222982382.3.0");
        assertThat(o.gNumber()).isEqualTo("34343462218572569531");
        assertThat(o.nmId()).isEqualTo(1234567L);
        assertThat(o.incomeId()).isEqualTo(56735459L);
        assertThat(o.totalPrice()).isEqualByComparingTo("1887");
        assertThat(o.discountPercent()).isEqualTo(18);
        assertThat(o.warehouseType()).isEqualTo("Склад продавца");
        ExampleServer.Request request = wb.requests().getFirst();
        assertThat(request.authorization()).isEqualTo(TOKEN);
        // dateFrom goes out as naive Moscow time: 00:00 UTC is 03:00 MSK
        assertThat(request.uri()).isEqualTo("/api/v1/supplier/orders?flag=0&dateFrom=2022-03-01T03%3A00%3A00");
    }

    @Test
    void notCancelledIsWbsYearOneAndUnknownFieldsAreIgnored() {
        wb.answerBody(
                "/api/v1/supplier/orders",
                200,
                ExampleServer.example("orders.json")
                        .replace("\"isCancel\":true", "\"isCancel\":false,\"someNewField\":{\"x\":[1]}")
                        .replace("\"cancelDate\":\"2022-03-09T00:00:00\"", "\"cancelDate\":\"0001-01-01T00:00:00\""));

        WbOrder o = client.orders(credentials, Instant.parse("2022-03-01T00:00:00Z"))
                .getFirst();

        assertThat(o.isCancel()).isFalse();
        assertThat(o.cancelDate()).isNull();
    }

    @Test
    void aRowWithoutItsKeyIsSkippedNotFatal() {
        String order = strip(ExampleServer.example("orders.json"));
        wb.answerBody(
                "/api/v1/supplier/orders",
                200,
                "[" + order.replace("\"srid\":\"11.rf9ef11fce1684117b0nhj96222982382.3.0\"", "\"srid\":null") + ","
                        + order + "]");

        assertThat(client.orders(credentials, Instant.parse("2022-03-01T00:00:00Z")))
                .extracting(WbOrder::srid)
                .containsExactly("11.rf9ef11fce1684117b0nhj96222982382.3.0");
    }

    @Test
    void salesExampleIsABuyoutAndUnknownPrefixesAreSkipped() {
        String sale = ExampleServer.example("sales.json").strip();
        String surcharge = sale.replace("S9993700024", "D9993700025");
        String ret = sale.replace("S9993700024", "R9993700026");
        wb.answerBody(
                "/api/v1/supplier/sales", 200, "[" + strip(sale) + "," + strip(surcharge) + "," + strip(ret) + "]");

        List<WbSale> sales = client.sales(credentials, Instant.parse("2022-03-01T00:00:00Z"));

        assertThat(sales).extracting(WbSale::saleId).containsExactly("S9993700024", "R9993700026");
        WbSale s = sales.getFirst();
        assertThat(s.type()).contains(SaleType.BUYOUT);
        assertThat(sales.get(1).type()).contains(SaleType.RETURN);
        assertThat(s.forPay()).isEqualByComparingTo(new BigDecimal("1284.01"));
        assertThat(s.paymentSaleAmount()).isEqualByComparingTo("93");
        assertThat(s.srid()).isEqualTo("11.rf9ef11fce1684117b0nhj96222982382.3.0");
        assertThat(s.date()).isEqualTo(Instant.parse("2022-03-04T15:08:31Z"));
    }

    @Test
    void feedbacksExampleWithOffsetsAndARealResponseWithNulls() {
        String real = """
                {"data":{"countUnanswered":1,"countArchive":0,"feedbacks":[{"id":"n1","text":"","pros":"","cons":"",
                 "productValuation":2,"createdDate":"2026-05-18T09:48:43Z","answer":null,"state":"none",
                 "productDetails":{"imtId":1,"nmId":42,"productName":"Кружка","supplierArticle":null,"supplierName":null,
                 "brandName":null,"size":"0"},"video":null,"wasViewed":false,"photoLinks":null,"userName":"",
                 "matchingSize":"","bables":null,"lastOrderCreatedAt":"2026-05-02T17:58:47Z","supplierFeedbackValuation":0,
                 "parentFeedbackId":null,"childFeedbackId":null}]},"error":false,"errorText":"","additionalErrors":null}""";
        wb.answerBody("/api/v1/feedbacks", 200, real);

        List<WbFeedback> unanswered = client.feedbacks(credentials, null);
        assertThat(unanswered).singleElement().satisfies(f -> {
            assertThat(f.createdDate()).isEqualTo(Instant.parse("2026-05-18T09:48:43Z"));
            assertThat(f.answer()).isNull();
            assertThat(f.photoLinks()).isNull();
            assertThat(f.productDetails().supplierArticle()).isNull();
            assertThat(f.productValuation()).isEqualTo(2);
        });

        wb.answer("/api/v1/feedbacks", 200, "feedbacks.json");
        List<WbFeedback> official = client.feedbacks(credentials, Instant.ofEpochSecond(1_700_000_000L));
        WbFeedback f = official.getFirst();
        assertThat(f.id()).isEqualTo("YX52RZEBhH9mrcYdEJuD");
        assertThat(f.productValuation()).isEqualTo(5);
        assertThat(f.createdDate()).isEqualTo(Instant.parse("2024-09-26T07:20:48Z"));
        assertThat(f.answer().text()).isEqualTo("Пожалуйста. Ждём вас снова!");
        assertThat(f.productDetails().nmId()).isEqualTo(987654321L);
        assertThat(f.photoLinks()).hasSize(1);
        assertThat(f.bables()).containsExactly("цена");
        // unanswered first, then answered; dateFrom as unix seconds
        assertThat(wb.requests().stream().map(ExampleServer.Request::uri).toList())
                .contains(
                        "/api/v1/feedbacks?isAnswered=false&take=5000&skip=0&order=dateAsc&dateFrom=1700000000",
                        "/api/v1/feedbacks?isAnswered=true&take=5000&skip=0&order=dateAsc&dateFrom=1700000000");
    }

    @Test
    void cardsExampleGivesTheMiddleSizedPhotoAndTheCursor() {
        wb.answer("/content/v2/get/cards/list", 200, "cards.json");

        WbClient.CardsPage page = client.cards(credentials, CardCursor.START);

        WbCard card = page.cards().getFirst();
        assertThat(card.nmId()).isEqualTo(12345678L);
        assertThat(card.imtId()).isEqualTo(123654789L);
        assertThat(card.imageUrl()).endsWith("/images/c516x688/1.webp");
        assertThat(card.updatedAt()).isEqualTo(Instant.parse("2023-12-06T11:17:00.96577Z"));
        assertThat(card.sizes().getFirst().chrtId()).isEqualTo(316399238L);
        assertThat(page.next()).isEqualTo(new CardCursor("2023-12-06T11:17:00.96577Z", 123654123L));
        assertThat(wb.requests()).hasSize(1); // total 1 < limit 100: the listing ends
        assertThat(wb.requests().getFirst().body())
                .contains("\"withPhoto\":-1")
                .contains("\"limit\":100")
                .contains("\"ascending\":true");
    }

    @Test
    void cardWithoutTheMiddleSizeFallsBackToBig() {
        WbCard card = new WbCard(
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new WbCard.Photo("https://b/big/1.webp", null, null, null, null)),
                null,
                null,
                null);
        assertThat(card.imageUrl()).isEqualTo("https://b/big/1.webp");
        assertThat(new WbCard(1, null, null, null, null, null, null, null, null, null, null).imageUrl())
                .isNull();
    }

    @Test
    void stocksReportPingAndSellerInfo() {
        wb.answer("/api/analytics/v1/stocks-report/wb-warehouses", 200, "stocks-report.json")
                .answer("/ping", 200, "ping.json")
                .answer("/api/v1/seller-info", 200, "seller-info.json");

        List<WbStock> stocks = client.stocks(credentials, List.of(123456789L));
        assertThat(stocks)
                .containsExactly(new WbStock(123456789L, 987654321L, -999999L, "Склад WB", "Склад WB", 12, 3, 1));
        assertThat(wb.requests().getFirst().body())
                .contains("\"nmIds\":[123456789]")
                .contains("\"offset\":0");

        SellerInfo seller = client.checkKey(credentials);
        assertThat(seller.name()).isEqualTo("ИП Кружкин В. В.");
        assertThat(seller.tradeMark()).isEqualTo("Flax Store");
    }

    @Test
    void unauthorizedProblemIsAKeyRejectionWithWbsDetailAndNoRetry() {
        wb.answer("/api/v1/supplier/orders", 401, "problem-401.json");

        assertThatThrownBy(() -> client.orders(credentials, Instant.now()))
                .isInstanceOfSatisfying(WbException.KeyRejected.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.reason()).startsWith("token problem; token is malformed");
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
        assertThat(wb.requests()).hasSize(1);
    }

    @Test
    void envelopeErrorsOfFeedbacksAndContent() {
        wb.answer("/api/v1/feedbacks", 403, "feedbacks-403.json")
                .answer("/content/v2/get/cards/list", 403, "content-403.json");

        assertThatThrownBy(() -> client.feedbacks(credentials, null))
                .isInstanceOfSatisfying(
                        WbException.KeyRejected.class,
                        e -> assertThat(e.reason()).isEqualTo("Ошибка авторизации"));
        assertThatThrownBy(() -> client.cards(credentials, CardCursor.START))
                .isInstanceOfSatisfying(
                        WbException.KeyRejected.class,
                        e -> assertThat(e.reason()).isEqualTo("Access denied"));
    }

    @Test
    void statisticsBadRequestsInBothShapes() {
        wb.answer("/api/v1/supplier/orders", 400, "statistics-400-array.json")
                .answer("/api/v1/supplier/sales", 400, "statistics-400-string.json");

        assertThatThrownBy(() -> client.orders(credentials, Instant.now()))
                .isInstanceOf(WbException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("dateFrom: field required");
        assertThatThrownBy(() -> client.sales(credentials, Instant.now()))
                .isInstanceOf(WbException.class)
                .hasMessageContaining("dateFrom: Value not validated");
    }

    @Test
    void tooManyRequestsProblemGivesWbsDetail() {
        assertThat(WbTransport.reason(ExampleServer.example("problem-429.json")))
                .isEqualTo("limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489");
    }

    private static String strip(String arrayOfOne) {
        String s = arrayOfOne.strip();
        return s.substring(1, s.length() - 1);
    }
}
