package ru.wbassist.emulators.telegram;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the Telegram emulator as a process: {@code --port 8081 --token 123:ABC [--global-rate 30] [--per-chat-rate 1]}.
 */
public final class TelegramEmulatorMain {

    private TelegramEmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        TelegramEmulator.Options options = TelegramEmulator.Options.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> options.port(Integer.parseInt(required(args[i], value)));
                    case "--token" -> options.token(required(args[i], value));
                    case "--global-rate" -> options.globalRate(Double.parseDouble(required(args[i], value)));
                    case "--per-chat-rate" -> options.perChatRate(Double.parseDouble(required(args[i], value)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(
                    e.getMessage()
                            + "\nusage: TelegramEmulatorMain [--port 8081] [--token 123:ABC] [--global-rate 30] [--per-chat-rate 1]");
            System.exit(2);
        }
        TelegramEmulator emulator = TelegramEmulator.start(options);
        System.out.println("Telegram Bot API emulator at " + emulator.baseUrl() + " (control routes under /emulator/)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
