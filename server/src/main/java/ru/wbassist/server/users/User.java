package ru.wbassist.server.users;

import java.time.Instant;

/** A Telegram user of the bot, as the API shows it. {@code id} is internal and not serialized. */
public record User(@com.fasterxml.jackson.annotation.JsonIgnore long id, long telegramId, String username,
                   String firstName, String lastName, String language, Instant createdAt, boolean botBlocked) {
}
