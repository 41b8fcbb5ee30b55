package ru.wbassist.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/admin}: what the operator console reads. Lists are pages of {@code items} with the {@code total}. */
public final class Admin {

    public static final String PATH = "/api/v1/admin";
    public static final String OVERVIEW = "/overview";
    public static final String CABINETS = "/cabinets";
    public static final String CABINET_USERS = "/cabinets/{id}/users";
    public static final String CABINET_SYNC = "/cabinets/{id}/sync";
    public static final String CABINET_PAUSE = "/cabinets/{id}/pause";
    public static final String CABINET_RESUME = "/cabinets/{id}/resume";
    public static final String SYNC_LOGS = "/sync-logs";
    public static final String SYNC_LOGS_EXPORT = "/sync-logs/export";
    public static final String NOTIFICATIONS = "/notifications";
    public static final String NOTIFICATIONS_EXPORT = "/notifications/export";
    public static final String NOTIFICATION_RETRY = "/notifications/{id}/retry";
    public static final String USERS = "/users";
    public static final String TEST_NOTIFICATION = "/users/{telegram_id}/test-notification";
    public static final String TEST_NOTIFICATION_PREVIEW = "/users/{telegram_id}/test-notification/preview";
    public static final String ITEMS_TO_ANSWER = "/items-to-answer";
    public static final String ANSWERS = "/answers";

    /** What an item to answer is ({@code kind}): a review or a buyer's question. */
    public static final List<String> ITEM_KINDS = List.of("review", "question");

    /** The states of an answer sent from WB Assist ({@code status}). */
    public static final List<String> ANSWER_STATUSES = List.of("sending", "sent", "refused", "failed");

    private Admin() {}

    /** One page of a list and the number of items over all pages. */
    public record Page<T>(List<T> items, long total) {}

    /** {@code GET /overview}: counts and the last 14 Moscow days of notifications and orders. */
    public record Overview(
            long users,
            long cabinets,
            @JsonProperty("notifications_24h") Window notifications24h,
            @JsonProperty("notifications_7d") Window notifications7d,
            @JsonProperty("sync_failures_24h") long syncFailures24h,
            List<TypeCount> notificationsPerDay,
            List<DayCount> ordersPerDay) {}

    /** Notifications created in a window: per status (every status present) and per type (types that occurred). */
    public record Window(Map<String, Long> byStatus, Map<String, Long> byType) {

        public long status(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    public record TypeCount(LocalDate date, String type, long count) {}

    public record DayCount(LocalDate date, long count) {}

    /**
     * {@code GET /cabinets}; {@code syncPausedAt} is when an operator paused its sync (null while not paused);
     * {@code liveOrders} is its live order source, as the bot's sync status shows it.
     */
    public record CabinetRow(
            long id,
            String name,
            boolean active,
            Instant createdAt,
            long userCount,
            Instant lastSyncAt,
            String lastSyncStatus,
            String lastError,
            boolean keyValid,
            boolean syncPaused,
            Instant syncPausedAt,
            Syncs.LiveOrders liveOrders) {}

    /** {@code POST /cabinets/{id}/pause} and {@code …/resume}: the cabinet's pause state now. */
    public record SyncPause(long cabinetId, boolean syncPaused, Instant syncPausedAt) {}

    /** {@code GET /cabinets/{id}/users}: answers {@code {"items":[…]}}. */
    public record Member(long telegramId, String username, String firstName, String role, Instant joinedAt) {}

    public record Members(List<Member> items) {}

    /** {@code GET /users}. */
    public record UserRow(
            long telegramId,
            String username,
            String firstName,
            String lastName,
            Instant createdAt,
            boolean botBlocked,
            List<CabinetLink> cabinets,
            Notifications.Settings settings) {}

    public record CabinetLink(long id, String name, String role) {}

    /** {@code GET /sync-logs}. */
    public record SyncLogEntry(
            long id,
            long cabinetId,
            String cabinetName,
            String dataSet,
            String status,
            Instant startedAt,
            Instant completedAt,
            int recordsProcessed,
            String errorMessage) {}

    /**
     * {@code GET /notifications}: {@code text} is the Telegram HTML the user receives; {@code retryOf} names the failed
     * notification this one retries, {@code retriedBy} the retry made of this one; {@code chart} is the chart the bot
     * draws and sends with the text as its caption (the daily digest's), else null.
     */
    public record NotificationEntry(
            long id,
            long telegramId,
            Long cabinetId,
            String type,
            String status,
            String suppressedReason,
            String text,
            String imageUrl,
            Instant createdAt,
            Instant sentAt,
            int attempts,
            String lastError,
            Long retryOf,
            Long retriedBy,
            Notifications.Chart chart) {}

    /** {@code POST /notifications/{id}/retry}: the new attempt, the failed notification it repeats, {@code pending}. */
    public record Retried(long id, long retryOf, String status) {}

    /** {@code POST /cabinets/{id}/sync}: {@code status} is {@code started}. */
    public record SyncStarted(long cabinetId, String status) {}

    /**
     * {@code GET /items-to-answer}: a review or question of a cabinet with its answer state. {@code buyer} and
     * {@code rating} are null for questions. The {@code answer*} fields describe the latest answer sent from WB Assist
     * (null when none was); {@code answerText} falls back to the answer the sync saw on WB (questions only).
     */
    public record ItemToAnswer(
            long cabinetId,
            String cabinetName,
            String kind,
            String itemId,
            long nmId,
            String product,
            String buyer,
            Integer rating,
            String text,
            Instant createdDate,
            boolean answered,
            String answerText,
            String answerStatus,
            Long answeredBy,
            Instant answeredAt) {}

    /**
     * {@code GET /answers}: an answer sent to WB from WB Assist — who sent it ({@code telegramId} and, while the user
     * exists, their names), when, the text, the outcome ({@code status}) and WB's HTTP status and refusal reason.
     */
    public record SentAnswer(
            long id,
            long cabinetId,
            String cabinetName,
            String kind,
            String itemId,
            String product,
            String itemText,
            String text,
            String status,
            Integer wbStatus,
            String wbError,
            long telegramId,
            String username,
            String firstName,
            Instant createdAt,
            Instant completedAt) {}
}
