package ru.wbassist.server.answers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.Scope;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/**
 * The answer API over HTTP with a real server (H2 and PostgreSQL) whose WB client talks to the WB sandbox: answers
 * reach WB exactly once, who may answer, templates, and WB's refusals and outages keeping nothing half-done.
 */
class AnswerApiTest {

    private static final long OWNER = 701;
    private static final long MEMBER = 702;
    private static final long STRANGER = 703;

    private WbSandbox sandbox;
    private SandboxSeller seller;
    private Product product;
    private TestServer server;
    private long cabinet;

    private void start(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(77)
                .relaxedLimits(true)
                .historyDays(0));
        seller = sandbox.createSeller("ИП Ответов");
        product = seller.shop().products().getFirst();
        server = TestServer.start(
                vendor,
                Map.of("WB_API_BASE_URL", sandbox.baseUrl(), "WB_API_INTERVAL", "0", "WB_API_RATE_LIMIT", "6000"));
        for (long id : new long[] {OWNER, MEMBER, STRANGER}) {
            assertThat(server.post("/users/", Map.of("telegram_id", id, "first_name", "U" + id))
                            .status())
                    .isIn(200, 201);
        }
        cabinet = server.post("/wb/cabinets/", Map.of("user_id", OWNER, "api_key", seller.token(), "name", "Магазин"))
                .json()
                .get("cabinet")
                .get("id")
                .asLong();
        server.post("/wb/cabinets/", Map.of("user_id", MEMBER, "api_key", seller.token()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void anAnswerReachesWbOnceAndIsStoredWithWhoAndWhen(DatabaseConfig.Vendor vendor) {
        start(vendor);
        String review = storedReview(1, "Пришло с браком", "Анна");

        TestServer.Response sent = answer("reviews", review, OWNER, "Заменим товар, напишите в чат", "reply-0001");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("status").asText()).isEqualTo("sent");
        assertThat(sent.json().get("telegram_id").asLong()).isEqualTo(OWNER);
        assertThat(sent.json().get("kind").asText()).isEqualTo("review");
        assertThat(sent.json().get("completed_at").asText()).endsWith("+03:00");
        assertThat(seller.shop().answersReceived(review)).containsExactly("Заменим товар, напишите в чат");
        assertThat(count("SELECT COUNT(*) FROM wb_reviews WHERE review_id = ? AND is_answered", review))
                .isEqualTo(1);

        // a retried request with the same key answers the stored answer and sends nothing
        TestServer.Response again = answer("reviews", review, OWNER, "Заменим товар, напишите в чат", "reply-0001");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(sent.json().get("id").asLong());
        // another reply to an answered review is refused before WB
        assertThat(answer("reviews", review, MEMBER, "Ещё ответ", "reply-0002").status())
                .isEqualTo(409);
        assertThat(seller.shop().answersReceived(review)).hasSize(1);
        assertThat(server.get("/api/v1/bot/reviews/unanswered?telegram_id=" + OWNER)
                        .json()
                        .get("cabinets")
                        .get(0)
                        .get("unanswered")
                        .asLong())
                .isZero();

        // a question likewise, by a member; the answered state flows back to WB's list
        String question = storedQuestion("Маломерит?");
        assertThat(answer("questions", question, MEMBER, "В размер", "reply-0003")
                        .status())
                .isEqualTo(200);
        assertThat(seller.shop().answersReceived(question)).containsExactly("В размер");
        assertThat(rows(
                        "SELECT CASE WHEN is_answered THEN 'true' ELSE 'false' END, answer_text FROM wb_questions"
                                + " WHERE question_id = ?",
                        question))
                .containsExactly("true|В размер");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aDoubleConfirmFromTwoBotsSendsOnce(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor);
        sandbox.faults().set(0, 0, 1.0, Duration.ofMillis(400)); // WB is slow: both taps are on the wire
        String review = storedReview(2, "Не тот цвет", "Олег");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<TestServer.Response>> taps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taps.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return answer("reviews", review, OWNER, "Извините, вернём деньги", "double-tap-1");
            }));
        }
        go.countDown();
        List<Integer> statuses = taps.stream()
                .map(CompletableFuture::join)
                .map(TestServer.Response::status)
                .toList();

        assertThat(statuses).containsOnly(200, 409).contains(200);
        sandbox.faults().clear();
        assertThat(seller.shop().answersReceived(review)).containsExactly("Извините, вернём деньги");
        assertThat(answer("reviews", review, OWNER, "Извините, вернём деньги", "double-tap-1")
                        .status())
                .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM wb_answers WHERE item_id = ?", review))
                .isEqualTo(1);
        assertThat(seller.shop().answersReceived(review)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void wbOutagesAndRefusalsKeepTheItemOpenForARetry(DatabaseConfig.Vendor vendor) {
        start(vendor);
        String review = storedReview(1, "Ужас", "Ира");

        sandbox.faults().set(0, 1.0, 0, Duration.ZERO);
        TestServer.Response outage = answer("reviews", review, OWNER, "Разберёмся", "retry-0001");
        assertThat(outage.status()).isEqualTo(503);
        assertThat(outage.json().get("error").asText()).isEqualTo("wb_unavailable");
        assertThat(sandbox.requestCount("/api/v1/feedbacks/answer"))
                .as("a 5xx is not retried")
                .isEqualTo(1);

        sandbox.faults().set(1.0, 0, 0, Duration.ZERO);
        TestServer.Response busy = answer("reviews", review, OWNER, "Разберёмся", "retry-0001");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(sandbox.requestCount("/api/v1/feedbacks/answer") - 1)
                .as("429s are retried within the budget")
                .isEqualTo(3);
        assertThat(rows("SELECT status, wb_status FROM wb_answers WHERE idempotency_key = ?", "retry-0001"))
                .containsExactly("failed|429");
        assertThat(count("SELECT COUNT(*) FROM wb_reviews WHERE review_id = ? AND is_answered", review))
                .isZero();
        assertThat(seller.shop().answersReceived(review)).isEmpty();

        sandbox.faults().clear();
        assertThat(answer("reviews", review, OWNER, "Разберёмся", "retry-0001").status())
                .isEqualTo(200);
        assertThat(seller.shop().answersReceived(review)).containsExactly("Разберёмся");

        // WB does not know the question: a refusal, told as such, the question stays unanswered
        String unknownToWb = "q-not-on-wb";
        insertQuestion(unknownToWb, "Где мой заказ?");
        TestServer.Response refused = answer("questions", unknownToWb, OWNER, "Уже едет", "retry-0002");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asText()).isEqualTo("wb_refused");
        assertThat(refused.body())
                .doesNotContain("Exception")
                .doesNotContain("at ru.")
                .as("WB's own words stay in the stored answer")
                .doesNotContain("Не найден");
        assertThat(rows("SELECT status, wb_status FROM wb_answers WHERE idempotency_key = ?", "retry-0002"))
                .containsExactly("refused|404");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void theOwnerDecidesWhetherMembersAnswer(DatabaseConfig.Vendor vendor) {
        start(vendor);
        String review = storedReview(1, "Плохо", "Пётр");

        assertThat(server.post(
                                "/api/v1/bot/cabinets/" + cabinet + "/answering",
                                Map.of("telegram_id", MEMBER, "members_can_answer", false))
                        .status())
                .isEqualTo(403);
        TestServer.Response off = server.post(
                "/api/v1/bot/cabinets/" + cabinet + "/answering",
                Map.of("telegram_id", OWNER, "members_can_answer", false));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("members_can_answer").asBoolean()).isFalse();

        TestServer.Response refused = answer("reviews", review, MEMBER, "Ответ участника", "member-0001");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(answer("reviews", review, STRANGER, "Чужой", "stranger-001").status())
                .isEqualTo(404);
        assertThat(seller.shop().answersReceived(review)).isEmpty();
        JsonNode memberView = server.get("/api/v1/bot/reviews/unanswered?telegram_id=" + MEMBER)
                .json()
                .get("cabinets")
                .get(0);
        assertThat(memberView.get("can_answer").asBoolean()).isFalse();
        assertThat(memberView.get("cannot_answer_reason").asText()).isEqualTo(Rights.MEMBERS_MAY_NOT_ANSWER);
        assertThat(memberView.get("items").get(0).get("item_id").asText()).isEqualTo(review);
        JsonNode ownerView = server.get("/api/v1/bot/reviews/unanswered?telegram_id=" + OWNER)
                .json()
                .get("cabinets")
                .get(0);
        assertThat(ownerView.get("can_answer").asBoolean()).isTrue();
        assertThat(server.post(
                                "/api/v1/bot/templates",
                                Map.of("telegram_id", MEMBER, "cabinet_id", cabinet, "text", "Шаблон"))
                        .status())
                .isEqualTo(403);
        JsonNode ownerTemplates = server.get("/api/v1/bot/templates?telegram_id=" + OWNER)
                .json()
                .get("cabinets")
                .get(0);
        assertThat(ownerTemplates.get("role").asText()).isEqualTo("owner");
        assertThat(ownerTemplates.get("members_can_answer").asBoolean()).isFalse();
        JsonNode memberTemplates = server.get("/api/v1/bot/templates?telegram_id=" + MEMBER)
                .json()
                .get("cabinets")
                .get(0);
        assertThat(memberTemplates.get("role").asText()).isEqualTo("member");
        assertThat(memberTemplates.get("can_answer").asBoolean()).isFalse();
        assertThat(memberTemplates.get("cannot_answer_reason").asText()).isEqualTo(Rights.MEMBERS_MAY_NOT_ANSWER);

        assertThat(answer("reviews", review, OWNER, "Ответ владельца", "owner-00001")
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aReadOnlyKeyLetsNobodyAnswerAndSaysWhy(DatabaseConfig.Vendor vendor) {
        start(vendor);
        SandboxSeller readOnly = sandbox.createSeller("Только чтение");
        String key = sandbox.mintToken(
                readOnly,
                WbSandbox.DEFAULT_SCOPES | Scope.READ_ONLY.mask(),
                Instant.now().plus(Duration.ofDays(30)));
        long shop = server.post("/wb/cabinets/", Map.of("user_id", STRANGER, "api_key", key))
                .json()
                .get("cabinet")
                .get("id")
                .asLong();
        String review = readOnly.shop().addReview(product(readOnly), 1, "Не подошло");
        update(
                "INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, product_name, rating, text, user_name,"
                        + " created_date) VALUES (?,?,?,?,?,?,?,?)",
                shop,
                review,
                product(readOnly),
                "Товар",
                1,
                "Не подошло",
                "Ольга",
                Instant.now());

        JsonNode list = server.get("/api/v1/bot/reviews/unanswered?telegram_id=" + STRANGER)
                .json()
                .get("cabinets")
                .get(0);
        assertThat(list.get("can_answer").asBoolean()).as("not even the owner").isFalse();
        assertThat(list.get("cannot_answer_reason").asText()).isEqualTo(Rights.KEY_READ_ONLY);
        assertThat(server.get("/api/v1/bot/templates?telegram_id=" + STRANGER)
                        .json()
                        .at("/cabinets/0/cannot_answer_reason")
                        .asText())
                .isEqualTo(Rights.KEY_READ_ONLY);
        TestServer.Response refused = server.post(
                "/api/v1/bot/reviews/" + review + "/answer",
                Map.of("telegram_id", STRANGER, "cabinet_id", shop, "text", "Ответ", "idempotency_key", "readonly-01"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(readOnly.shop().answersReceived(review)).isEmpty();

        // the notifications carry "Ответить" (reply_to) only where the user may answer: not with a read-only key
        String open = storedReview(1, "Брак", "Ян");
        notify(STRANGER, shop, review);
        notify(OWNER, cabinet, open);
        notify(MEMBER, cabinet, open);
        Map<Long, String> replyTo = new java.util.HashMap<>();
        server.get("/api/v1/notifications/pending?limit=10")
                .json()
                .get("items")
                .forEach(item -> replyTo.put(
                        item.get("telegram_id").asLong(), item.get("reply_to").asText(null)));
        assertThat(replyTo).containsOnlyKeys(OWNER, MEMBER, STRANGER);
        assertThat(replyTo.get(OWNER)).isEqualTo(open);
        assertThat(replyTo.get(MEMBER)).isEqualTo(open);
        assertThat(replyTo.get(STRANGER)).isNull();
    }

    private void notify(long telegramId, long cabinetId, String reviewId) {
        update(
                "INSERT INTO notification_history (user_id, cabinet_id, event_type, external_id, text, status,"
                        + " deliver_after, created_at) SELECT id, ?, 'negative_review', ?, 'Отзыв', 'pending', ?, ?"
                        + " FROM users WHERE telegram_id = ?",
                cabinetId,
                reviewId,
                Instant.now().minusSeconds(5),
                Instant.now().minusSeconds(5),
                telegramId);
    }

    private static long product(SandboxSeller seller) {
        return seller.shop().products().getFirst().nmId();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void templatesStartWithTheDefaultsAndFillTheirPlaceholders(DatabaseConfig.Vendor vendor) {
        start(vendor);
        String review = storedReview(2, "Село после стирки", "Мария");

        JsonNode templates = server.get("/api/v1/bot/templates?telegram_id=" + OWNER)
                .json()
                .get("cabinets")
                .get(0);
        assertThat(templates.get("templates")).hasSize(Templates.DEFAULTS.size());
        TestServer.Response added = server.post(
                "/api/v1/bot/templates",
                Map.of(
                        "telegram_id",
                        OWNER,
                        "cabinet_id",
                        cabinet,
                        "text",
                        "{buyer}, спасибо за {rating}★ для «{product}»"));
        assertThat(added.status()).isEqualTo(201);
        TestServer.Response forQuestions = server.post(
                "/api/v1/bot/templates",
                Map.of("telegram_id", OWNER, "cabinet_id", cabinet, "text", "Да, есть.", "kind", "question"));
        assertThat(forQuestions.json().get("kind").asText()).isEqualTo("question");
        TestServer.Response badKind = server.post(
                "/api/v1/bot/templates",
                Map.of("telegram_id", OWNER, "cabinet_id", cabinet, "text", "Да", "kind", "feedback"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("field").asText()).isEqualTo("kind");

        JsonNode reply = server.get(
                        "/api/v1/bot/reviews/" + review + "/reply?telegram_id=" + MEMBER + "&cabinet_id=" + cabinet)
                .json();
        assertThat(reply.get("can_answer").asBoolean()).isTrue();
        assertThat(reply.get("item").get("buyer").asText()).isEqualTo("Мария");
        assertThat(reply.get("item").get("rating").asInt()).isEqualTo(2);
        int reviewDefaults = defaultsFor(ItemKind.REVIEW);
        assertThat(reply.get("templates"))
                .as("review defaults and the kind-less one")
                .hasSize(reviewDefaults + 1);
        JsonNode last = reply.get("templates").get(reviewDefaults);
        assertThat(last.get("filled").asText()).isEqualTo("Мария, спасибо за 2★ для «" + product.title() + "»");

        String question = storedQuestion("Есть M?");
        JsonNode questionReply = server.get(
                        "/api/v1/bot/questions/" + question + "/reply?telegram_id=" + OWNER + "&cabinet_id=" + cabinet)
                .json();
        int questionDefaults = defaultsFor(ItemKind.QUESTION);
        JsonNode offered = questionReply.get("templates");
        assertThat(offered)
                .as("question defaults, the kind-less one and the question one")
                .hasSize(questionDefaults + 2);
        assertThat(offered.get(0).get("text").asText())
                .isEqualTo(Templates.DEFAULTS.stream()
                        .filter(d -> d.kind() == ItemKind.QUESTION)
                        .findFirst()
                        .orElseThrow()
                        .text());
        assertThat(offered.get(questionDefaults).get("filled").asText())
                .as("no buyer's name for questions")
                .startsWith("Покупатель, спасибо за ★");
        assertThat(offered.get(questionDefaults + 1).get("filled").asText()).isEqualTo("Да, есть.");

        long first = templates.get("templates").get(0).get("id").asLong();
        assertThat(server.delete("/api/v1/bot/templates/" + first + "?telegram_id=" + OWNER)
                        .status())
                .isEqualTo(204);
        assertThat(server.delete("/api/v1/bot/templates/" + first + "?telegram_id=" + OWNER)
                        .status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/bot/templates?telegram_id=" + OWNER + "&cabinet_id=" + cabinet)
                        .json()
                        .get("cabinets")
                        .get(0)
                        .get("templates"))
                .hasSize(Templates.DEFAULTS.size() + 1);
    }

    private static int defaultsFor(ItemKind kind) {
        return (int) Templates.DEFAULTS.stream().filter(d -> d.kind() == kind).count();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void badInputIsAClearError(DatabaseConfig.Vendor vendor) {
        start(vendor);
        String review = storedReview(1, "Брак", "Ян");
        TestServer.Response noKey = server.post(
                "/api/v1/bot/reviews/" + review + "/answer",
                Map.of("telegram_id", OWNER, "cabinet_id", cabinet, "text", "Ок"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("field").asText()).isEqualTo("idempotency_key");
        TestServer.Response blank = answer("reviews", review, OWNER, "   ", "blank-00001");
        assertThat(blank.json().get("field").asText()).isEqualTo("text");
        assertThat(answer("reviews", "no-such-review", OWNER, "Ок", "unknown-0001")
                        .status())
                .isEqualTo(404);
        assertThat(answer("reviews", review, 999_999, "Ок", "nouser-00001").status())
                .isEqualTo(404);
        TestServer.Response extra = server.post(
                "/api/v1/bot/reviews/" + review + "/answer",
                Map.of(
                        "telegram_id",
                        OWNER,
                        "cabinet_id",
                        cabinet,
                        "text",
                        "Ок",
                        "idempotency_key",
                        "extra-000001",
                        "rating",
                        5));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("field").asText()).isEqualTo("rating");
        assertThat(seller.shop().answersReceived(review)).isEmpty();
    }

    private TestServer.Response answer(String kind, String itemId, long telegramId, String text, String key) {
        return server.post(
                "/api/v1/bot/" + kind + "/" + itemId + "/answer",
                Map.of("telegram_id", telegramId, "cabinet_id", cabinet, "text", text, "idempotency_key", key));
    }

    /** A review on WB (the sandbox) and in our store, as a sync would have left it. */
    private String storedReview(int rating, String text, String buyer) {
        String id = seller.shop().addReview(product.nmId(), rating, text);
        update(
                "INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, product_name, rating, text, user_name,"
                        + " created_date) VALUES (?,?,?,?,?,?,?,?)",
                cabinet,
                id,
                product.nmId(),
                product.title(),
                rating,
                text,
                buyer,
                Instant.now());
        return id;
    }

    private String storedQuestion(String text) {
        String id = seller.shop().addQuestion(product.nmId(), text);
        insertQuestion(id, text);
        return id;
    }

    private void insertQuestion(String id, String text) {
        update(
                "INSERT INTO wb_questions (cabinet_id, question_id, nm_id, product_name, text, created_date)"
                        + " VALUES (?,?,?,?,?,?)",
                cabinet,
                id,
                product.nmId(),
                product.title(),
                text,
                Instant.now());
    }

    private void update(String sql, Object... params) {
        server.db().withConnection(c -> Sql.update(c, sql, params));
    }

    private long count(String sql, Object... params) {
        return server.db().withConnection(c -> Sql.queryLong(c, sql, params));
    }

    private List<String> rows(String sql, Object... params) {
        return server.db()
                .withConnection(c -> Sql.query(c, sql, rs -> rs.getString(1) + "|" + rs.getString(2), params));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
