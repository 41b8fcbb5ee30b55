package ru.wbassist.server.users;

import ru.wbassist.server.http.ApiException;

/** The body of {@code POST /users/}. */
public record UserRegistration(Long telegramId, String username, String firstName, String lastName, String language) {

    private static final int MAX_NAME = 256;

    /** Checks every field; throws a 400 naming the first bad one. */
    public UserRegistration validated() {
        if (telegramId == null) {
            throw ApiException.badRequest("telegram_id", "telegram_id is required");
        }
        if (telegramId <= 0) {
            throw ApiException.badRequest("telegram_id", "telegram_id must be a positive integer");
        }
        checkLength("username", username);
        checkLength("first_name", firstName);
        checkLength("last_name", lastName);
        if (language != null && !language.equals("ru") && !language.equals("en")) {
            throw ApiException.badRequest("language", "language must be ru or en");
        }
        return this;
    }

    private static void checkLength(String field, String value) {
        if (value != null && value.length() > MAX_NAME) {
            throw ApiException.badRequest(field, field + " must be at most " + MAX_NAME + " characters");
        }
    }
}
