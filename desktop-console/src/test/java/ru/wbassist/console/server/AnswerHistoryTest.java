package ru.wbassist.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Admin;
import ru.wbassist.console.ImmediateTasks;
import ru.wbassist.console.answers.AnswersViewModel;
import ru.wbassist.console.api.HttpAdminApi;
import ru.wbassist.console.common.Texts;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/**
 * An answer sent the way the bot sends it ("Отправить": the server's answer route, which calls WB — here the WB
 * sandbox) shows up in the console: the item reads answered from WB Assist, and the history names who sent what.
 */
class AnswerHistoryTest {

    private static final long OWNER = 7101;

    private WbSandbox sandbox;
    private TestServer server;

    @BeforeEach
    void start() {
        sandbox = WbSandbox.start(
                WbSandbox.Options.defaults().port(0).seed(5).relaxedLimits(true).historyDays(0));
        server = TestServer.start(
                DatabaseConfig.Vendor.H2,
                Map.of("WB_API_BASE_URL", sandbox.baseUrl(), "WB_API_INTERVAL", "0", "WB_API_RATE_LIMIT", "6000"));
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

    @Test
    void anAnswerSentFromTelegramAppearsInTheConsolesHistory() {
        SandboxSeller seller = sandbox.createSeller("ИП Консольный");
        Product product = seller.shop().products().getFirst();
        server.post("/users/", Map.of("telegram_id", OWNER, "username", "owner", "first_name", "Olga"));
        long cabinet = server.post("/wb/cabinets/", Map.of("telegram_id", OWNER, "api_key", seller.token()))
                .json()
                .get("cabinet")
                .get("id")
                .asLong();
        // A question on WB and in the store, as a sync leaves it.
        String question = seller.shop().addQuestion(product.nmId(), "Маломерит?");
        server.db()
                .withConnection(c -> Sql.update(
                        c,
                        "INSERT INTO wb_questions (cabinet_id, question_id, nm_id, product_name, text, created_date)"
                                + " VALUES (?,?,?,?,?,?)",
                        cabinet,
                        question,
                        product.nmId(),
                        product.title(),
                        "Маломерит?",
                        Instant.now()));
        AnswersViewModel model = new AnswersViewModel(
                new HttpAdminApi(URI.create(server.baseUrl()), TestServer.SECRET),
                ImmediateTasks.create(),
                Texts.english());
        model.refreshAll();
        assertThat(model.items()).singleElement().satisfies(item -> {
            assertThat(item.itemId()).isEqualTo(question);
            assertThat(model.state(item)).isEqualTo("unanswered");
        });
        assertThat(model.answers()).isEmpty();

        TestServer.Response sent = server.post(
                "/api/v1/bot/questions/" + question + "/answer",
                Map.of(
                        "telegram_id",
                        OWNER,
                        "cabinet_id",
                        cabinet,
                        "text",
                        "В размер",
                        "idempotency_key",
                        "tg-reply-0001"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(seller.shop().answersReceived(question)).containsExactly("В размер");

        model.refresh();
        Admin.SentAnswer answer = model.answers().getFirst();
        assertThat(model.answers()).hasSize(1);
        assertThat(answer.itemId()).isEqualTo(question);
        assertThat(answer.text()).isEqualTo("В размер");
        assertThat(answer.status()).isEqualTo("sent");
        assertThat(answer.product()).isEqualTo(product.title());
        assertThat(answer.itemText()).isEqualTo("Маломерит?");
        assertThat(model.sender(answer)).isEqualTo("Olga (@owner, " + OWNER + ")");
        assertThat(model.items()).singleElement().satisfies(item -> {
            assertThat(item.answered()).isTrue();
            assertThat(item.answerText()).isEqualTo("В размер");
            assertThat(model.state(item)).isEqualTo("answered · WB Assist: sent");
        });
    }
}
