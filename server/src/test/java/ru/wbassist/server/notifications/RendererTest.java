package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventType;

class RendererTest {

    private static final Instant ORDERED = Instant.parse("2026-11-27T07:05:00Z"); // 10:05 MSK
    private static final String PHOTO = "https://basket-10.wbbasket.ru/vol1592/part159206/159206280/images/big/1.webp";

    static EventFacts.Order order(String title) {
        return new EventFacts.Order(
                "srid-1",
                159206280L,
                title,
                "TSH<01>",
                "M",
                new BigDecimal("2490"),
                40,
                new BigDecimal("1494.00"),
                new BigDecimal("1299.50"),
                "Коледино",
                "Московская",
                ORDERED,
                null,
                PHOTO,
                3,
                new BigDecimal("4482"),
                37,
                new BigDecimal("12.0"),
                new BigDecimal("0.8750"),
                null,
                null);
    }

    @Test
    void newOrderCardHasEverythingASellerLooksFor() {
        var card = Renderer.forLanguage("ru").render(EventType.NEW_ORDER, order("Футболка"), "Мой магазин");
        assertThat(card.imageUrl()).isEqualTo(PHOTO);
        assertThat(card.text())
                .contains("<b>Новый заказ</b>")
                .contains("<b>Футболка</b>")
                .contains("<code>TSH&lt;01&gt;</code>")
                .contains("WB 159206280")
                .contains("Размер: M")
                .contains("1\u00a0494 ₽")
                .contains("2\u00a0490 ₽")
                .contains("−40%")
                .contains("1\u00a0299,5 ₽")
                .contains("Коледино → Московская")
                .contains("27.11.2026 10:05 МСК")
                .contains("Сегодня: 3 зак. на 4\u00a0482 ₽")
                .contains("Остаток: 37 шт. (≈ на 12 дн.)")
                .contains("Выкуп за 30 дн.: 87,5%")
                .contains("Мой магазин");
        HtmlTest.assertWellFormed(card.text());
    }

    @Test
    void englishWhenTheUserChoseIt() {
        var card = Renderer.forLanguage("en").render(EventType.NEW_ORDER, order("T-shirt"), null);
        assertThat(card.text())
                .contains("<b>New order</b>")
                .contains("1,494 ₽")
                .contains("27.11.2026 10:05 MSK")
                .contains("Today: 3 orders, 4,482 ₽")
                .contains("Stock left: 37 pcs (≈ 12 days)")
                .contains("Buyout rate, 30 days: 87.5%")
                .doesNotContain("Новый");
    }

    @Test
    void everyValueIsEscaped() {
        String evil = "<script>alert(\"x\") & co</script>";
        var review = new EventFacts.Review("r1", 1L, evil, evil, 1, evil, evil, evil, evil, ORDERED, null);
        var card = Renderer.forLanguage("ru").render(EventType.NEGATIVE_REVIEW, review, evil);
        assertThat(card.text())
                .doesNotContain("<script>")
                .doesNotContain("\"x\"")
                .contains("&lt;script&gt;alert(&quot;x&quot;) &amp; co&lt;/script&gt;");
        HtmlTest.assertWellFormed(card.text());
    }

    @Test
    void reviewCardTrimsLongTextsAndFitsTheCaptionLimitWithAPhoto() {
        String longText = "Очень плохо & <грустно>. ".repeat(400);
        var review = new EventFacts.Review(
                "r1", 1L, "Платье".repeat(100), "A-1", 2, longText, longText, longText, "Анна", ORDERED, PHOTO);
        var card = Renderer.forLanguage("ru").render(EventType.NEGATIVE_REVIEW, review, "Кабинет");
        assertThat(card.imageUrl()).isEqualTo(PHOTO);
        assertThat(card.text().length()).isLessThanOrEqualTo(Renderer.CAPTION_LIMIT);
        assertThat(card.text()).contains("★★☆☆☆ (2/5)").contains("Негативный отзыв");
        HtmlTest.assertWellFormed(card.text());

        var noPhoto = Renderer.forLanguage("ru")
                .render(
                        EventType.NEGATIVE_REVIEW,
                        new EventFacts.Review(
                                "r1", 1L, "Платье", "A-1", 2, longText, longText, longText, "Анна", ORDERED, null),
                        null);
        assertThat(noPhoto.imageUrl()).isNull();
        assertThat(noPhoto.text().length()).isBetween(Renderer.CAPTION_LIMIT, Renderer.TEXT_LIMIT);
        assertThat(noPhoto.text())
                .contains("Достоинства")
                .contains("Недостатки")
                .contains("…");
    }

