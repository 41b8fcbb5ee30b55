package ru.wbassist.server.answers;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.wbassist.api.Answers.Answer;
import ru.wbassist.api.Answers.AnswerRequest;
import ru.wbassist.api.NotFound;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbException;

/**
 * Sends answers to WB once. A reply is claimed under its idempotency key while the item's row is locked (so one
 * item's answers are decided one at a time, across threads and servers), WB is called outside any transaction,
 * and the verdict is stored with the item marked answered at once. A key seen before returns its stored answer
 * when it was sent; a refused or failed one may be tried again with the same key.
 */
final class AnswerSender {

    private static final System.Logger LOG = System.getLogger(AnswerSender.class.getName());
    /** A claim older than this never got WB's verdict (its server stopped): it no longer blocks the item. */
    static final Duration SENDING_TIMEOUT = Duration.ofMinutes(5);

    private static final String COLUMNS =
            "id, cabinet_id, item_kind, item_id, text, status, telegram_id, created_at," + " completed_at, wb_error";

    private final Database db;
    private final WbClient wb;
    private final AnswerService.KeyRejections keys;
    private final Clock clock;

    AnswerSender(Database db, WbClient wb, AnswerService.KeyRejections keys, Clock clock) {
        this.db = db;
        this.wb = wb;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Sends the answer unless this key already did.
     *
     * @throws NotFound for an unknown item
     * @throws Refusal answered already or being answered, WB refused, WB unavailable
     */
    Answer send(ItemKind kind, String itemId, AnswerRequest request, String apiKey) {
        long cabinetId = request.cabinetId();
        Answer claimed = db.inTransaction(c -> claim(c, kind, itemId, request));
        if (!claimed.status().equals("sending")) {
            return claimed; // a replay of a sent answer
        }
        String status;
        Integer wbStatus = null;
        String wbError = null;
        try {
            WbCredentials credentials = WbCredentials.ofCabinet(cabinetId, apiKey);
            if (kind == ItemKind.REVIEW) {
                wb.answerFeedback(credentials, itemId, claimed.text());
            } else {
                wb.answerQuestion(credentials, itemId, claimed.text());
            }
            status = "sent";
        } catch (WbException e) {
            wbStatus = e.status() == 0 ? null : e.status();
            wbError = e.getMessage();
            status = refusal(e) ? "refused" : "failed";
            if (e instanceof WbException.KeyRejected rejected) {
                keys.rejected(cabinetId, rejected);
            }
            LOG.log(
                    Level.INFO,
                    "cabinet {0}: WB did not take the answer to {1} {2}: {3}",
                    cabinetId,
                    kind.code(),
                    itemId,
                    e.getMessage());
        }
        Answer done = complete(claimed, kind, status, wbStatus, wbError);
        return switch (status) {
            case "sent" -> done;
            // WB's own words stay in the stored answer and the log, never in the HTTP answer
            case "refused" ->
                throw new Refusal(
                        Refusal.Reason.WB_REFUSED,
                        "WB refused the answer" + (wbStatus == null ? "" : " (HTTP " + wbStatus + ")")
                                + "; edit it and send it again");
            default ->
                throw new Refusal(
                        Refusal.Reason.WB_UNAVAILABLE,
                        "WB did not take the answer now" + (wbStatus == null ? "" : " (HTTP " + wbStatus + ")")
                                + "; send it again with the same key");
        };
    }

    /** WB answered and said no: 4xx but 429 (which the client already waited out as long as it may). */
    private static boolean refusal(WbException e) {
        return e.status() >= 400 && e.status() < 500 && e.status() != 429 || e.status() == 200;
    }

    private Answer claim(Connection c, ItemKind kind, String itemId, AnswerRequest request) throws SQLException {
        long cabinetId = request.cabinetId();
        if (!Item.lock(c, kind, cabinetId, itemId)) {
            throw new NotFound("no " + kind.code() + " " + itemId + " in cabinet " + cabinetId);
        }
        Instant now = clock.instant();
        Instant staleBefore = now.minus(SENDING_TIMEOUT);
        Optional<Answer> same = Sql.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM wb_answers WHERE idempotency_key = ?" + " FOR UPDATE",
                AnswerSender::map,
                request.idempotencyKey());
        if (same.isPresent()) {
            Answer previous = same.get();
            if (previous.cabinetId() != cabinetId
                    || !previous.kind().equals(kind.code())
                    || !previous.itemId().equals(itemId)) {
                throw new Refusal(Refusal.Reason.CONFLICT, "idempotency_key was used for another item");
            }
            if (previous.status().equals("sent")) {
                return previous;
            }
            if (previous.status().equals("sending") && previous.createdAt().isAfter(staleBefore)) {
                throw new Refusal(Refusal.Reason.CONFLICT, "this answer is being sent");
            }
        }
        if (Item.find(c, kind, cabinetId, itemId).orElseThrow().answered()) {
            throw new Refusal(Refusal.Reason.CONFLICT, "the " + kind.code() + " is answered already");
        }
        if (Sql.queryLong(
                        c,
                        "SELECT COUNT(*) FROM wb_answers WHERE cabinet_id = ? AND item_kind = ? AND item_id = ?"
                                + " AND idempotency_key <> ? AND status = 'sending' AND created_at > ?",
                        cabinetId,
                        kind.code(),
                        itemId,
                        request.idempotencyKey(),
                        staleBefore)
                > 0) {
            throw new Refusal(Refusal.Reason.CONFLICT, "another answer to this " + kind.code() + " is being sent");
        }
        if (same.isPresent()) {
            Sql.update(
                    c,
                    "UPDATE wb_answers SET status = 'sending', text = ?, telegram_id = ?, created_at = ?,"
                            + " completed_at = NULL, wb_status = NULL, wb_error = NULL WHERE id = ?",
                    request.text(),
                    request.telegramId(),
                    now,
                    same.get().id());
            return read(c, same.get().id());
        }
        long id = Sql.insert(
                c,
                "INSERT INTO wb_answers (cabinet_id, item_kind, item_id, idempotency_key, telegram_id,"
                        + " text, status, created_at) VALUES (?,?,?,?,?,?,'sending',?)",
                cabinetId,
                kind.code(),
                itemId,
                request.idempotencyKey(),
                request.telegramId(),
                request.text(),
                now);
        return read(c, id);
    }

    private Answer complete(Answer claimed, ItemKind kind, String status, Integer wbStatus, String wbError) {
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Sql.update(
                    c,
                    "UPDATE wb_answers SET status = ?, wb_status = ?, wb_error = ?, completed_at = ? WHERE id = ?",
                    status,
                    wbStatus,
                    wbError,
                    now,
                    claimed.id());
            if (status.equals("sent")) {
                Item.markAnswered(c, kind, claimed.cabinetId(), claimed.itemId(), claimed.text(), now);
            }
            return read(c, claimed.id());
        });
    }

    private static Answer read(Connection c, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT " + COLUMNS + " FROM wb_answers WHERE id = ?", AnswerSender::map, id)
                .orElseThrow();
    }

    private static Answer map(java.sql.ResultSet rs) throws SQLException {
        return new Answer(
                rs.getLong("id"),
                rs.getLong("cabinet_id"),
                rs.getString("item_kind"),
                rs.getString("item_id"),
                rs.getString("text"),
                rs.getString("status"),
                rs.getLong("telegram_id"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "completed_at"),
                rs.getString("wb_error"));
    }
}
