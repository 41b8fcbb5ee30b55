package ru.wbassist.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ru.wbassist.bot.command.AnalyticsCommand;
import ru.wbassist.bot.command.CabinetsCommand;
import ru.wbassist.bot.command.CommandContainer;
import ru.wbassist.bot.command.ConnectCommand;
import ru.wbassist.bot.command.DashboardCommand;
import ru.wbassist.bot.command.DigestOffer;
import ru.wbassist.bot.command.HelpCommand;
import ru.wbassist.bot.command.LangCommand;
import ru.wbassist.bot.command.Languages;
import ru.wbassist.bot.command.MuteCommand;
import ru.wbassist.bot.command.OrdersCommand;
import ru.wbassist.bot.command.QuestionsCommand;
import ru.wbassist.bot.command.ReplyFlow;
import ru.wbassist.bot.command.ReviewsCommand;
import ru.wbassist.bot.command.SettingsCommand;
import ru.wbassist.bot.command.StartCommand;
import ru.wbassist.bot.command.StocksCommand;
import ru.wbassist.bot.command.StopCommand;
import ru.wbassist.bot.command.SyncCommand;
import ru.wbassist.bot.command.TemplatesCommand;
import ru.wbassist.bot.command.TestCommand;
import ru.wbassist.bot.command.UnknownCommand;
import ru.wbassist.bot.delivery.DeliveryEngine;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.delivery.DeliveryStats;
import ru.wbassist.bot.i18n.Lang;
import ru.wbassist.bot.i18n.Texts;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.telegram.Messenger;
import ru.wbassist.bot.telegram.PatientMessenger;
import ru.wbassist.bot.telegram.TelegramMessenger;

/** The running bot: long polling for user commands plus the notification delivery engine, wired together. */
public final class WbAssistBot implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WbAssistBot.class.getName());
    static final List<String> MENU = List.of(
            "start",
            "connect",
            "cabinets",
            "dashboard",
            "orders",
            "stocks",
            "reviews",
            "questions",
            "templates",
            "analytics",
            "sync",
            "settings",
            "test",
            "stop",
            "lang",
            "help");

    private final String token;
    private final TelegramUrl telegramUrl;
    private final TelegramClient telegram;
    private final BotUpdates updates;
    private final DeliveryEngine delivery;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private TelegramBotsLongPollingApplication polling;

    public WbAssistBot(String token, TelegramUrl telegramUrl, ServerClient server, DeliveryOptions deliveryOptions) {
        this(token, telegramUrl, server, deliveryOptions, Clock.systemUTC());
    }

    /**
     * {@code throttleClock} paces each user's updates ({@link UserThrottle}); end-to-end tests that type faster than
     * a person pass a clock that runs faster.
     */
    public WbAssistBot(
            String token,
            TelegramUrl telegramUrl,
            ServerClient server,
            DeliveryOptions deliveryOptions,
            InstantSource throttleClock) {
        this.token = token;
        this.telegramUrl = telegramUrl;
        // the read timeout must outlast a long poll; sends get answers in well under a second
        this.telegram = new OkHttpTelegramClient(
                new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(75)).build(), token, telegramUrl);
        Messenger messenger = new TelegramMessenger(telegram);
        Languages languages = new Languages(server);
        Messenger replies = new PatientMessenger(messenger, Duration.ofSeconds(5));
        this.updates = new BotUpdates(
                commands(server, replies, languages),
                languages,
                server,
                workers,
                UserThrottle.defaults(throttleClock),
                replies);
        this.delivery = new DeliveryEngine(server, messenger, deliveryOptions);
    }

    public static WbAssistBot create(BotConfig config, ServerClient server) {
        return new WbAssistBot(
                config.token(),
                config.telegramUrl(),
                server,
                DeliveryOptions.defaults(config.rate(), config.pollingInterval(), config.lease())
                        .withJournal(config.journal()));
    }

    /** Every command and button handler, in one container. */
    public static CommandContainer commands(ServerClient server, Messenger messenger, Languages languages) {
        ConnectCommand connect = new ConnectCommand(server, messenger);
        CabinetsCommand cabinets = new CabinetsCommand(server, messenger);
        OrdersCommand orders = new OrdersCommand(server, messenger);
        AnalyticsCommand analytics = new AnalyticsCommand(server, messenger);
        SyncCommand sync = new SyncCommand(server, messenger);
        SettingsCommand settings = new SettingsCommand(server, messenger, languages);
        LangCommand lang = new LangCommand(server, messenger, languages);
        ReplyFlow reply = new ReplyFlow(server, messenger);
        TemplatesCommand templates = new TemplatesCommand(server, messenger);
        return new CommandContainer(
                List.of(
                        new StartCommand(server, messenger, languages),
                        connect,
                        cabinets,
                        new DashboardCommand(server, messenger),
                        orders,
                        new StocksCommand(server, messenger),
                        new ReviewsCommand(server, messenger),
                        new QuestionsCommand(server, messenger),
                        templates,
                        analytics,
                        sync,
                        settings,
                        new TestCommand(server, messenger),
                        new StopCommand(server, messenger),
                        new HelpCommand(messenger),
                        lang),
                List.of(
                        cabinets,
                        orders,
                        analytics,
                        sync,
                        settings,
                        lang,
                        reply,
                        templates,
                        new MuteCommand(server),
                        new DigestOffer(server)),
                List.of(connect, reply),
                new UnknownCommand(messenger),
                messenger);
    }

    /** The delivery engine's figures, for the metrics endpoint. */
    public DeliveryStats deliveryStats() {
        return delivery.stats();
    }

    /** The client for direct calls (the token check at start). */
    public TelegramClient telegram() {
        return telegram;
    }

    public void start() throws TelegramApiException {
        publishCommandMenu();
        polling = new TelegramBotsLongPollingApplication();
        polling.registerBot(token, () -> telegramUrl, new DefaultGetUpdatesGenerator(), updates);
        delivery.start();
    }

    @Override
    public void close() {
        delivery.close();
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping long polling: {0}", e.getMessage());
            }
        }
        workers.shutdown();
    }

    /** The command list Telegram shows in the menu, in Russian by default and in English for English clients. */
    private void publishCommandMenu() {
        for (Lang lang : Lang.values()) {
            Texts texts = Texts.of(lang);
            List<BotCommand> menu = MENU.stream()
                    .map(name -> new BotCommand(name, texts.get("menu." + name)))
                    .toList();
            SetMyCommands.SetMyCommandsBuilder<?, ?> request =
                    SetMyCommands.builder().commands(menu);
            if (lang == Lang.EN) {
                request.languageCode("en");
            }
            try {
                telegram.execute(request.build());
            } catch (TelegramApiException e) {
                LOG.log(System.Logger.Level.WARNING, "could not publish the command menu: {0}", e.getMessage());
            }
        }
    }
}