    @Test
    void eachTypeHasItsOwnCard() {
        Renderer ru = Renderer.forLanguage("ru");
        var sale = new EventFacts.Sale(
                "S1",
                "srid",
                5L,
                "Кеды",
                "K-1",
                "42",
                new BigDecimal("3000"),
                new BigDecimal("2500"),
                "Казань",
                "Татарстан",
                ORDERED,
                null,
                null);
        assertThat(ru.render(EventType.ORDER_BUYOUT, sale, null).text())
                .contains("Выкуп")
                .contains("К перечислению: 2\u00a0500 ₽");
        assertThat(ru.render(EventType.ORDER_RETURN, sale, null).text())
                .contains("Возврат")
                .contains("Казань → Татарстан");
        var negativeReturn = new EventFacts.Sale(
                "R1",
                "srid",
                5L,
                "Кеды",
                "K-1",
                "42",
                new BigDecimal("-3000"),
                new BigDecimal("-2500"),
                "Казань",
                "Татарстан",
                ORDERED,
                null,
                null);
        assertThat(ru.render(EventType.ORDER_RETURN, negativeReturn, null).text())
                .contains("Цена: 3\u00a0000 ₽")
                .contains("К перечислению: -2\u00a0500 ₽");
        var cancelled = new EventFacts.Order(
                "s",
                5L,
                "Кеды",
                "K-1",
                "42",
                null,
                null,
                new BigDecimal("3000"),
                null,
                "Казань",
                "Татарстан",
                ORDERED,
                ORDERED.plusSeconds(3600),
                null,
                0,
                BigDecimal.ZERO,
                null,
                null,
                null,
                null,
                null);
        assertThat(ru.render(EventType.ORDER_CANCELLATION, cancelled, null).text())
                .contains("Отмена заказа")
                .contains("Отменён: 27.11.2026 11:05 МСК");
        var stock = new EventFacts.Stock(
                5L,
                "Кеды",
                "K-1",
                7,
                3,
                List.of(new EventFacts.WarehouseLevel("Коледино", 2), new EventFacts.WarehouseLevel("Казань", 1)),
                null);
        assertThat(ru.render(EventType.CRITICAL_STOCK, stock, null).text())
                .contains("Критичный остаток")
                .contains("Осталось: <b>3 шт.</b> (было 7)")
                .contains("• Коледино: 2")
                .contains("• Казань: 1");
        assertThat(ru.render(EventType.KEY_INVALID, new EventFacts.Key("token expired", null, null), null)
                        .text())
                .contains("Ключ WB API не работает")
                .contains("token expired");
        assertThat(ru.render(EventType.KEY_EXPIRING, new EventFacts.Key(null, 3, ORDERED), null)
                        .text())
                .contains("Осталось дней: 3")
                .contains("27.11.2026 10:05 МСК");
    }

