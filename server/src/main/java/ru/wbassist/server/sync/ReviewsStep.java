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
import ru.wbassist.server.wb.WbFeedback;

/**
 * Reviews: the baseline reads all of them; later runs read those created since the cursor (the newest
 * {@code createdDate}, or the first fetch's time when there was none) minus the overlap. Upsert by feedback id; an
 * answer flips {@code is_answered}.
 */
final class ReviewsStep implements DataSetStep<List<WbFeedback>> {

    private static final System.Logger LOG = System.getLogger(ReviewsStep.class.getName());
    private static final String INSERT = """
            INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, product_name, supplier_article, rating, text, pros,
                cons, user_name, created_date, is_answered, synced_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""";
    private static final String UPDATE =
            "UPDATE wb_reviews SET is_answered = ?, synced_at = ? WHERE cabinet_id = ?" + " AND review_id = ?";

    private final WbClient wb;
    private final Duration overlap;

    ReviewsStep(WbClient wb, Duration overlap) {
        this.wb = wb;
        this.overlap = overlap;
    }

    @Override
    public DataSet dataSet() {
        return DataSet.REVIEWS;
    }

    @Override
    public Fetched<List<WbFeedback>> fetch(
            WbCredentials credentials, long cabinetId, Optional<String> cursor, Instant now) {
        Optional<Instant> previous = cursor.map(Instant::parse);
        List<WbFeedback> rows =
                wb.feedbacks(credentials, previous.map(p -> p.minus(overlap)).orElse(null));
        return Fetched.byCreation(rows, WbFeedback::createdDate, previous, now);
    }

    @Override
    public Stored store(Connection c, long cabinetId, List<WbFeedback> rows, Optional<EventSink> events, Instant now)
            throws SQLException {
        List<WbFeedback> valid = new ArrayList<>(rows.size());
        for (WbFeedback f : rows) {
            if (f.productValuation() < 1
                    || f.productValuation() > 5
                    || f.productDetails() == null
                    || f.productDetails().nmId() == null
                    || f.createdDate() == null) {
                LOG.log(Level.WARNING, "skipping feedback {0}: no product, rating 1–5 or creation time", f.id());
            } else {
                valid.add(f);
            }
        }
        Map<String, Boolean> existing = Jdbc.existing(
                c,
                "wb_reviews",
                "review_id",
                "is_answered",
                cabinetId,
                valid.stream().map(WbFeedback::id).toList(),
                rs -> rs.getBoolean("is_answered"));
        List<WbFeedback> inserts = new ArrayList<>();
        List<WbFeedback> updates = new ArrayList<>();
        for (WbFeedback f : valid) {
            Boolean answered = existing.get(f.id());
            if (answered == null) {
                inserts.add(f);
            } else if (answered != isAnswered(f)) {
                updates.add(f);
            }
        }
        Jdbc.batch(c, INSERT, inserts, f -> new Object[] {
            cabinetId,
            f.id(),
            f.productDetails().nmId(),
            f.productDetails().productName(),
            f.productDetails().supplierArticle(),
            f.productValuation(),
            f.text(),
            f.pros(),
            f.cons(),
            f.userName(),
            f.createdDate(),
            isAnswered(f),
            now
        });
        Jdbc.batch(c, UPDATE, updates, f -> new Object[] {isAnswered(f), now, cabinetId, f.id()});
        if (events.isPresent() && !inserts.isEmpty()) {
            events.get()
                    .reviewsStored(
                            c, cabinetId, inserts.stream().map(WbFeedback::id).toList());
        }
        return new Stored(inserts.size() + updates.size(), rows.size() - valid.size());
    }

    private static boolean isAnswered(WbFeedback f) {
        return f.answer() != null
                && f.answer().text() != null
                && !f.answer().text().isBlank();
    }
}
