package ru.wbassist.console.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A row of GET /api/v1/admin/users. */
public record AdminUser(
        long telegramId,
        String username,
        String firstName,
        String lastName,
        OffsetDateTime createdAt,
        boolean botBlocked,
        List<UserCabinet> cabinets,
        UserSettings settings) {

    public AdminUser {
        cabinets = cabinets == null ? List.of() : List.copyOf(cabinets);
    }

    /** "Anna (@anna, 111)": how the console names a user everywhere. */
    public String displayName() {
        StringBuilder name = new StringBuilder(firstName == null || firstName.isBlank() ? "—" : firstName);
        name.append(" (");
        if (username != null && !username.isBlank()) {
            name.append('@').append(username).append(", ");
        }
        return name.append(telegramId).append(')').toString();
    }

    public record UserCabinet(long id, String name, String role) {
    }
}
