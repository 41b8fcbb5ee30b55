package ru.wbassist.server.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import ru.wbassist.api.Admin;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * Reviews and questions as items to answer, with their answer state, and the answers sent to WB from WB Assist
 * ({@code wb_answers}, written by the answers feature): what the operator reads to see who answered what.
 */
final class AnswerLog {

    /** What the items list may be narrowed to. */
    record ItemQuery(Optional<Long> cabinetId, Optional<String> kind, Optional<Boolean> answered) {

        Filter filter() {
            return new Filter()
                    .when("i.cabinet_id = ?", cabinetId)
                    .when("i.kind = ?", kind)
                    .when("i.is_answered = ?", answered);
        }
    }

    /** What the sent answers may be narrowed to; the time range applies to {@code created_at}. */
    record AnswerQuery(
            Optional<Long> cabinetId,
            Optional<String> kind,
            Optional<String> status,
            Optional<Long> telegramId,
            Filter.TimeRange range) {

        Filter filter() {
            return new Filter()
                    .range("a.created_at", range)
                    .when("a.cabinet_id = ?", cabinetId)
                    .when("a.item_kind = ?", kind)
                    .when("a.status = ?", status)
                    .when("a.telegram_id = ?", telegramId);
        }
    }

    /** Reviews and questions as one list; {@code wb_answer_text} is the answer the sync saw on WB (questions). */
    private static final String ITEMS = """
            (SELECT r.cabinet_id, 'review' AS kind, r.review_id AS item_id, r.nm_id,
                    COALESCE(p.title, r.product_name) AS product, r.user_name AS buyer, r.rating,
                    COALESCE(NULLIF(r.text, ''), r.cons, r.pros) AS text, r.created_date, r.is_answered,
                    CAST(NULL AS TEXT) AS wb_answer_text
               FROM wb_reviews r LEFT JOIN wb_products p ON p.cabinet_id = r.cabinet_id AND p.nm_id = r.nm_id
             UNION ALL
             SELECT q.cabinet_id, 'question' AS kind, q.question_id AS item_id, q.nm_id,
                    COALESCE(p.title, q.product_name) AS product, CAST(NULL AS TEXT) AS buyer,
                    CAST(NULL AS INTEGER) AS rating, q.text, q.created_date, q.is_answered, q.answer_text
               FROM wb_questions q LEFT JOIN wb_products p ON p.cabinet_id = q.cabinet_id AND p.nm_id = q.nm_id) i""";

    /** Each item with its latest answer from WB Assist, if any. */
    private static final String ITEM_SELECT = """
            SELECT i.*, c.name AS cabinet_name, a.text AS answer_text, a.status AS answer_status,
                   a.telegram_id AS answered_by, a.created_at AS answered_at
              FROM %s
              JOIN wb_cabinets c ON c.id = i.cabinet_id
              LEFT JOIN wb_answers a ON a.id = (SELECT MAX(l.id) FROM wb_answers l
                     WHERE l.cabinet_id = i.cabinet_id AND l.item_kind = i.kind AND l.item_id = i.item_id)
            """.formatted(ITEMS);

    private static final String ANSWER_SELECT = """
            SELECT a.id, a.cabinet_id, c.name AS cabinet_name, a.item_kind, a.item_id, a.text, a.status, a.wb_status,
                   a.wb_error, a.telegram_id, u.username, u.first_name, a.created_at, a.completed_at,
                   COALESCE(p.title, r.product_name, q.product_name) AS product,
                   COALESCE(NULLIF(r.text, ''), r.cons, r.pros, q.text) AS item_text
              FROM wb_answers a
              JOIN wb_cabinets c ON c.id = a.cabinet_id
              LEFT JOIN users u ON u.telegram_id = a.telegram_id
              LEFT JOIN wb_reviews r
                     ON a.item_kind = 'review' AND r.cabinet_id = a.cabinet_id AND r.review_id = a.item_id
              LEFT JOIN wb_questions q
                     ON a.item_kind = 'question' AND q.cabinet_id = a.cabinet_id AND q.question_id = a.item_id
              LEFT JOIN wb_products p ON p.cabinet_id = a.cabinet_id AND p.nm_id = COALESCE(r.nm_id, q.nm_id)
            """;

    private final Database db;

    AnswerLog(Database db) {
        this.db = db;
    }

    /** Newest first (by the item's date on WB). */
    Admin.Page<Admin.ItemToAnswer> items(ItemQuery query, Paging paging) {
        Filter filter = query.filter();
        return db.withConnection(c -> new Admin.Page<>(
                Sql.query(
                        c,
                        ITEM_SELECT + filter.where()
                                + " ORDER BY i.created_date DESC, i.kind, i.item_id LIMIT ? OFFSET ?",
                        AnswerLog::item,
                        filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM " + ITEMS + filter.where(), filter.params())));
    }

    /** Newest first. */
    Admin.Page<Admin.SentAnswer> answers(AnswerQuery query, Paging paging) {
        Filter filter = query.filter();
        return db.withConnection(c -> new Admin.Page<>(
                Sql.query(
                        c,
                        ANSWER_SELECT + filter.where() + " ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?",
                        AnswerLog::answer,
                        filter.params(paging.limit(), paging.offset())),
                Sql.queryLong(c, "SELECT COUNT(*) FROM wb_answers a" + filter.where(), filter.params())));
    }

    private static Admin.ItemToAnswer item(ResultSet rs) throws SQLException {
        String sentText = rs.getString("answer_text");
        return new Admin.ItemToAnswer(
                rs.getLong("cabinet_id"),
                rs.getString("cabinet_name"),
                rs.getString("kind"),
                rs.getString("item_id"),
                rs.getLong("nm_id"),
                rs.getString("product"),
                rs.getString("buyer"),
                rs.getObject("rating", Integer.class),
                rs.getString("text"),
                Sql.instant(rs, "created_date"),
                rs.getBoolean("is_answered"),
                sentText != null ? sentText : rs.getString("wb_answer_text"),
                rs.getString("answer_status"),
                Sql.longValue(rs, "answered_by"),
                Sql.instant(rs, "answered_at"));
    }

    private static Admin.SentAnswer answer(ResultSet rs) throws SQLException {
        return new Admin.SentAnswer(
                rs.getLong("id"),
                rs.getLong("cabinet_id"),
                rs.getString("cabinet_name"),
                rs.getString("item_kind"),
                rs.getString("item_id"),
                rs.getString("product"),
                rs.getString("item_text"),
                rs.getString("text"),
                rs.getString("status"),
                rs.getObject("wb_status", Integer.class),
                rs.getString("wb_error"),
                rs.getLong("telegram_id"),
                rs.getString("username"),
                rs.getString("first_name"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "completed_at"));
    }
}
