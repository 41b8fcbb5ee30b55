package ru.wbassist.chaos;

import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Users;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.server.App;
import ru.wbassist.server.config.AppConfig;
import ru.wbassist.server.config.Settings;

/**
 * Queue-to-Telegram latency with two servers on one PostgreSQL: notifications are queued through server B while the
 * bot long-polls server A, so only a wake-up that crosses servers delivers them at once. Latency is from the moment
 * before the request that queues a notification on B to its arrival at the Telegram emulator. Results go to
 * system-tests/target/two-server-latency.txt (docs/benchmarks.md "Two servers: queue to Telegram").
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TwoServerLatencyBenchmark {

    private static final String SECRET = "latency-secret-0123456789";
    private static final String TOKEN = "781:LATENCY";
    private static final int USERS = 20;
    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 100);

    @Test
    void queueOnOneServerDeliverThroughTheOther() throws Exception {
        DatabaseConfig db = TestDatabases.freshConfig(DatabaseConfig.Vendor.POSTGRESQL);
        List<AutoCloseable> open = new ArrayList<>();
        try {
            String a = startServer(db, "a", open);
            String b = startServer(db, "b", open);
            TelegramEmulator telegram = TelegramEmulator.start(
                    TelegramEmulator.Options.defaults().port(0).token(TOKEN));
            open.add(telegram);
            HttpServerClient toA = new HttpServerClient(a, SECRET);
            HttpServerClient toB = new HttpServerClient(b, SECRET);
            for (long user = 1; user <= USERS; user++) {
                toB.register(new Users.Registration(user, "u" + user, "User " + user, null, "ru"));
            }
            WbAssistBot bot = new WbAssistBot(
                    TOKEN,
                    new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                    toA,
                    DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60)));
            open.add(bot);
            bot.start();

            Random random = new Random(42);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < SAMPLES + 5; i++) {
                long user = 1 + i % USERS;
                int before = telegram.sent(user).size();
                Instant queued = Instant.now();
                toB.sendTest(user, "new_order");
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (telegram.sent(user).size() == before && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Instant arrived = telegram.sent(user).get(before).at();
                if (i >= 5) { // the first ones warm the JIT and open connections
                    millis.add(Duration.between(queued, arrived).toMillis());
                }
                Thread.sleep(100 + random.nextInt(400)); // land anywhere in a poll's cycle
            }
            millis.sort(Long::compare);
            String line = String.format(
                    Locale.ROOT,
                    "%d notifications queued on server B, bot polling server A:"
                            + " p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    millis.size(),
                    millis.get(millis.size() / 2),
                    millis.get(millis.size() * 9 / 10),
                    millis.get(millis.size() * 99 / 100),
                    millis.getLast());
            Files.writeString(Path.of("target", "two-server-latency.txt"), line);
            System.out.print(line);
        } finally {
            for (AutoCloseable c : open.reversed()) {
                c.close();
            }
        }
    }

    private static String startServer(DatabaseConfig db, String name, List<AutoCloseable> open) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("API_SECRET_KEY", SECRET);
        env.put(
                "DATA_DIR",
                Files.createTempDirectory("wbassist-latency-" + name).toString());
        env.put("SYNC_ENABLED", "false");
        AppConfig config = AppConfig.from(Settings.load(env));
        App app = new App(config, Database.open(db), Clock.systemUTC(), Metrics.globalRegistry());
        WebServer server = app.configure(WebServer.builder().host("127.0.0.1").port(0))
                .build()
                .start();
        app.start();
        open.add(app);
        open.add(server::stop);
        return "http://127.0.0.1:" + server.port();
    }
}
