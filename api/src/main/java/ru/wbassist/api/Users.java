package ru.wbassist.api;

import java.time.Instant;

/** {@code /users}: the bot registers the Telegram users it talks to. */
public final class Users {

    public static final String PATH = "/users";
    public static final String ONE = "/{telegram_id}";
    public static final String BLOCKED = "/{telegram_id}/blocked";

    private Users() {}

    /** A Telegram user of the bot. */
    public record User(
            long telegramId,
            String username,
            String firstName,
            String lastName,
            String language,
            Instant createdAt,
            boolean botBlocked) {}

    /** The body of {@code POST /users/}. */
    public record Registration(Long telegramId, String username, String firstName, String lastName, String language) {

        private static final int MAX_NAME = 256;

        /** Checks every field; throws naming the first bad one. */
        public Registration validated() {
            if (telegramId == null) {
                throw new InvalidRequest("telegram_id", "telegram_id is required");
            }
            if (telegramId <= 0) {
                throw new InvalidRequest("telegram_id", "telegram_id must be a positive integer");
            }
            checkLength("username", username);
            checkLength("first_name", firstName);
            checkLength("last_name", lastName);
            if (language != null && !language.equals("ru") && !language.equals("en")) {
                throw new InvalidRequest("language", "language must be ru or en");
            }
            return this;
        }

        private static void checkLength(String field, String value) {
            if (value != null && value.length() > MAX_NAME) {
                throw new InvalidRequest(field, field + " must be at most " + MAX_NAME + " characters");
            }
        }
    }
}
