package ru.wbassist.server.sync;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbCredentials;
import ru.wbassist.server.wb.WbQuestion;

/**
 * Questions, synced like reviews: the baseline reads all of them, later runs those created since the cursor minus
 * the overlap. Upsert by question id; an answer (ours or one given on WB's site) flips {@code is_answered}.
 */
final class QuestionsStep implements DataSetStep<List<WbQuestion>> {

    private static final System.Logger LOG = System.getLogger(QuestionsStep.class.getName());
    private static final String INSERT = """
            INSERT INTO wb_questions (cabinet_id, question_id, nm_id, product_name, supplier_article, text,
                created_date, is_answered, answer_text, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?)""";
    private static final String UPDATE = "UPDATE wb_questions SET is_answered = ?, answer_text = ?, synced_at = ?"
            + " WHERE cabinet_id = ? AND question_id = ?";

    private final WbClient wb;
    private final Duration overlap;

    QuestionsStep(WbClient wb, Duration overlap) {
        this.wb = wb;
        this.overlap = overlap;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.QUESTIONS;
    }

    @Override
    public Fetched<List<WbQuestion>> fetch(
            WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        Optional<Instant> previous = cursor.map(Instant::parse);
        List<WbQuestion> rows =
                wb.questions(credentials, previous.map(p -> p.minus(overlap)).orElse(null));
        return Fetched.byCreation(rows, WbQuestion::createdDate, previous, now);
    }

    @Override
    public Stored store(Connection c, long cabinetId, List<WbQuestion> rows, Optional<EventSink> events, Instant now)
            throws SQLException {
        List<WbQuestion> valid = new ArrayList<>(rows.size());
        for (WbQuestion q : rows) {
            if (q.id() == null
                    || q.text() == null
                    || q.productDetails() == null
                    || q.productDetails().nmId() == null
                    || q.createdDate() == null) {
                LOG.log(Level.WARNING, "skipping question {0}: no product, text or creation time", q.id());
            } else {
                valid.add(q);
            }
        }
        Map<String, Boolean> existing = Jdbc.existing(
                c,
                "wb_questions",
                "question_id",
                "is_answered",
                cabinetId,
                valid.stream().map(WbQuestion::id).toList(),
                rs -> rs.getBoolean("is_answered"));
        List<WbQuestion> inserts = new ArrayList<>();
        List<WbQuestion> updates = new ArrayList<>();
        for (WbQuestion q : valid) {
            Boolean answered = existing.get(q.id());
            if (answered == null) {
                inserts.add(q);
            } else if (answered != q.isAnswered()) {
                updates.add(q);
            }
        }
        Jdbc.batch(c, INSERT, inserts, q -> new Object[] {
            cabinetId,
            q.id(),
            q.productDetails().nmId(),
            q.productDetails().productName(),
            q.productDetails().supplierArticle(),
            q.text(),
            q.createdDate(),
            q.isAnswered(),
            answerText(q),
            now
        });
        Jdbc.batch(c, UPDATE, updates, q -> new Object[] {q.isAnswered(), answerText(q), now, cabinetId, q.id()});
        if (events.isPresent()) {
            List<String> unanswered = inserts.stream()
                    .filter(q -> !q.isAnswered())
                    .map(WbQuestion::id)
                    .toList();
            if (!unanswered.isEmpty()) {
                events.get().questionsStored(c, cabinetId, unanswered);
            }
        }
        return new Stored(inserts.size() + updates.size(), rows.size() - valid.size());
    }

    private static String answerText(WbQuestion q) {
        return q.isAnswered() ? q.answer().text() : null;
    }
}
