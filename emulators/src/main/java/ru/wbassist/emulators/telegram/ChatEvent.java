package ru.wbassist.emulators.telegram;

import java.time.Instant;

/** One step of a private chat, in order: the user typed, the user pressed an inline button, or the bot acted. */
sealed interface ChatEvent {

    /** The message typed, pressed under, or touched by the bot. */
    long messageId();

    Instant at();

    record Typed(long messageId, String text, Instant at) implements ChatEvent {}

    /** {@code button} is the label the user saw (the data itself when the message had no such button). */
    record Pressed(long messageId, String button, String data, Instant at) implements ChatEvent {}

    record Bot(SentMessage sent) implements ChatEvent {

        @Override
        public long messageId() {
            return sent.messageId();
        }

        @Override
        public Instant at() {
            return sent.at();
        }
    }
}
