package ru.wbassist.server.answers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.wbassist.api.Answers;
import ru.wbassist.db.Sql;

/**
 * A review or question as the reply flow shows it: the product (the card's title when synced), the buyer's name
 * (reviews only: WB names no one for questions), the rating (reviews only) and the text.
 */
public record Item(
        ItemKind kind,
        String itemId,
        long nmId,
        String product,
        String buyer,
        Integer rating,
        String text,
        Instant createdDate,
        boolean answered) {

    /** As the API shows it. */
    Answers.ReplyItem reply() {
        return new Answers.ReplyItem(kind.code(), itemId, nmId, product, buyer, rating, text, createdDate, answered);
    }

    private static final String REVIEW_SELECT = """
            SELECT r.review_id AS item_id, r.nm_id, COALESCE(p.title, r.product_name) AS product, r.user_name AS buyer,
                   r.rating, COALESCE(NULLIF(r.text, ''), r.cons, r.pros) AS text, r.created_date, r.is_answered
              FROM wb_reviews r LEFT JOIN wb_products p ON p.cabinet_id = r.cabinet_id AND p.nm_id = r.nm_id
             WHERE r.cabinet_id = ?""";
    private static final String QUESTION_SELECT = """
            SELECT q.question_id AS item_id, q.nm_id, COALESCE(p.title, q.product_name) AS product,
                   CAST(NULL AS TEXT) AS buyer, CAST(NULL AS INTEGER) AS rating, q.text, q.created_date, q.is_answered
              FROM wb_questions q LEFT JOIN wb_products p ON p.cabinet_id = q.cabinet_id AND p.nm_id = q.nm_id
             WHERE q.cabinet_id = ?""";

    static Optional<Item> find(Connection c, ItemKind kind, long cabinetId, String itemId) throws SQLException {
        String alias = kind == ItemKind.REVIEW ? "r" : "q";
        return Sql.queryOne(
                c,
                select(kind) + " AND " + alias + "." + kind.idColumn() + " = ?",
                rs -> map(kind, rs),
                cabinetId,
                itemId);
    }

    /** Locks the item's row: every answer of one item is decided one at a time (idempotency, one answer). */
    static boolean lock(Connection c, ItemKind kind, long cabinetId, String itemId) throws SQLException {
        return !Sql.query(
                        c,
                        "SELECT id FROM " + kind.table() + " WHERE cabinet_id = ? AND " + kind.idColumn()
                                + " = ? FOR UPDATE",
                        rs -> rs.getLong(1),
                        cabinetId,
                        itemId)
                .isEmpty();
    }

    /** The newest unanswered items (reviews: at or below the rating threshold) and how many there are. */
    static List<Item> unanswered(Connection c, ItemKind kind, long cabinetId, int maxRating, int limit)
            throws SQLException {
        String alias = kind == ItemKind.REVIEW ? "r" : "q";
        String rating = kind == ItemKind.REVIEW ? " AND r.rating <= " + maxRating : "";
        return Sql.query(
                c,
                select(kind) + " AND NOT " + alias + ".is_answered" + rating + " ORDER BY " + alias
                        + ".created_date DESC, " + alias + ".id DESC LIMIT ?",
                rs -> map(kind, rs),
                cabinetId,
                limit);
    }

    static long countUnanswered(Connection c, ItemKind kind, long cabinetId, int maxRating) throws SQLException {
        String rating = kind == ItemKind.REVIEW ? " AND rating <= " + maxRating : "";
        return Sql.queryLong(
                c,
                "SELECT COUNT(*) FROM " + kind.table() + " WHERE cabinet_id = ? AND NOT is_answered" + rating,
                cabinetId);
    }

    static void markAnswered(Connection c, ItemKind kind, long cabinetId, String itemId, String text, Instant at)
            throws SQLException {
        String answerText = kind == ItemKind.QUESTION ? ", answer_text = ?" : "";
        Object[] params = kind == ItemKind.QUESTION
                ? new Object[] {at, text, cabinetId, itemId}
                : new Object[] {at, cabinetId, itemId};
        Sql.update(
                c,
                "UPDATE " + kind.table() + " SET is_answered = TRUE, synced_at = ?" + answerText
                        + " WHERE cabinet_id = ? AND " + kind.idColumn() + " = ?",
                params);
    }

    private static String select(ItemKind kind) {
        return kind == ItemKind.REVIEW ? REVIEW_SELECT : QUESTION_SELECT;
    }

    private static Item map(ItemKind kind, ResultSet rs) throws SQLException {
        return new Item(
                kind,
                rs.getString("item_id"),
                rs.getLong("nm_id"),
                rs.getString("product"),
                rs.getString("buyer"),
                Sql.integer(rs, "rating"),
                rs.getString("text"),
                Sql.instant(rs, "created_date"),
                rs.getBoolean("is_answered"));
    }
}
