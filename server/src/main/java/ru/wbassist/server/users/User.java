package ru.wbassist.server.users;

import java.time.Instant;
import ru.wbassist.api.Users;

/** A Telegram user of the bot as stored; {@code id} is internal and never leaves the server. */
public record User(
        long id,
        long telegramId,
        String username,
        String firstName,
        String lastName,
        String language,
        Instant createdAt,
        boolean botBlocked) {

    /** What the API shows of this user. */
    public Users.User view() {
        return new Users.User(telegramId, username, firstName, lastName, language, createdAt, botBlocked);
    }
}
