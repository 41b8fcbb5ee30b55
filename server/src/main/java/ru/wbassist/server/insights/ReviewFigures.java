package ru.wbassist.server.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.wbassist.api.Insights.Review;
import ru.wbassist.db.Sql;

/**
 * A cabinet's reviews. The average and the distribution cover every stored review; "new negative" means rating at
 * or below the user's {@code negative_review_threshold}, created in the last 24 hours and not answered yet (what
 * still needs the seller's attention today).
 */
public final class ReviewFigures {

    static final Duration NEW_WINDOW = Duration.ofHours(24);

    /**
     * @param distribution review count per rating, keys "1".."5", all present
     * @param average      mean rating, two decimals; null without reviews
     */
    record Stats(long total, BigDecimal average, Map<String, Long> distribution, long unanswered, long newNegative) {}

    static final String STATS = """
            SELECT rating, COUNT(*) AS n,
                   COUNT(CASE WHEN is_answered = FALSE THEN 1 END) AS unanswered,
                   COUNT(CASE WHEN is_answered = FALSE AND created_date >= ? AND rating <= ? THEN 1 END) AS new_negative
              FROM wb_reviews
             WHERE cabinet_id = ?
             GROUP BY rating
            """;

    static final String LATEST = """
            SELECT r.review_id, r.nm_id, COALESCE(r.product_name, p.title) AS product_name, r.rating, r.text, r.pros,
                   r.cons, r.user_name, r.created_date, r.is_answered
              FROM wb_reviews r
              LEFT JOIN wb_products p ON p.cabinet_id = r.cabinet_id AND p.nm_id = r.nm_id
             WHERE r.cabinet_id = ?
             ORDER BY r.created_date DESC, r.id DESC
             LIMIT ?
            """;

    private ReviewFigures() {}

    static Stats stats(Connection c, long cabinetId, int negativeThreshold, Instant now) throws SQLException {
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(Integer.toString(rating), 0L);
        }
        long total = 0;
        long ratingSum = 0;
        long unanswered = 0;
        long newNegative = 0;
        for (long[] row : Sql.query(
                c,
                STATS,
                rs -> new long[] {
                    rs.getInt("rating"), rs.getLong("n"), rs.getLong("unanswered"), rs.getLong("new_negative")
                },
                now.minus(NEW_WINDOW),
                negativeThreshold,
                cabinetId)) {
            distribution.put(Long.toString(row[0]), row[1]);
            total += row[1];
            ratingSum += row[0] * row[1];
            unanswered += row[2];
            newNegative += row[3];
        }
        BigDecimal average = total == 0
                ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new Stats(total, average, distribution, unanswered, newNegative);
    }

    static List<Review> latest(Connection c, long cabinetId, int limit) throws SQLException {
        return Sql.query(
                c,
                LATEST,
                rs -> new Review(
                        rs.getString("review_id"),
                        rs.getLong("nm_id"),
                        rs.getString("product_name"),
                        rs.getInt("rating"),
                        rs.getString("text"),
                        rs.getString("pros"),
                        rs.getString("cons"),
                        rs.getString("user_name"),
                        Sql.instant(rs, "created_date"),
                        rs.getBoolean("is_answered")),
                cabinetId,
                limit);
    }

    /** The cabinet's stored questions that have no answer yet (the dashboard's and the daily digest's figure). */
    public static long unansweredQuestions(Connection c, long cabinetId) throws SQLException {
        return Sql.queryLong(
                c, "SELECT COUNT(*) FROM wb_questions WHERE cabinet_id = ? AND is_answered = FALSE", cabinetId);
    }
}
