package ru.wbassist.bot;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The bot's configuration from environment variables, with same-machine defaults so that {@code ./run.sh bot} works
 * next to the server: the API secret is read from the file the server writes when API_SECRET_KEY is not set.
 *
 * @param token           TELEGRAM_BOT_TOKEN (required)
 * @param serverUrl       SERVER_URL, default http://127.0.0.1:8080
 * @param apiSecret       API_SECRET_KEY, else the content of API_SECRET_FILE (default ./data/api-secret)
 * @param telegramUrl     TELEGRAM_API_URL, default https://api.telegram.org (the emulator: http://127.0.0.1:8081)
 * @param rate            TELEGRAM_RATE messages per second overall, default {@link #DEFAULT_RATE}
 * @param pollingInterval POLLING_INTERVAL seconds, default 30: the longest pause between claims after server errors
 * @param lease           DELIVERY_LEASE seconds, default 60: how long claimed notifications stay reserved
 * @param journal         DELIVERY_JOURNAL, default ./data/bot-delivered.journal: deliveries not yet acked
 * @param metricsHost     BOT_METRICS_HOST, default 127.0.0.1: where the metrics endpoint listens
 * @param metricsPort     BOT_METRICS_PORT: the metrics endpoint's port; 0 (the default) serves no metrics
 */
public record BotConfig(
        String token,
        String serverUrl,
        String apiSecret,
        TelegramUrl telegramUrl,
        double rate,
        Duration pollingInterval,
        Duration lease,
        Path journal,
        String metricsHost,
        int metricsPort) {

    /**
     * Sends started per second: Telegram allows "30 messages per second or so" for a bot (docs/telegram.md); 28 by
     * default leaves room for the bot's own replies to commands. The delivery engine starts at
     * most rate + 1 sends in any one-second window (see FairScheduler), so an operator may set 29 and still never
     * exceed 30 in any second; docs/bot.md has the measurements of both.
     */
    public static final double DEFAULT_RATE = 28;

    /** A configuration problem, told to the operator in one line. */
    public static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message, null, false, false);
        }
    }

    public static BotConfig from(Map<String, String> env) {
        String token = value(env, "TELEGRAM_BOT_TOKEN", null);
        if (token == null) {
            throw new ConfigException("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and export it");
        }
        return new BotConfig(
                token,
                value(env, "SERVER_URL", "http://127.0.0.1:8080"),
                apiSecret(env),
                telegramUrl(value(env, "TELEGRAM_API_URL", "https://api.telegram.org")),
                positive(env, "TELEGRAM_RATE", DEFAULT_RATE),
                Duration.ofSeconds((long) positive(env, "POLLING_INTERVAL", 30)),
                Duration.ofSeconds((long) Math.min(600, Math.max(5, positive(env, "DELIVERY_LEASE", 60)))),
                Path.of(value(env, "DELIVERY_JOURNAL", "data/bot-delivered.journal")),
                value(env, "BOT_METRICS_HOST", "127.0.0.1"),
                port(env, "BOT_METRICS_PORT"));
    }

    /** Never print the token or the secret: records would, so this does not. */
    @Override
    public String toString() {
        return "BotConfig[server=" + serverUrl + ", telegram=" + telegramUrl.getSchema() + "://" + telegramUrl.getHost()
                + ":" + telegramUrl.getPort() + ", rate=" + rate + "/s, pollingInterval=" + pollingInterval
                + ", lease=" + lease + ", journal=" + journal
                + (metricsPort == 0 ? "" : ", metrics=http://" + metricsHost + ":" + metricsPort + "/metrics") + "]";
    }

    private static String apiSecret(Map<String, String> env) {
        String secret = value(env, "API_SECRET_KEY", null);
        if (secret != null) {
            return secret;
        }
        Path file = Path.of(value(env, "API_SECRET_FILE", "data/api-secret"));
        try {
            String fromFile = Files.readString(file).trim();
            if (fromFile.isEmpty()) {
                throw new ConfigException("the API secret file " + file.toAbsolutePath() + " is empty");
            }
            return fromFile;
        } catch (IOException e) {
            throw new ConfigException("no API secret: set API_SECRET_KEY, or start the server first so it writes "
                    + file.toAbsolutePath() + " (or point API_SECRET_FILE at it)");
        }
    }

    static TelegramUrl telegramUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TELEGRAM_API_URL is not a URL: " + url);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ConfigException("TELEGRAM_API_URL must look like http://host:port, got " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(Map<String, String> env, String name) {
        String value = value(env, name, null);
        if (value == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a port number (1-65535), got " + value);
        }
    }

    private static double positive(Map<String, String> env, String name, double fallback) {
        String value = value(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (number <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a positive number, got " + value);
        }
    }
}
