package ru.wbassist.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** {@code /wb/cabinets}: connecting a WB key, listing and leaving the cabinets of a user. */
public final class Cabinets {

    public static final String PATH = "/wb/cabinets";
    public static final String ONE = "/{id}";

    private Cabinets() {}

    /** A cabinet as one of its users sees it; never carries the key. */
    public record Cabinet(
            long id,
            String name,
            String role,
            Instant createdAt,
            boolean active,
            Instant keyExpiresAt,
            boolean keyValid,
            String keyError,
            Instant lastSyncAt,
            String lastSyncStatus) {}

    /**
     * The body of {@code POST /wb/cabinets/}: {@code telegram_id} of the user connecting the key ({@code user_id}, the
     * name the route first had, is accepted instead).
     */
    public record Connection(Long telegramId, Long userId, String apiKey, String name) {

        private static final int MAX_NAME = 100;

        public Connection validated() {
            if (telegramId != null && userId != null && !telegramId.equals(userId)) {
                throw new InvalidRequest("user_id", "user_id is an alias of telegram_id; give one of them");
            }
            Long id = actingTelegramId();
            if (id == null) {
                throw new InvalidRequest("telegram_id", "telegram_id is required");
            }
            if (id <= 0) {
                throw new InvalidRequest(
                        telegramId != null ? "telegram_id" : "user_id",
                        (telegramId != null ? "telegram_id" : "user_id") + " must be a positive integer");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new InvalidRequest("api_key", "api_key is required");
            }
            if (name != null && name.strip().length() > MAX_NAME) {
                throw new InvalidRequest("name", "name must be at most " + MAX_NAME + " characters");
            }
            return this;
        }

        /** The connecting user's Telegram id, from either name. */
        @JsonIgnore
        public Long actingTelegramId() {
            return telegramId != null ? telegramId : userId;
        }

        /** The cleaned name, or null when none was given. */
        @JsonIgnore
        public String cleanName() {
            return name == null || name.isBlank() ? null : name.strip();
        }

        /** Never print the key. */
        @Override
        public String toString() {
            return "Connection[telegramId=" + actingTelegramId() + ", name=" + name + "]";
        }
    }

    /**
     * The answer to a connect: the cabinet, whether the user joined a cabinet someone else had connected, and whether the
     * key replaced the key of its seller's cabinet (a cabinet is one WB seller).
     */
    public record Connected(Cabinet cabinet, boolean shared, boolean keyReplaced) {}

    /** {@code GET /wb/cabinets/?user_id=}. */
    public record CabinetList(List<Cabinet> cabinets) {}
}
