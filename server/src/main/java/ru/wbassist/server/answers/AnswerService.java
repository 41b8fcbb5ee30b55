package ru.wbassist.server.answers;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import ru.wbassist.api.Answers;
import ru.wbassist.api.NotFound;
import ru.wbassist.api.PerCabinet;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.http.ApiException;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.http.Params;
import ru.wbassist.server.notifications.NotificationSettings;
import ru.wbassist.server.users.User;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.users.UserService;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbException;

/**
 * Acting on reviews and questions from the bot, under {@code /api/v1/bot}: the unanswered lists, the reply context
 * (item, rights, templates filled in), sending an answer to WB, the cabinet's templates, and the owner's switch
 * that lets members answer. Every route names the acting Telegram user; the server checks what they may do.
 */
public final class AnswerService implements HttpService {

    /** Told when WB rejects the cabinet's key while answering (the key is then marked invalid, as a sync does). */
    public interface KeyRejections {
        void rejected(long cabinetId, WbException.KeyRejected e);
    }

    private final Database db;
    private final UserRepository users;
    private final CabinetRepository cabinets;
    private final AnswerSender answers;

    public AnswerService(
            Database db,
            UserRepository users,
            CabinetRepository cabinets,
            WbClient wb,
            KeyRejections keys,
            Clock clock) {
        this.db = db;
        this.users = users;
        this.cabinets = cabinets;
        this.answers = new AnswerSender(db, wb, keys, clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(Answers.UNANSWERED_REVIEWS, (req, res) -> res.send(unanswered(req, ItemKind.REVIEW)))
                .get(Answers.UNANSWERED_QUESTIONS, (req, res) -> res.send(unanswered(req, ItemKind.QUESTION)))
                .get(Answers.REVIEW_REPLY, (req, res) -> res.send(context(req, ItemKind.REVIEW)))
                .get(Answers.QUESTION_REPLY, (req, res) -> res.send(context(req, ItemKind.QUESTION)))
                .post(Answers.REVIEW_ANSWER, (req, res) -> res.send(told(() -> answer(req, ItemKind.REVIEW))))
                .post(Answers.QUESTION_ANSWER, (req, res) -> res.send(told(() -> answer(req, ItemKind.QUESTION))))
                .get(Answers.TEMPLATES, (req, res) -> res.send(templates(req)))
                .post(Answers.TEMPLATES, this::addTemplate)
                .delete(Answers.TEMPLATE, this::deleteTemplate)
                .post(Answers.ANSWERING, (req, res) -> res.send(told(() -> answering(req))));
    }

    /** Tells a refusal with its HTTP status. */
    private static <T> T told(Supplier<T> action) {
        try {
            return action.get();
        } catch (Refusal e) {
            throw switch (e.reason()) {
                case FORBIDDEN -> ApiException.forbidden(e.getMessage());
                case CONFLICT -> ApiException.conflict(e.getMessage());
                case WB_REFUSED -> ApiException.wbRefused(e.getMessage());
                case WB_UNAVAILABLE -> ApiException.wbUnavailable(e.getMessage());
            };
        }
    }

    private PerCabinet<Answers.Unanswered> unanswered(ServerRequest req, ItemKind kind) {
        User user = user(Params.requiredId(req, "telegram_id"));
        int limit = Params.intInRange(req, "limit", 1, 20, 5);
        List<Long> asked = Params.optionalId(req, "cabinet_id")
                .map(List::of)
                .orElseGet(() -> cabinets.listForUser(user.id()).stream()
                        .map(c -> c.id())
                        .toList());
        int threshold = db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT negative_review_threshold" + " FROM notification_settings WHERE user_id = ?",
                        rs -> rs.getInt(1),
                        user.id()))
                .orElse(NotificationSettings.DEFAULT_REVIEW_THRESHOLD);
        List<Answers.Unanswered> blocks = new ArrayList<>();
        for (long cabinetId : asked) {
            Rights rights = rights(user, cabinetId);
            blocks.add(db.withConnection(c -> new Answers.Unanswered(
                    cabinetId,
                    rights.cabinetName(),
                    rights.canAnswer(),
                    rights.reason(),
                    Item.countUnanswered(c, kind, cabinetId, threshold),
                    Item.unanswered(c, kind, cabinetId, threshold, limit).stream()
                            .map(Item::reply)
                            .toList())));
        }
        return new PerCabinet<>(blocks);
    }

    private Answers.ReplyContext context(ServerRequest req, ItemKind kind) {
        User user = user(Params.requiredId(req, "telegram_id"));
        long cabinetId = Params.requiredId(req, "cabinet_id");
        String itemId = itemId(req);
        Rights rights = rights(user, cabinetId);
        return db.inTransaction(c -> {
            Item item = Item.find(c, kind, cabinetId, itemId)
                    .orElseThrow(() -> new NotFound("no " + kind.code() + " " + itemId + " in cabinet " + cabinetId));
            List<Answers.FilledTemplate> filled = Templates.offeredFor(c, cabinetId, kind).stream()
                    .map(t -> new Answers.FilledTemplate(t.id(), t.text(), Templates.fill(t.text(), item)))
                    .toList();
            return new Answers.ReplyContext(
                    kind.code(),
                    itemId,
                    cabinetId,
                    rights.cabinetName(),
                    item.reply(),
                    rights.canAnswer(),
                    rights.reason(),
                    filled);
        });
    }

    private Answers.Answer answer(ServerRequest req, ItemKind kind) {
        String itemId = itemId(req);
        Answers.AnswerRequest request = AnswerRequests.validated(Json.read(req, Answers.AnswerRequest.class));
        User user = user(request.telegramId());
        rights(user, request.cabinetId()).require();
        return answers.send(kind, itemId, request, cabinets.apiKey(request.cabinetId()));
    }

    private PerCabinet<Answers.TemplateBlock> templates(ServerRequest req) {
        User user = user(Params.requiredId(req, "telegram_id"));
        List<Long> asked = Params.optionalId(req, "cabinet_id")
                .map(List::of)
                .orElseGet(() -> cabinets.listForUser(user.id()).stream()
                        .map(c -> c.id())
                        .toList());
        List<Answers.TemplateBlock> blocks = new ArrayList<>();
        for (long cabinetId : asked) {
            Rights rights = rights(user, cabinetId);
            blocks.add(new Answers.TemplateBlock(
                    cabinetId,
                    rights.cabinetName(),
                    rights.role(),
                    rights.canAnswer(),
                    rights.reason(),
                    rights.membersCanAnswer(),
                    db.inTransaction(c -> Templates.list(c, cabinetId))));
        }
        return new PerCabinet<>(blocks);
    }

    private void addTemplate(ServerRequest req, ServerResponse res) {
        Answers.TemplateRequest body = Json.read(req, Answers.TemplateRequest.class);
        long telegramId = AnswerRequests.positive("telegram_id", body.telegramId());
        long cabinetId = AnswerRequests.positive("cabinet_id", body.cabinetId());
        Answers.Template added = told(() -> {
            rights(user(telegramId), cabinetId).require();
            return db.inTransaction(c -> Templates.add(c, cabinetId, body.text(), body.kind()));
        });
        res.status(Status.CREATED_201).send(added);
    }

    private void deleteTemplate(ServerRequest req, ServerResponse res) {
        User user = user(Params.requiredId(req, "telegram_id"));
        long templateId = Params.pathId(req, "id");
        long cabinetId = db.withConnection(c -> Sql.queryOne(
                        c, "SELECT cabinet_id FROM answer_templates WHERE id = ?", rs -> rs.getLong(1), templateId))
                .orElseThrow(() -> new NotFound("no template " + templateId));
        told(() -> rights(user, cabinetId).require());
        db.inTransaction(c -> Templates.delete(c, cabinetId, templateId));
        res.status(Status.NO_CONTENT_204).send();
    }

    private Answers.Answering answering(ServerRequest req) {
        long cabinetId = Params.pathId(req, "id");
        Answers.AnsweringRequest body = Json.read(req, Answers.AnsweringRequest.class);
        long telegramId = AnswerRequests.positive("telegram_id", body.telegramId());
        if (body.membersCanAnswer() == null) {
            throw ApiException.badRequest("members_can_answer", "members_can_answer is required");
        }
        if (!rights(user(telegramId), cabinetId).owner()) {
            throw ApiException.forbidden("only the cabinet's owner decides whether members may answer");
        }
        db.withConnection(c -> Sql.update(
                c, "UPDATE wb_cabinets SET members_can_answer = ? WHERE id = ?", body.membersCanAnswer(), cabinetId));
        return new Answers.Answering(cabinetId, body.membersCanAnswer());
    }

    private User user(long telegramId) {
        return users.find(telegramId).orElseThrow(() -> UserService.unknown(telegramId));
    }

    /** The user's rights in the cabinet; 404 when the cabinet is not theirs. */
    private Rights rights(User user, long cabinetId) {
        NotFound notTheirs = new NotFound("cabinet " + cabinetId + " is not connected for this user");
        boolean linked = db.withConnection(c -> Sql.queryLong(
                        c,
                        "SELECT COUNT(*) FROM cabinet_users" + " WHERE user_id = ? AND cabinet_id = ?",
                        user.id(),
                        cabinetId))
                > 0;
        if (!linked) {
            throw notTheirs;
        }
        String key = cabinets.apiKey(cabinetId);
        return db.withConnection(c -> Rights.of(c, user.id(), cabinetId, key)).orElseThrow(() -> notTheirs);
    }

    private static String itemId(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (id.isBlank() || id.length() > 100) {
            throw ApiException.badRequest("id", "id must be 1 to 100 characters");
        }
        return id;
    }
}
