package ru.wbassist.bot.command;

import ru.wbassist.bot.i18n.Texts;

/**
 * A user's message to the bot: a command ({@code /orders}) with its arguments, or free text (command null).
 *
 * @param messageId the user's message, e.g. for deleting one that holds a key
 */
public record CommandRequest(long chatId, Sender from, String command, String args, long messageId, Texts texts) {}
