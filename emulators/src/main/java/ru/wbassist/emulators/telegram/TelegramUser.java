package ru.wbassist.emulators.telegram;

/** A Telegram user who writes to the bot in the emulator (a private chat with the same id). */
public record TelegramUser(long id, String firstName, String lastName, String username, String languageCode) {

    public static TelegramUser of(long id, String firstName) {
        return new TelegramUser(id, firstName, null, null, "ru");
    }

    public TelegramUser withLanguage(String language) {
        return new TelegramUser(id, firstName, lastName, username, language);
    }
}
