package ru.wbassist.console.common;

import ru.wbassist.api.Admin;

/** How the console names things everywhere. */
public final class Names {

    private Names() {}

    /** "Anna (@anna, 111)". */
    public static String user(Admin.UserRow user) {
        StringBuilder name =
                new StringBuilder(user.firstName() == null || user.firstName().isBlank() ? "—" : user.firstName());
        name.append(" (");
        if (user.username() != null && !user.username().isBlank()) {
            name.append('@').append(user.username()).append(", ");
        }
        return name.append(user.telegramId()).append(')').toString();
    }
}
