package ru.wbassist.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/notifications}: the delivery queue the bot drains, and each user's settings. */
public final class Notifications {

    public static final String PATH = "/api/v1/notifications";
    public static final String POLL = "/poll";
    public static final String POLL_BATCH = "/poll/batch";
    public static final String PENDING = "/pending";
    public static final String ACK = "/ack";
    public static final String SETTINGS = "/settings";
    public static final String TEST = "/test";
    public static final String MUTES = "/mutes";

    private Notifications() {}

    /** The notification types ({@code type} everywhere in the API) and the statuses of a notification. */
    public static final class Types {

        public static final String NEW_ORDER = "new_order";
        public static final String ORDER_BUYOUT = "order_buyout";
        public static final String ORDER_CANCELLATION = "order_cancellation";
        public static final String ORDER_RETURN = "order_return";
        public static final String NEGATIVE_REVIEW = "negative_review";
        public static final String NEW_QUESTION = "new_question";
        public static final String CRITICAL_STOCK = "critical_stock";
        public static final String STOCK_RUNWAY = "stock_runway";
        public static final String DAILY_DIGEST = "daily_digest";
        public static final String PRICE_CHANGED = "price_changed";
        public static final String PRICE_QUARANTINE = "price_quarantine";
        public static final String KEY_INVALID = "key_invalid";
        public static final String KEY_EXPIRING = "key_expiring";
        public static final String TEST = "test";

        public static final List<String> ALL = List.of(
                NEW_ORDER,
                ORDER_BUYOUT,
                ORDER_CANCELLATION,
                ORDER_RETURN,
                NEGATIVE_REVIEW,
                NEW_QUESTION,
                CRITICAL_STOCK,
                STOCK_RUNWAY,
                DAILY_DIGEST,
                PRICE_CHANGED,
                PRICE_QUARANTINE,
                KEY_INVALID,
                KEY_EXPIRING,
                TEST);

        /** {@code pending → sent | failed}, or {@code skipped} with a suppression reason. */
        public static final List<String> STATUSES = List.of("pending", "sent", "failed", "skipped");

        private Types() {}
    }

    /**
     * One notification to deliver: Telegram HTML within Telegram's limits, a photo URL or null, a chart for the bot to
     * draw and send with the text as its caption or null (the daily digest), the product of a stock alert (its mute
     * button) or null, the review or question id the user may answer from this message (null for other types,
     * groups, and users the cabinet's owner does not let answer), and the user's language (what the text is in, for
     * the bot's buttons).
     */
    public record Item(
            long id,
            long telegramId,
            Long cabinetId,
            String type,
            String text,
            String imageUrl,
            Instant createdAt,
            int attempts,
            int groupSize,
            Chart chart,
            Long nmId,
            String replyTo,
            String language) {}

    /** Bars of orders and buyouts per day, titled and labelled in the user's language; the bot draws it. */
    public record Chart(String title, String ordersLabel, String buyoutsLabel, List<ChartDay> days) {}

    public record ChartDay(LocalDate date, Insights.Tally orders, Insights.Tally buyouts) {}

    /** {@code GET …/mutes}: the products whose stock alerts (critical, runway) the user muted. */
    public record ProductMutes(List<ProductMute> mutes) {}

    /** A muted product; {@code title} is the card's, null before it syncs. */
    public record ProductMute(long cabinetId, String cabinetName, long nmId, String title) {}

    /** The body of {@code POST …/mutes}: a product of one of the user's cabinets. */
    public record MuteRequest(long cabinetId, long nmId) {}

    /** {@code GET …/poll}: a user's items; {@code next_cursor} only for leased polls. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Poll(long telegramId, List<Item> notifications, Long nextCursor, Instant serverTime) {}

    /** {@code GET|POST …/poll/batch}: items per Telegram id (every asked id answers, unknown ones empty). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchPoll(Map<String, List<Item>> users, Long nextCursor, Instant serverTime) {}

    /** {@code GET …/pending}: leased items of every user, for the bot's delivery engine. */
    public record Pending(List<Item> items, Instant serverTime) {}

    /** The body of {@code POST …/ack}. */
    public record Ack(List<Delivered> delivered, List<Failed> failed) {}

    /** A delivery Telegram accepted; {@code sent_at} defaults to the ack's arrival. */
    public record Delivered(long id, Instant sentAt) {}

    /** A failed delivery: retried with back-off unless permanent or out of attempts. */
    public record Failed(long id, String error, boolean permanent) {}

    /** How many items of an ack changed state (a repeated ack changes none). */
    public record AckResult(int delivered, int failed) {}

    /** A user's notification settings ({@code GET|POST …/settings}). */
    public record Settings(
            boolean notificationsEnabled,
            boolean newOrdersEnabled,
            boolean orderBuyoutsEnabled,
            boolean orderCancellationsEnabled,
            boolean orderReturnsEnabled,
            boolean negativeReviewsEnabled,
            boolean criticalStocksEnabled,
            boolean stockRunwayEnabled,
            boolean priceChangesEnabled,
            boolean newQuestionsEnabled,
            boolean groupingEnabled,
            int maxGroupSize,
            int groupTimeout,
            int negativeReviewThreshold,
            int criticalStockThreshold,
            int runwayDays,
            String quietHoursStart,
            String quietHoursEnd,
            String digestTime,
            String language) {

        /** The user's switch for this type; types without a switch (key problems, tests) always pass. */
        public boolean wants(String type) {
            return switch (type) {
                case Types.NEW_ORDER -> newOrdersEnabled;
                case Types.ORDER_BUYOUT -> orderBuyoutsEnabled;
                case Types.ORDER_CANCELLATION -> orderCancellationsEnabled;
                case Types.ORDER_RETURN -> orderReturnsEnabled;
                case Types.NEGATIVE_REVIEW -> negativeReviewsEnabled;
                case Types.CRITICAL_STOCK -> criticalStocksEnabled;
                case Types.STOCK_RUNWAY -> stockRunwayEnabled;
                case Types.PRICE_CHANGED, Types.PRICE_QUARANTINE -> priceChangesEnabled;
                case Types.DAILY_DIGEST -> digestTime != null;
                case Types.NEW_QUESTION -> newQuestionsEnabled;
                default -> true;
            };
        }
    }

    /** {@code POST …/test} (and the admin test send): the queued notification. */
    public record TestQueued(long id, String type) {}

    /**
     * A test notification as the send would queue it now: the rendered Telegram HTML and photo (or the chart the bot
     * draws and sends with the text as its caption: the daily digest's) in the user's language, the cabinet whose
     * product it shows, and what the send will meet.
     */
    public record TestPreview(
            long telegramId,
            String type,
            String language,
            Long cabinetId,
            String cabinetName,
            String text,
            String imageUrl,
            Chart chart,
            boolean botBlocked,
            List<Warning> warnings) {

        /** The user has quiet hours now; a test passes them. */
        public static final String QUIET_HOURS = "quiet_hours";
        /** No synced product to show: the sample is made up. */
        public static final String SAMPLE_PRODUCT = "sample_product";

        /** Something the operator should know before sending; {@code code} is stable, {@code message} is for people. */
        public record Warning(String code, String message) {}
    }
}
