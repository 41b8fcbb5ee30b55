package ru.wbassist.bot.command;

/** The Telegram user behind an update. */
public record Sender(long id, String username, String firstName, String lastName, String languageCode) {}
