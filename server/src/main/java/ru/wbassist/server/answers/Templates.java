package ru.wbassist.server.answers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.wbassist.api.Answers.Template;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.db.Sql;

/**
 * Answer templates per cabinet. A cabinet gets a Russian default set the first time its templates are read; after
 * that the users own them (deleting all of them does not bring the defaults back). A template written for reviews is
 * not offered for questions and the other way round; one without a kind is offered for both.
 */
final class Templates {

    static final int MAX_TEMPLATES = 20;
    static final int MAX_TEXT = 1000;

    /** A template of the default set (V201 gave the defaults already stored their kinds by these texts). */
    record Default(ItemKind kind, String text) {}

    static final List<Default> DEFAULTS = List.of(
            new Default(
                    ItemKind.REVIEW,
                    "Здравствуйте, {buyer}! Спасибо за отзыв о товаре «{product}». Нам очень жаль, что покупка не"
                            + " оправдала ожиданий. Напишите нам в чат на Wildberries — разберёмся и поможем."),
            new Default(
                    ItemKind.REVIEW,
                    "{buyer}, спасибо, что нашли время написать. Мы передали ваш отзыв в отдел качества, чтобы такое"
                            + " не повторялось."),
            new Default(
                    ItemKind.REVIEW, "Спасибо за оценку {rating} из 5! Нам важно каждое мнение о товаре «{product}»."),
            new Default(ItemKind.QUESTION, "Здравствуйте! Спасибо за вопрос о товаре «{product}». "),
            new Default(
                    ItemKind.QUESTION,
                    "Здравствуйте! Подробные размеры и состав указаны в карточке товара «{product}». Если останутся"
                            + " вопросы — напишите нам в чат на Wildberries."));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(buyer|product|rating)}");
    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?]\\s+)покупатель");

    private Templates() {}

    /** The cabinet's templates, oldest first; writes the defaults the first time. */
    static List<Template> list(Connection c, long cabinetId) throws SQLException {
        boolean seeded = Sql.queryOne(
                        c,
                        "SELECT templates_seeded FROM wb_cabinets WHERE id = ? FOR UPDATE",
                        rs -> rs.getBoolean(1),
                        cabinetId)
                .orElse(true);
        if (!seeded) {
            Instant now = Instant.now();
            for (Default template : DEFAULTS) {
                Sql.update(
                        c,
                        "INSERT INTO answer_templates (cabinet_id, text, kind, created_at) VALUES (?,?,?,?)",
                        cabinetId,
                        template.text(),
                        template.kind().code(),
                        now);
            }
            Sql.update(c, "UPDATE wb_cabinets SET templates_seeded = TRUE WHERE id = ?", cabinetId);
        }
        return Sql.query(
                c,
                "SELECT id, text, kind FROM answer_templates WHERE cabinet_id = ? ORDER BY id",
                rs -> new Template(rs.getLong(1), rs.getString(2), rs.getString(3)),
                cabinetId);
    }

    /** The templates to offer when answering an item of {@code kind}: its own and those without a kind. */
    static List<Template> offeredFor(Connection c, long cabinetId, ItemKind kind) throws SQLException {
        return list(c, cabinetId).stream()
                .filter(t -> t.kind() == null || t.kind().equals(kind.code()))
                .toList();
    }

    /** Adds a template; {@code kind} is {@code review}, {@code question} or null (both). */
    static Template add(Connection c, long cabinetId, String text, String kind) throws SQLException {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_TEXT) {
            throw new InvalidRequest("text", "text must be 1 to " + MAX_TEXT + " characters");
        }
        if (kind != null && ItemKind.ofCode(kind).isEmpty()) {
            throw new InvalidRequest("kind", "kind must be review or question, or left out for both");
        }
        if (list(c, cabinetId).size() >= MAX_TEMPLATES) {
            throw new Refusal(Refusal.Reason.CONFLICT, "a cabinet holds at most " + MAX_TEMPLATES + " templates");
        }
        long id = Sql.insert(
                c,
                "INSERT INTO answer_templates (cabinet_id, text, kind, created_at) VALUES (?,?,?,?)",
                cabinetId,
                clean,
                kind,
                Instant.now());
        return new Template(id, clean, kind);
    }

    static boolean delete(Connection c, long cabinetId, long templateId) throws SQLException {
        return Sql.update(c, "DELETE FROM answer_templates WHERE cabinet_id = ? AND id = ?", cabinetId, templateId) > 0;
    }

    /**
     * Fills {@code {buyer}}, {@code {product}} and {@code {rating}}. Without a buyer's name (questions; reviews
     * signed "Покупатель") it says "покупатель", capitalised at the start of a sentence.
     */
    static String fill(String template, Item item) {
        String buyer = item.buyer() == null || item.buyer().isBlank()
                ? "покупатель"
                : item.buyer().strip();
        String product = item.product() == null ? "товар" : item.product();
        String rating = item.rating() == null ? "" : String.valueOf(item.rating());
        // one pass, so a product title holding "{buyer}" stays as it is
        String filled = PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(
                        switch (m.group(1)) {
                            case "buyer" -> buyer;
                            case "product" -> product;
                            default -> rating;
                        }));
        return SENTENCE_START.matcher(filled).replaceAll("$1Покупатель").strip();
    }
}
