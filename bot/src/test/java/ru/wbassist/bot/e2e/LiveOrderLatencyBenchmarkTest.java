package ru.wbassist.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.telegram.telegrambots.meta.TelegramUrl;
import ru.wbassist.api.Syncs;
import ru.wbassist.bot.WbAssistBot;
import ru.wbassist.bot.delivery.DeliveryOptions;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.emulators.telegram.SentMessage;
import ru.wbassist.emulators.telegram.TelegramEmulator;
import ru.wbassist.emulators.telegram.TelegramUser;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.Scope;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.TestServer;

/**
 * Live-order latency benchmark (not part of the normal build): "order placed in the WB sandbox → message at the
 * Telegram emulator", through the real server (sync + live poll, detection, queue), the real bot and the emulator over
 * HTTP, for two cabinets in the same run: one whose key has Analytics (the order feed and statistics) and one whose key
 * lacks it (statistics only). The sandbox publishes statistics {@code benchmark.lag} seconds late (WB: refreshed every
 * 30 minutes); the server keeps WB's real limits (one feed request and one orders request a minute). The shops have no
 * history, so every "new order" card is one of the benchmark's orders and a second card for one is a duplicate.
 * <pre>./mvnw -B -q -pl bot -am test -Dtest=LiveOrderLatencyBenchmarkTest -Dbenchmark=true \
 *     -Dbenchmark.orders=20 -Dbenchmark.spacing=15 -Dbenchmark.lag=1800 -Dbenchmark.syncInterval=180 \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The results go to bot/target/live-order-benchmark.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class LiveOrderLatencyBenchmarkTest {

    private static final String TOKEN = "781:LIVE";
    private static final TelegramUser LIVE = TelegramUser.of(801, "Лена");
    private static final TelegramUser STATS = TelegramUser.of(802, "Стас");
    private static final int ORDERS = Integer.getInteger("benchmark.orders", 20);
    private static final int SPACING = Integer.getInteger("benchmark.spacing", 15);
    private static final int LAG = Integer.getInteger("benchmark.lag", 1800);
    private static final int SYNC_INTERVAL = Integer.getInteger("benchmark.syncInterval", 180);

    @Test
    void orderToTelegramWithTheFeedAndWithStatisticsOnly() throws Exception {
        try (WbSandbox sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                        .port(0)
                        .seed(31)
                        .acceleration(0)
                        .relaxedLimits(true)
                        .historyDays(0));
                TestServer server = TestServer.start(
                        DatabaseConfig.Vendor.H2,
                        Map.of(
                                "SYNC_ENABLED",
                                "true",
                                "SYNC_INTERVAL",
                                String.valueOf(SYNC_INTERVAL),
                                "WB_API_BASE_URL",
                                sandbox.baseUrl()));
                TelegramEmulator telegram = TelegramEmulator.start(
                        TelegramEmulator.Options.defaults().port(0).token(TOKEN))) {
            sandbox.setStatisticsLag(Duration.ofSeconds(LAG));
            HttpServerClient client = new HttpServerClient(server.baseUrl(), TestServer.SECRET);
            WbAssistBot bot = new WbAssistBot(
                    TOKEN,
                    new TelegramUrl("http", "127.0.0.1", telegram.port(), false),
                    client,
                    DeliveryOptions.defaults(28, Duration.ofSeconds(2), Duration.ofSeconds(60)));
            bot.start();
            try {
                SandboxSeller live = sandbox.createSeller("ИП Онлайн");
                SandboxSeller stats = sandbox.createSeller("ИП Статистика");
                String statsOnly = sandbox.mintToken(
                        stats,
                        Scope.mask(Scope.STATISTICS, Scope.CONTENT, Scope.FEEDBACKS),
                        Instant.now().plus(Duration.ofDays(30)));
                connect(telegram, LIVE, live.token());
                connect(telegram, STATS, statsOnly);
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> baselineDone(client, LIVE, true) && baselineDone(client, STATS, false));

                List<Product> liveProducts = live.shop().products();
                List<Product> statsProducts = stats.shop().products();
                int n = Math.min(ORDERS, Math.min(liveProducts.size(), statsProducts.size()));
                List<Instant> placed = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Product a = liveProducts.get(i);
                    Product b = statsProducts.get(i);
                    placed.add(Instant.now());
                    live.shop().placeOrder(a.nmId(), a.sizes().getFirst().chrtId(), "Коледино");
                    stats.shop().placeOrder(b.nmId(), b.sizes().getFirst().chrtId(), "Коледино");
                    Thread.sleep(Duration.ofSeconds(SPACING));
                }
                await().atMost(Duration.ofSeconds(LAG + 20L * SYNC_INTERVAL + 600))
                        .pollInterval(Duration.ofSeconds(5))
                        .until(() ->
                                arrived(telegram, LIVE, liveProducts, n) && arrived(telegram, STATS, statsProducts, n));
                Thread.sleep(Duration.ofSeconds(Math.max(SYNC_INTERVAL, 70))); // statistics catches up: no repeats

                String report = String.format(
                        Locale.ROOT,
                        "orders %d, %d s apart; statistics lag %d s; SYNC_INTERVAL %d s; FEED_INTERVAL 60 s%n%s%n%s%n",
                        n,
                        SPACING,
                        LAG,
                        SYNC_INTERVAL,
                        line(
                                "feed + statistics",
                                latencies(telegram, LIVE, liveProducts, placed),
                                duplicates(telegram, LIVE, liveProducts, n)),
                        line(
                                "statistics only  ",
                                latencies(telegram, STATS, statsProducts, placed),
                                duplicates(telegram, STATS, statsProducts, n)));
                Path out = Path.of("target", "live-order-benchmark.txt");
                Files.writeString(out, report);
                System.out.print(report);
                assertThat(duplicates(telegram, LIVE, liveProducts, n) + duplicates(telegram, STATS, statsProducts, n))
                        .isZero();
            } finally {
                bot.close();
            }
        }
    }

    private static void connect(TelegramEmulator telegram, TelegramUser user, String token) {
        say(telegram, user, "/start");
        say(telegram, user, "/connect " + token);
    }

    private static boolean baselineDone(HttpServerClient client, TelegramUser user, boolean feed) {
        List<Syncs.CabinetStatus> status = client.syncStatus(user.id());
        return !status.isEmpty()
                && status.stream()
                        .allMatch(c -> !c.running()
                                && !c.dataSets().isEmpty()
                                && c.dataSets().stream().allMatch(d -> "success".equals(d.status()))
                                && (!feed || "success".equals(c.liveOrders().lastStatus())));
    }

    private static List<SentMessage> cards(TelegramEmulator telegram, TelegramUser user, Product product) {
        return telegram.sent(user.id()).stream()
                .filter(m -> m.body() != null
                        && m.body().contains("Новый заказ")
                        && m.body().contains(product.vendorCode()))
                .toList();
    }

    private static boolean arrived(TelegramEmulator telegram, TelegramUser user, List<Product> products, int n) {
        for (int i = 0; i < n; i++) {
            if (cards(telegram, user, products.get(i)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static long duplicates(TelegramEmulator telegram, TelegramUser user, List<Product> products, int n) {
        long extra = 0;
        for (int i = 0; i < n; i++) {
            extra += Math.max(0, cards(telegram, user, products.get(i)).size() - 1);
        }
        return extra;
    }

    /** Seconds from each order's placement to its card's arrival, sorted. */
    private static List<Double> latencies(
            TelegramEmulator telegram, TelegramUser user, List<Product> products, List<Instant> placed) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Instant at = cards(telegram, user, products.get(i)).getFirst().at();
            seconds.add(Duration.between(placed.get(i), at).toMillis() / 1000.0);
        }
        seconds.sort(Double::compare);
        return seconds;
    }

    private static String line(String name, List<Double> seconds, long duplicates) {
        return String.format(
                Locale.ROOT,
                "%s: p50 %.1f s, p95 %.1f s, p99 %.1f s, max %.1f s; second cards: %d",
                name,
                percentile(seconds, 50),
                percentile(seconds, 95),
                percentile(seconds, 99),
                seconds.getLast(),
                duplicates);
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void say(TelegramEmulator telegram, TelegramUser user, String text) {
        int before = telegram.sent(user.id()).size();
        telegram.injectMessage(user.id(), user, text);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> telegram.sent(user.id()).size() > before);
    }
}
