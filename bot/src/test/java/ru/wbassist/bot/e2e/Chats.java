package ru.wbassist.bot.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;

/** Talking to the bot as a Telegram user through the emulator, for the end-to-end tests. */
final class Chats {

    private Chats() {}

    /** Sends {@code text} as the user and returns the bot's first answer to it (not counting deletions). */
    static SentMessage say(TelegramEmulator telegram, TelegramUser user, String text) {
        int before = telegram.sent(user.id()).size();
        telegram.injectMessage(user.id(), user, text);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> telegram.sent(user.id()).stream()
                        .skip(before)
                        .anyMatch(m -> !"deleteMessage".equals(m.method())));
        return telegram.sent(user.id()).stream()
                .skip(before)
                .filter(m -> !"deleteMessage".equals(m.method()))
                .findFirst()
                .orElseThrow();
    }

    /** /sync until a sync starts: one already running may have begun before the change the test made. */
    static void syncNow(TelegramEmulator telegram, TelegramUser user) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String text = say(telegram, user, "/sync").text();
                    return text != null && text.contains("Синхронизация запущена");
                });
    }

    /** A clock for the bot's per-user throttle that moves a minute on every look: tests type faster than people. */
    static InstantSource typingFast() {
        java.util.concurrent.atomic.AtomicLong minutes = new java.util.concurrent.atomic.AtomicLong();
        return () -> Instant.EPOCH.plus(Duration.ofMinutes(minutes.incrementAndGet()));
    }

    /** Closes the parts in order, skipping those never started. */
    static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
