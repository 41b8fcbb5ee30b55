package ru.wbassist.console.common;

import ru.wbassist.api.Admin;

/** How the console names things everywhere. */
public final class Names {

    private Names() {}

    /** "Anna (@anna, 111)". */
    public static String user(Admin.UserRow user) {
        return user(user.telegramId(), user.username(), user.firstName());
    }

    /** "Anna (@anna, 111)"; "— (111)" for a user whose names are unknown. */
    public static String user(long telegramId, String username, String firstName) {
        StringBuilder name = new StringBuilder(firstName == null || firstName.isBlank() ? "—" : firstName);
        name.append(" (");
        if (username != null && !username.isBlank()) {
            name.append('@').append(username).append(", ");
        }
        return name.append(telegramId).append(')').toString();
    }
}
