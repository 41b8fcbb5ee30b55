package ru.wbassist.server.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.insights.InsightsFixture.ALICE;
import static ru.wbassist.server.insights.InsightsFixture.BOB;
import static ru.wbassist.server.insights.InsightsFixture.DAVE;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.server.TestServer;

/**
 * The bot read API over real HTTP against {@link InsightsFixture}, with "now" fixed at 27 Nov 2026 12:00 MSK. Every
 * number of every answer is checked; the comments give the fixture rows behind it. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BotReadApiContract {

    private TestServer server;
    private InsightsFixture f;

    abstract DatabaseConfig.Vendor vendor();

    @BeforeAll
    void start() {
        server = TestServer.start(vendor(), Map.of(), InsightsFixture.CLOCK);
        f = InsightsFixture.load(server.db());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    // ---- dashboard

    @Test
    void dashboardHasOneBlockPerCabinetOfTheUser() {
        JsonNode blocks = ok("/api/v1/bot/dashboard?telegram_id=" + ALICE).get("cabinets");
        assertThat(blocks).hasSize(2);

        JsonNode a = blocks.get(0);
        assertThat(a.get("cabinet_id").asLong()).isEqualTo(f.shopA);
        assertThat(a.get("name").asText()).isEqualTo("Shop A");
        assertMsk(a.get("last_sync_at"), "2026-11-27T11:50:00"); // the latest success, not the later failure
        assertTally(a.get("orders_today"), 3, "2450.75"); // A2 00:30 + A3 + A7 = 1500 + 700.50 + 250.25
        assertTally(a.get("orders_yesterday"), 1, "1000.00"); // A1 23:30 yesterday
        assertTally(a.get("buyouts_today"), 2, "3200.00"); // S-1 2000 + S-2 1200
        assertTally(a.get("returns_today"), 1, "999.99"); // R-1, stored as -999.99
        assertTally(a.get("cancellations_today"), 1, "700.50"); // A3; A4 was cancelled 23:59:59 yesterday
        assertThat(a.get("critical_stocks").asLong()).isEqualTo(3); // 222 (0), 111 (9 ≤ 10), 444 (12 ≤ 15 override)
        assertThat(a.get("negative_reviews_new").asLong()).isEqualTo(2); // R1, R2 (≤ 2, < 24 h, unanswered)
        assertDecimal(a.get("average_rating"), "2.88"); // 23 / 8 = 2.875
        assertThat(a.get("unanswered_reviews").asLong()).isEqualTo(5); // R1 R2 R3 R4 R7
        assertThat(a.get("unanswered_questions").asLong()).isEqualTo(2); // Q1 Q2

        JsonNode b = blocks.get(1);
        assertThat(b.get("cabinet_id").asLong()).isEqualTo(f.shopB);
        assertThat(b.get("name").asText()).isEqualTo("Shop B");
        assertThat(b.get("last_sync_at").isNull()).isTrue();
        assertTally(b.get("orders_today"), 2, "300.00"); // B1 + B2 at exactly 00:00
        assertTally(b.get("orders_yesterday"), 1, "300.00"); // B3 at 00:00 yesterday
        assertTally(b.get("buyouts_today"), 0, "0.00");
        assertTally(b.get("returns_today"), 0, "0.00");
        assertTally(b.get("cancellations_today"), 0, "0.00");
        assertThat(b.get("critical_stocks").asLong()).isEqualTo(1); // 700: 4 ≤ 10
        assertThat(b.get("negative_reviews_new").asLong()).isZero(); // RB1 has 3 > Alice's 2
        assertDecimal(b.get("average_rating"), "3.00");
        assertThat(b.get("unanswered_reviews").asLong()).isEqualTo(1);
        assertThat(b.get("unanswered_questions").asLong()).isZero();
    }

    @Test
    void dashboardUsesEachUsersOwnSettingsAndDefaults() {
        JsonNode blocks = ok("/api/v1/bot/dashboard?telegram_id=" + BOB).get("cabinets");
        assertThat(blocks).hasSize(1);
        JsonNode b = blocks.get(0);
        assertThat(b.get("cabinet_id").asLong()).isEqualTo(f.shopB);
        assertThat(b.get("critical_stocks").asLong()).isEqualTo(1); // 4 ≤ default 5
        assertThat(b.get("negative_reviews_new").asLong()).isEqualTo(1); // 3 ≤ default 3
        assertTally(b.get("orders_today"), 2, "300.00");
    }

    @Test
    void cabinetIdNarrowsToOneOfTheUsersCabinets() {
        JsonNode blocks = ok("/api/v1/bot/dashboard?telegram_id=" + ALICE + "&cabinet_id=" + f.shopB)
                .get("cabinets");
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).get("cabinet_id").asLong()).isEqualTo(f.shopB);

        TestServer.Response foreign =
                server.get("/api/v1/bot/dashboard?telegram_id=" + ALICE + "&cabinet_id=" + f.shopC);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void aUserWithoutCabinetsGetsNoBlocks() {
        assertThat(ok("/api/v1/bot/dashboard?telegram_id=" + DAVE).get("cabinets"))
                .isEmpty();
    }

    // ---- orders/recent

    @Test
    void recentOrdersNewestFirstWithEveryField() {
        JsonNode block = ok("/api/v1/bot/orders/recent?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA)
                .get("cabinets")
                .get(0);
        assertThat(block.get("cabinet_id").asLong()).isEqualTo(f.shopA);
        assertThat(block.get("name").asText()).isEqualTo("Shop A");
        assertThat(block.get("total").asLong()).isEqualTo(8);
        assertThat(srids(block.get("orders"))).containsExactly("A7", "A3", "A2", "A1", "A4", "A5", "A6", "A8");

        JsonNode a3 = block.get("orders").get(1);
        assertThat(a3.get("nm_id").asLong()).isEqualTo(222);
        assertThat(a3.get("title").asText()).isEqualTo("Футболка");
        assertThat(a3.get("image_url").asText()).isEqualTo("https://img.example/222.jpg");
        assertThat(a3.get("article").asText()).isEqualTo("ART-222");
        assertThat(a3.get("size").asText()).isEqualTo("M");
        assertDecimal(a3.get("price"), "700.50");
        assertDecimal(a3.get("finished_price"), "630.45"); // 700.50 × 0.90
        assertThat(a3.get("warehouse").asText()).isEqualTo("Коледино");
        assertThat(a3.get("region").asText()).isEqualTo("Московская");
        assertThat(a3.get("status").asText()).isEqualTo("canceled");
        assertMsk(a3.get("order_date"), "2026-11-27T09:15:00");
        assertMsk(a3.get("cancel_date"), "2026-11-27T10:00:00");

        JsonNode a8 = block.get("orders").get(7);
        assertThat(a8.get("title").asText()).isEqualTo("Носки"); // no card: the order's subject
        assertThat(a8.get("image_url").isNull()).isTrue();
        assertThat(a8.get("cancel_date").isNull()).isTrue();
    }

    @Test
    void recentOrdersFilterByStatusAndPage() {
        JsonNode canceled = ok("/api/v1/bot/orders/recent?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA
                        + "&status=canceled")
                .get("cabinets")
                .get(0);
        assertThat(canceled.get("total").asLong()).isEqualTo(2);
        assertThat(srids(canceled.get("orders"))).containsExactly("A3", "A4");

        JsonNode page = ok("/api/v1/bot/orders/recent?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA
                        + "&limit=3&offset=2")
                .get("cabinets")
                .get(0);
        assertThat(page.get("total").asLong()).isEqualTo(8);
        assertThat(srids(page.get("orders"))).containsExactly("A2", "A1", "A4");

        JsonNode both = ok("/api/v1/bot/orders/recent?telegram_id=" + ALICE + "&limit=1")
                .get("cabinets");
        assertThat(both).hasSize(2);
        assertThat(srids(both.get(0).get("orders"))).containsExactly("A7");
        assertThat(both.get(1).get("total").asLong()).isEqualTo(3);
        assertThat(srids(both.get(1).get("orders"))).containsExactly("B1");
        assertThat(both.get(1).get("orders").get(0).get("title").asText()).isEqualTo("Кружки");
    }

    // ---- stocks/critical

    @Test
    void criticalStocksLowestFirstWithWarehousesAndDaysLeft() {
        JsonNode block = ok("/api/v1/bot/stocks/critical?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA)
                .get("cabinets")
                .get(0);
        assertThat(block.get("threshold").asInt()).isEqualTo(10);
        JsonNode products = block.get("products");
        assertThat(products).hasSize(3);

        JsonNode p222 = products.get(0);
        assertThat(p222.get("nm_id").asLong()).isEqualTo(222);
        assertThat(p222.get("title").asText()).isEqualTo("Футболка");
        assertThat(p222.get("article").asText()).isEqualTo("TS-2");
        assertThat(p222.get("image_url").asText()).isEqualTo("https://img.example/222.jpg");
        assertThat(p222.get("total").asLong()).isZero();
        assertWarehouse(p222.get("warehouses").get(0), "Коледино", 0, 2, 0);
        assertThat(p222.get("orders_7d").asLong()).isEqualTo(2); // A3, A4
        assertDecimal(p222.get("days_left"), "0.0");

        JsonNode p111 = products.get(1);
        assertThat(p111.get("nm_id").asLong()).isEqualTo(111);
        assertThat(p111.get("total").asLong()).isEqualTo(9);
        assertThat(p111.get("warehouses")).hasSize(2);
        assertWarehouse(p111.get("warehouses").get(0), "Казань", 4, 0, 0);
        assertWarehouse(p111.get("warehouses").get(1), "Коледино", 5, 1, 1); // two sizes summed
        assertThat(p111.get("orders_7d").asLong()).isEqualTo(3); // A1, A2, A7; A6 is 7 days and 2 h old
        assertDecimal(p111.get("days_left"), "21.0"); // 9 / (3 / 7)

        JsonNode p444 = products.get(2);
        assertThat(p444.get("nm_id").asLong()).isEqualTo(444);
        assertThat(p444.get("total").asLong()).isEqualTo(12);
        assertThat(p444.get("image_url").isNull()).isTrue();
        assertThat(p444.get("orders_7d").asLong()).isZero();
        assertThat(p444.get("days_left").isNull()).isTrue();

        JsonNode first = ok("/api/v1/bot/stocks/critical?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA + "&limit=1")
                .get("cabinets")
                .get(0)
                .get("products");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("nm_id").asLong()).isEqualTo(222);
    }

    @Test
    void criticalStocksWithDefaultThreshold() {
        JsonNode block = ok("/api/v1/bot/stocks/critical?telegram_id=" + BOB)
                .get("cabinets")
                .get(0);
        assertThat(block.get("threshold").asInt()).isEqualTo(5);
        JsonNode p700 = block.get("products").get(0);
        assertThat(p700.get("nm_id").asLong()).isEqualTo(700);
        assertThat(p700.get("title").isNull()).isTrue();
        assertThat(p700.get("total").asLong()).isEqualTo(4);
        assertWarehouse(p700.get("warehouses").get(0), "Электросталь", 4, 0, 0);
        assertThat(p700.get("orders_7d").asLong()).isEqualTo(3); // B1, B2, B3
        assertDecimal(p700.get("days_left"), "9.3"); // 4 / (3 / 7) = 9.33
    }

    // ---- reviews/summary

    @Test
    void reviewSummaryCountsEveryStoredReview() {
        JsonNode block = ok("/api/v1/bot/reviews/summary?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA)
                .get("cabinets")
                .get(0);
        assertThat(block.get("total").asLong()).isEqualTo(8);
        assertDecimal(block.get("average_rating"), "2.88");
        JsonNode d = block.get("distribution");
        assertThat(List.of(
                        d.get("1").asLong(),
                        d.get("2").asLong(),
                        d.get("3").asLong(),
                        d.get("4").asLong(),
                        d.get("5").asLong()))
                .containsExactly(2L, 2L, 1L, 1L, 2L);
        assertThat(block.get("unanswered").asLong()).isEqualTo(5);
        JsonNode latest = block.get("latest");
        List<String> ids = new ArrayList<>();
        latest.forEach(r -> ids.add(r.get("review_id").asText()));
        assertThat(ids).containsExactly("R1", "R4", "R5", "R2", "R3");

        JsonNode r1 = latest.get(0);
        assertThat(r1.get("nm_id").asLong()).isEqualTo(111);
        assertThat(r1.get("product_name").asText()).isEqualTo("Платье летнее");
        assertThat(r1.get("rating").asInt()).isEqualTo(1);
        assertThat(r1.get("text").asText()).isEqualTo("text R1");
        assertThat(r1.get("pros").asText()).isEqualTo("pros R1");
        assertThat(r1.get("cons").asText()).isEqualTo("cons R1");
        assertThat(r1.get("user_name").asText()).isEqualTo("buyer R1");
        assertMsk(r1.get("created_date"), "2026-11-27T10:00:00");
        assertThat(r1.get("is_answered").asBoolean()).isFalse();
        assertThat(latest.get(2).get("is_answered").asBoolean()).isTrue();

        JsonNode two = ok("/api/v1/bot/reviews/summary?telegram_id=" + BOB + "&limit=2")
                .get("cabinets")
                .get(0);
        assertThat(two.get("total").asLong()).isEqualTo(1);
        assertDecimal(two.get("average_rating"), "3.00");
        assertThat(two.get("latest")).hasSize(1);
        assertThat(two.get("latest").get(0).get("product_name").isNull()).isTrue();
    }

    // ---- analytics/sales

    @Test
    void salesAnalyticsOfSevenMoscowDays() {
        JsonNode block = ok("/api/v1/bot/analytics/sales?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA)
                .get("cabinets")
                .get(0);
        assertThat(block.get("period").asText()).isEqualTo("7d");
        JsonNode days = block.get("days");
        assertThat(days).hasSize(7);
        List<String> dates = new ArrayList<>();
        days.forEach(d -> dates.add(d.get("date").asText()));
        assertThat(dates)
                .containsExactly(
                        "2026-11-21",
                        "2026-11-22",
                        "2026-11-23",
                        "2026-11-24",
                        "2026-11-25",
                        "2026-11-26",
                        "2026-11-27");
        assertDay(days.get(0), 0, "0.00", 0, "0.00", 0, "0.00", 0, "0.00");
        assertDay(days.get(1), 0, "0.00", 0, "0.00", 0, "0.00", 0, "0.00");
        assertDay(days.get(2), 0, "0.00", 0, "0.00", 0, "0.00", 0, "0.00");
        assertDay(days.get(3), 1, "2000.00", 0, "0.00", 0, "0.00", 0, "0.00"); // A5
        assertDay(days.get(4), 1, "300.00", 0, "0.00", 0, "0.00", 0, "0.00"); // A4
        assertDay(days.get(5), 1, "1000.00", 1, "400.00", 0, "0.00", 1, "300.00"); // A1; S-3; A4 cancelled
        assertDay(days.get(6), 3, "2450.75", 2, "3200.00", 1, "999.99", 1, "700.50");

        JsonNode totals = block.get("totals");
        assertTally(totals.get("orders"), 6, "5750.75");
        assertTally(totals.get("buyouts"), 3, "3600.00");
        assertTally(totals.get("returns"), 1, "999.99");
        assertTally(totals.get("cancellations"), 2, "1000.50");
        assertDecimal(block.get("buyout_rate"), "0.75"); // 3 / (3 + 1)

        JsonNode top = block.get("top_products");
        assertThat(top).hasSize(3);
        assertTop(top.get(0), 111, "Платье летнее", 3, "2750.25");
        assertTop(top.get(1), 222, "Футболка", 2, "1000.50");
        assertTop(top.get(2), 333, "Куртка", 1, "2000.00");
    }

    @Test
    void salesAnalyticsOfOneDayAndOfNinetyDays() {
        JsonNode today = ok("/api/v1/bot/analytics/sales?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA
                        + "&period=1d")
                .get("cabinets")
                .get(0);
        assertThat(today.get("days")).hasSize(1);
        assertThat(today.get("days").get(0).get("date").asText()).isEqualTo("2026-11-27");
        assertTally(today.get("totals").get("orders"), 3, "2450.75");
        assertDecimal(today.get("buyout_rate"), "0.6667"); // 2 / 3

        JsonNode quarter = ok("/api/v1/bot/analytics/sales?telegram_id=" + ALICE + "&cabinet_id=" + f.shopA
                        + "&period=90d")
                .get("cabinets")
                .get(0);
        assertThat(quarter.get("days")).hasSize(90);
        assertThat(quarter.get("days").get(0).get("date").asText()).isEqualTo("2026-08-30");
        assertTally(quarter.get("totals").get("orders"), 8, "11750.74"); // every Shop A order
        assertTally(quarter.get("totals").get("buyouts"), 4, "4400.00");
        assertDecimal(quarter.get("buyout_rate"), "0.80");
        JsonNode top = quarter.get("top_products");
        assertTop(top.get(0), 111, "Платье летнее", 4, "3750.24");
        assertTop(top.get(1), 222, "Футболка", 2, "1000.50");
        assertTop(top.get(2), 999, "Носки", 1, "5000.00"); // equal count: the larger sum first
        assertTop(top.get(3), 333, "Куртка", 1, "2000.00");

        JsonNode bob = ok("/api/v1/bot/analytics/sales?telegram_id=" + BOB)
                .get("cabinets")
                .get(0);
        assertThat(bob.get("buyout_rate").isNull()).isTrue();
        assertThat(bob.get("top_products").get(0).get("title").asText()).isEqualTo("Кружки");
    }

    // ---- sales/recent and sales/statistics

    @Test
    void recentSalesNewestFirstWithAbsoluteAmounts() {
        JsonNode block = ok("/api/v1/bot/sales/recent?user_id=" + ALICE + "&cabinet_id=" + f.shopA)
                .get("cabinets")
                .get(0);
        List<String> ids = new ArrayList<>();
        block.get("sales").forEach(s -> ids.add(s.get("sale_id").asText()));
        assertThat(ids).containsExactly("S-1", "R-1", "S-2", "S-3", "S-4");

        JsonNode returned = ok("/api/v1/bot/sales/recent?user_id=" + ALICE + "&cabinet_id=" + f.shopA
                        + "&sale_type=return")
                .get("cabinets")
                .get(0)
                .get("sales");
        assertThat(returned).hasSize(1);
        JsonNode r = returned.get(0);
        assertThat(r.get("sale_id").asText()).isEqualTo("R-1");
        assertThat(r.get("srid").asText()).isEqualTo("A6");
        assertThat(r.get("nm_id").asLong()).isEqualTo(111);
        assertThat(r.get("title").asText()).isEqualTo("Платье летнее");
        assertThat(r.get("sale_type").asText()).isEqualTo("return");
        assertMsk(r.get("sale_date"), "2026-11-27T03:00:00");
        assertDecimal(r.get("price"), "999.99");
        assertDecimal(r.get("for_pay"), "900.00");
        assertThat(r.get("warehouse").asText()).isEqualTo("Казань");
        assertThat(r.get("region").asText()).isEqualTo("Татарстан");

        JsonNode limited =
                ok("/api/v1/bot/sales/recent?telegram_id=" + ALICE + "&limit=2").get("cabinets");
        assertThat(limited).hasSize(2);
        assertThat(limited.get(0).get("sales")).hasSize(2);
        assertThat(limited.get(1).get("sales")).isEmpty();
    }

    @Test
    void salesStatisticsPerPeriod() {
        JsonNode month = ok("/api/v1/bot/sales/statistics?user_id=" + ALICE + "&cabinet_id=" + f.shopA)
                .get("cabinets")
                .get(0);
        assertThat(month.get("period").asText()).isEqualTo("30d");
        assertTally(month.get("buyouts"), 4, "4400.00"); // S-1 S-2 S-3 S-4
        assertTally(month.get("returns"), 1, "999.99");
        assertDecimal(month.get("buyout_rate"), "0.80");
        assertDecimal(month.get("average_check"), "1100.00");

        JsonNode day = ok("/api/v1/bot/sales/statistics?user_id=" + ALICE + "&cabinet_id=" + f.shopA + "&period=1d")
                .get("cabinets")
                .get(0);
        assertTally(day.get("buyouts"), 2, "3200.00");
        assertDecimal(day.get("buyout_rate"), "0.6667");
        assertDecimal(day.get("average_check"), "1600.00");

        JsonNode none = ok("/api/v1/bot/sales/statistics?user_id=" + BOB)
                .get("cabinets")
                .get(0);
        assertTally(none.get("buyouts"), 0, "0.00");
        assertThat(none.get("buyout_rate").isNull()).isTrue();
        assertThat(none.get("average_check").isNull()).isTrue();
    }

    // ---- errors

    @ParameterizedTest
    @CsvSource({
        "/api/v1/bot/dashboard, telegram_id",
        "/api/v1/bot/dashboard?telegram_id=abc, telegram_id",
        "/api/v1/bot/dashboard?telegram_id=-5, telegram_id",
        "/api/v1/bot/dashboard?telegram_id=1001&cabinet_id=x, cabinet_id",
        "/api/v1/bot/orders/recent?telegram_id=1001&limit=0, limit",
        "/api/v1/bot/orders/recent?telegram_id=1001&limit=101, limit",
        "/api/v1/bot/orders/recent?telegram_id=1001&offset=-1, offset",
        "/api/v1/bot/orders/recent?telegram_id=1001&status=shipped, status",
        "/api/v1/bot/stocks/critical?telegram_id=1001&limit=500, limit",
        "/api/v1/bot/reviews/summary?telegram_id=1001&limit=51, limit",
        "/api/v1/bot/analytics/sales?telegram_id=1001&period=2d, period",
        "/api/v1/bot/sales/recent?telegram_id=1001&user_id=1002, user_id",
        "/api/v1/bot/sales/recent?user_id=1001&sale_type=refund, sale_type",
        "/api/v1/bot/sales/statistics?user_id=1001&period=365d, period",
    })
    void badParametersAre400NamingTheParameter(String path, String field) {
        TestServer.Response response = server.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("bad_request");
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        assertThat(response.json().get("message").asText()).contains(field);
    }

    @ParameterizedTest
    @CsvSource({"dashboard", "orders/recent", "stocks/critical", "reviews/summary", "analytics/sales"})
    void unknownTelegramIdIs404(String route) {
        TestServer.Response response = server.get("/api/v1/bot/" + route + "?telegram_id=999999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("not_found");
        assertThat(response.json().get("message").asText()).contains("999999");
        assertThat(server.get("/api/v1/bot/sales/statistics?user_id=999999").status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/bot/sales/recent?user_id=999999").status())
                .isEqualTo(404);
    }

    @Test
    void wrongSecretIs401AndOtherMethodsAre405() {
        TestServer.Response wrong = server.send(HttpRequest.newBuilder(
                        java.net.URI.create(server.baseUrl() + "/api/v1/bot/dashboard?telegram_id=" + ALICE))
                .header("X-API-SECRET-KEY", "not-the-secret")
                .GET()
                .build());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(wrong.body()).doesNotContain("Shop A");

        TestServer.Response post = server.postEmpty("/api/v1/bot/dashboard?telegram_id=" + ALICE);
        assertThat(post.status()).isEqualTo(405);
    }

    // ---- helpers

    private JsonNode ok(String path) {
        TestServer.Response response = server.get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertTally(JsonNode tally, long count, String sum) {
        assertThat(tally.get("count").asLong()).as("count of " + tally).isEqualTo(count);
        assertDecimal(tally.get("sum"), sum);
    }

    private static void assertDecimal(JsonNode node, String expected) {
        assertThat(node.isNumber()).as(node + " is a number").isTrue();
        assertThat(node.decimalValue()).as(node.toString()).isEqualByComparingTo(new BigDecimal(expected));
    }

    /** A timestamp written in Moscow time with its offset, at the given Moscow wall time. */
    private static void assertMsk(JsonNode node, String mskWallTime) {
        OffsetDateTime value = OffsetDateTime.parse(node.asText());
        assertThat(value.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(value.toLocalDateTime()).isEqualTo(LocalDateTime.parse(mskWallTime));
    }

    private static void assertDay(
            JsonNode day,
            long orders,
            String ordersSum,
            long buyouts,
            String buyoutsSum,
            long returns,
            String returnsSum,
            long cancellations,
            String cancellationsSum) {
        assertTally(day.get("orders"), orders, ordersSum);
        assertTally(day.get("buyouts"), buyouts, buyoutsSum);
        assertTally(day.get("returns"), returns, returnsSum);
        assertTally(day.get("cancellations"), cancellations, cancellationsSum);
    }

    private static void assertTop(JsonNode top, long nmId, String title, long count, String sum) {
        assertThat(top.get("nm_id").asLong()).isEqualTo(nmId);
        assertThat(top.get("title").asText()).isEqualTo(title);
        assertThat(top.get("count").asLong()).isEqualTo(count);
        assertDecimal(top.get("sum"), sum);
    }

    private static void assertWarehouse(JsonNode w, String name, long quantity, long toClient, long fromClient) {
        assertThat(w.get("name").asText()).isEqualTo(name);
        assertThat(w.get("quantity").asLong()).isEqualTo(quantity);
        assertThat(w.get("in_way_to_client").asLong()).isEqualTo(toClient);
        assertThat(w.get("in_way_from_client").asLong()).isEqualTo(fromClient);
    }

    private static List<String> srids(JsonNode orders) {
        List<String> srids = new ArrayList<>();
        orders.forEach(o -> srids.add(o.get("srid").asText()));
        return srids;
    }
}