    @Test
    void groupListsItsMembersWithinTheTextLimit() {
        List<EventFacts> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(order("Товар " + i));
        }
        String text = Renderer.forLanguage("ru").renderGroup(EventType.NEW_ORDER, members, "Магазин");
        assertThat(text)
                .startsWith("🛒 <b>Новые заказы: 3</b> · Магазин")
                .contains("• Товар 0 (M) — 1\u00a0494 ₽")
                .contains("• Товар 2");
        for (int i = 0; i < 200; i++) {
            members.add(order("Очень длинное название товара ".repeat(6) + i));
        }
        String big = Renderer.forLanguage("ru").renderGroup(EventType.NEW_ORDER, members, "Магазин");
        assertThat(big.length()).isLessThanOrEqualTo(Renderer.TEXT_LIMIT);
        assertThat(big).contains("…и ещё ");
        HtmlTest.assertWellFormed(big);
    }

    @Test
    void testCardsAreMarked() {
        var card = Renderer.forLanguage("ru").renderTest(EventType.NEW_ORDER, order("Футболка"), null);
        assertThat(card.text()).startsWith("🧪 <i>Тестовое уведомление</i>").contains("Новый заказ");
        assertThat(card.text().length()).isLessThanOrEqualTo(Renderer.CAPTION_LIMIT);
    }

    @Test
    void runwayCardSaysHowManyDaysAtWhatPaceInBothLanguages() {
        var runway = new EventFacts.Runway(
                159206280L, "Кеды", "K-1", 37, new BigDecimal("9.2"), new BigDecimal("4.0"), PHOTO);
        var ru = Renderer.forLanguage("ru").render(EventType.STOCK_RUNWAY, runway, "Shop");
        assertThat(ru.text()).contains("Скоро закончится").contains("≈ 4 дня: 37 шт., ~9,2 в день");
        assertThat(ru.imageUrl()).isEqualTo(PHOTO);
        var one = new EventFacts.Runway(1L, "Кеды", null, 3, new BigDecimal("3.0"), new BigDecimal("1.0"), null);
        assertThat(Renderer.forLanguage("ru")
                        .render(EventType.STOCK_RUNWAY, one, null)
                        .text())
                .contains("≈ 1 день");
        var eleven = new EventFacts.Runway(1L, "Кеды", null, 11, new BigDecimal("1.0"), new BigDecimal("11.0"), null);
        assertThat(Renderer.forLanguage("ru")
                        .render(EventType.STOCK_RUNWAY, eleven, null)
                        .text())
                .contains("≈ 11 дней");
        assertThat(Renderer.forLanguage("en")
                        .render(EventType.STOCK_RUNWAY, runway, null)
                        .text())
                .contains("Running out soon")
                .contains("≈ 4 days: 37 pcs, ~9.2 a day");
        HtmlTest.assertWellFormed(ru.text());
    }

    @Test
    void theLongestDigestStaysACaptionWithItsChart() {
        String title = "Очень длинное название товара <с разметкой> & всем прочим ".repeat(5);
        var figures = new EventFacts.DigestFigures(
                123456,
                new BigDecimal("98765432.10"),
                99999,
                new BigDecimal("87654321"),
                5555,
                4444,
                new BigDecimal("0.9573"));
        List<EventFacts.TopLine> top = List.of(
                new EventFacts.TopLine(1, title, 999, BigDecimal.TEN),
                new EventFacts.TopLine(2, title, 998, BigDecimal.TEN),
                new EventFacts.TopLine(3, title, 997, BigDecimal.TEN));
        List<EventFacts.Runway> soon = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            soon.add(new EventFacts.Runway(i, title, null, 1000, new BigDecimal("999.9"), new BigDecimal("1.1"), null));
        }
        List<EventFacts.ChartDay> chart = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            chart.add(new EventFacts.ChartDay(
                    java.time.LocalDate.of(2026, 11, 14 + i),
                    new EventFacts.CountSum(i, BigDecimal.ONE),
                    new EventFacts.CountSum(i, BigDecimal.ONE)));
        }
        var digest = new EventFacts.Digest(
                java.time.LocalDate.of(2026, 11, 27),
                java.time.LocalTime.of(21, 0),
                figures,
                figures,
                top,
                90,
                soon,
                123456,
                654321,
                chart);
        for (String language : List.of("ru", "en")) {
            var card = Renderer.forLanguage(language).render(EventType.DAILY_DIGEST, digest, title);
            assertThat(card.chart().days()).hasSize(14);
            assertThat(card.imageUrl()).isNull();
            assertThat(card.text().length()).isLessThanOrEqualTo(Renderer.CAPTION_LIMIT);
            assertThat(card.text()).doesNotContain("<с разметкой>");
            HtmlTest.assertWellFormed(card.text());
        }
        var ru = Renderer.forLanguage("ru")
                .render(EventType.DAILY_DIGEST, digest, "Shop")
                .text();
        assertThat(ru)
                .contains("Итоги 27.11 до 21:00")
                .contains("(±0%)")
                .contains("Выкуп: 95,7%")
                .contains("Отзывы без ответа: 123456\n❓ Вопросы без ответа: 654321");
        assertThat(Renderer.forLanguage("en")
                        .render(EventType.DAILY_DIGEST, digest, "Shop")
                        .text())
                .contains("Unanswered reviews: 123456\n❓ Unanswered questions: 654321");
    }

    @Test
    void liveCardsSayWhyAnOrderWasCancelledWhetherAReturnIsDefectiveAndWhoseWarehouseItIs() {
        Renderer ru = Renderer.forLanguage("ru");
        Renderer en = Renderer.forLanguage("en");
        java.util.Map<String, String> reasons = java.util.Map.of(
                "app", "Причина: покупатель отменил заказ до получения",
                "receipt", "Причина: покупатель отказался при получении",
                "expire", "Причина: заказ не забрали вовремя");
        for (var reason : reasons.entrySet()) {
            var cancelled = new EventFacts.Order(
                    "s",
                    5L,
                    "Кеды",
                    "K-1",
                    null,
                    null,
                    null,
                    new BigDecimal("3000"),
                    null,
                    "Коледино",
                    "Казань, Вахитовский",
                    ORDERED,
                    ORDERED.plusSeconds(60),
                    null,
                    0,
                    BigDecimal.ZERO,
                    null,
                    null,
                    null,
                    "Склад WB",
                    reason.getKey());
            assertThat(ru.render(EventType.ORDER_CANCELLATION, cancelled, null).text())
                    .contains(reason.getValue())
                    .contains("Коледино (склад WB) → Казань, Вахитовский");
        }
        var other = new EventFacts.Order(
                "s",
                5L,
                "Кеды",
                "K-1",
                null,
                null,
                null,
                new BigDecimal("3000"),
                null,
                "Коледино",
                "Казань",
                ORDERED,
                ORDERED.plusSeconds(60),
                null,
                0,
                BigDecimal.ZERO,
                null,
                null,
                null,
                null,
                "other");
        assertThat(ru.render(EventType.ORDER_CANCELLATION, other, null).text()).doesNotContain("Причина");
        assertThat(en.render(
                                EventType.ORDER_CANCELLATION,
                                new EventFacts.Order(
                                        "s",
                                        5L,
                                        "Sneakers",
                                        "K-1",
                                        null,
                                        null,
                                        null,
                                        new BigDecimal("3000"),
                                        null,
                                        "Склад продавца",
                                        "Kazan",
                                        ORDERED,
                                        ORDERED,
                                        null,
                                        0,
                                        BigDecimal.ZERO,
                                        null,
                                        null,
                                        null,
                                        "Склад продавца",
                                        "receipt"),
                                null)
                        .text())
                .contains("Why: the buyer refused it at pickup")
                .contains("(seller's warehouse)");

        var live = new EventFacts.Order(
                "s",
                5L,
                "Кеды",
                "K-1",
                null,
                null,
                null,
                new BigDecimal("2990"),
                null,
                "Коледино",
                "Казань, Вахитовский",
                ORDERED,
                null,
                PHOTO,
                1,
                new BigDecimal("2990"),
                null,
                null,
                null,
                "Склад WB",
                null);
        String card = ru.render(EventType.NEW_ORDER, live, "Мой магазин").text();
        assertThat(card)
                .contains("Цена: <b>2\u00a0990 ₽</b>")
                .contains("Коледино (склад WB) → Казань, Вахитовский")
                .doesNotContain("Размер")
                .doesNotContain("Покупатель заплатил")
                .doesNotContain("без скидки");

        var faulty = new EventFacts.Sale(
                null,
                "s",
                5L,
                "Кеды",
                "K-1",
                null,
                new BigDecimal("2990"),
                null,
                "Коледино",
                "Казань",
                ORDERED,
                null,
                Boolean.TRUE);
        assertThat(ru.render(EventType.ORDER_RETURN, faulty, null).text())
                .contains("Возврат (брак)")
                .doesNotContain("К перечислению");
        var plain = new EventFacts.Sale(
                null,
                "s",
                5L,
                "Кеды",
                "K-1",
                null,
                new BigDecimal("2990"),
                null,
                "Коледино",
                "Казань",
                ORDERED,
                null,
                Boolean.FALSE);
        assertThat(ru.render(EventType.ORDER_RETURN, plain, null).text()).contains("<b>Возврат</b>");
    }
}
