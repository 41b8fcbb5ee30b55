package ru.wbassist.bot;

import java.util.concurrent.CountDownLatch;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import ru.wbassist.bot.metrics.MetricsEndpoint;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.observability.BuildInfo;
import ru.wbassist.observability.LogFormat;

/**
 * Starts the bot: {@code java -cp bot/target/bot.jar:bot/target/libs/* ru.wbassist.bot.BotMain}. A missing or rejected
 * token ends it with one line and exit code 2; configuration is in docs/bot.md.
 */
public final class BotMain {

    private BotMain() {}

    public static void main(String[] args) throws InterruptedException {
        BotConfig config;
        try {
            LogFormat.of(System.getenv("LOG_FORMAT")).install();
            config = BotConfig.from(System.getenv());
        } catch (IllegalArgumentException | BotConfig.ConfigException e) {
            fail(2, e.getMessage());
            return;
        }
        WbAssistBot bot = WbAssistBot.create(config, new HttpServerClient(config.serverUrl(), config.apiSecret()));
        User me;
        try {
            me = bot.telegram().execute(new GetMe());
            bot.start();
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                fail(2, "Telegram rejected TELEGRAM_BOT_TOKEN (" + code + " " + e.getApiResponse() + ")");
            } else {
                fail(1, "Telegram answered an error at start: " + e.getApiResponse());
            }
            return;
        } catch (TelegramApiException e) {
            fail(
                    1,
                    "cannot reach the Telegram Bot API at "
                            + config.telegramUrl().getHost() + ":"
                            + config.telegramUrl().getPort() + " ("
                            + e.getClass().getSimpleName() + ")");
            return;
        }
        MetricsEndpoint metrics = config.metricsPort() == 0
                ? null
                : MetricsEndpoint.start(config.metricsHost(), config.metricsPort(), bot::deliveryStats);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (metrics != null) {
                metrics.close();
            }
            bot.close();
            stopped.countDown();
        }));
        System.out.println("WB Assist bot " + BuildInfo.version() + " @" + me.getUserName() + " running: " + config);
        stopped.await();
    }

    private static void fail(int exitCode, String message) {
        System.err.println("wb-assist bot: " + message);
        System.exit(exitCode);
    }
}
