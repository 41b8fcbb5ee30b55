package ru.wbassist.server.cabinets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ru.wbassist.server.http.ApiException;

/** A request to connect a WB key: {@code user_id} is the Telegram id of the user connecting it. */
public record CabinetConnection(Long userId, String apiKey, String name) {

    private static final int MAX_NAME = 100;

    public CabinetConnection validated() {
        if (userId == null) {
            throw ApiException.badRequest("user_id", "user_id is required");
        }
        if (userId <= 0) {
            throw ApiException.badRequest("user_id", "user_id must be a positive integer");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiException.badRequest("api_key", "api_key is required");
        }
        if (name != null && name.strip().length() > MAX_NAME) {
            throw ApiException.badRequest("name", "name must be at most " + MAX_NAME + " characters");
        }
        return this;
    }

    /** The cleaned name, or null when none was given. */
    @JsonIgnore
    public String cleanName() {
        return name == null || name.isBlank() ? null : name.strip();
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "CabinetConnection[userId=" + userId + ", name=" + name + "]";
    }
}
