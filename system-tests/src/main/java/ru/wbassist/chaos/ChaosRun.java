package ru.wbassist.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.TestDatabases;

/**
 * One chaos run (docs/chaos.md): starts PostgreSQL, the WB sandbox with faults and live events, the Telegram emulator,
 * two servers on the one database and the bot, each a separate OS process talking real HTTP; connects the cabinets;
 * kills the bot and the servers at random moments while events flow; stops the generator, lets the queue drain, and
 * audits what the servers queued against what reached the emulator.
 */
public final class ChaosRun {

    private static final String BOT_TOKEN = "123456:CHAOS";
    private static final long FIRST_TELEGRAM_ID = 700_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final double ORDERS_PER_SELLER_PER_SECOND = 0.25;

    private final ChaosOptions options;
    private final PrintStream progress;
    private final Http http = new Http();
    private final Random random;
    private final List<Child> children = new ArrayList<>();
    private final String apiSecret;
    private final String keyEncryptionKey;
    private OrderGenerator generator;

    public ChaosRun(ChaosOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.random = new Random(options.seed());
        SecureRandom secure = new SecureRandom();
        byte[] secret = new byte[24];
        secure.nextBytes(secret);
        this.apiSecret = HexFormat.of().formatHex(secret);
        byte[] kek = new byte[32];
        secure.nextBytes(kek);
        this.keyEncryptionKey = Base64.getEncoder().encodeToString(kek);
    }

    /** The running system: where each part listens. */
    private record Ports(int sandbox, int telegram, int serverA, int serverB) {
        String server(int index) {
            return "http://127.0.0.1:" + (index == 0 ? serverA : serverB);
        }
    }

    public ChaosReport run() throws IOException, InterruptedException, SQLException {
        Instant begin = Instant.now();
        Files.createDirectories(options.workDir());
        try {
            return runAll(begin);
        } finally {
            if (generator != null) {
                generator.close();
            }
            for (Child child : children.reversed()) {
                child.stop();
            }
        }
    }

    private ChaosReport runAll(Instant begin) throws IOException, InterruptedException, SQLException {
        step("starting PostgreSQL");
        DatabaseConfig db = TestDatabases.freshConfig(DatabaseConfig.Vendor.POSTGRESQL);
        Ports ports = new Ports(freePort(), freePort(), freePort(), freePort());

        step("starting the WB sandbox on " + ports.sandbox() + " and the Telegram emulator on " + ports.telegram());
        double share = options.faultShare() / 3;
        Child sandbox = child(
                "wb-sandbox",
                "ru.wbassist.emulators.wb.WbSandboxMain",
                List.of(
                        "--port",
                        String.valueOf(ports.sandbox()),
                        "--seed",
                        String.valueOf(options.seed()),
                        "--acceleration",
                        String.valueOf(options.acceleration()),
                        "--history-days",
                        "1",
                        "--relaxed-limits",
                        "--fault-429",
                        String.valueOf(share),
                        "--fault-5xx",
                        String.valueOf(share),
                        "--fault-slow",
                        String.valueOf(share),
                        "--fault-slow-ms",
                        "1500"),
                Map.of());
        Child telegram = child(
                "telegram-emulator",
                "ru.wbassist.emulators.telegram.TelegramEmulatorMain",
                List.of("--port", String.valueOf(ports.telegram()), "--token", BOT_TOKEN),
                Map.of());
        sandbox.start();
        telegram.start();
        http.awaitUp("http://127.0.0.1:" + ports.sandbox() + "/sandbox/status", START_TIMEOUT, sandbox);
        http.awaitUp("http://127.0.0.1:" + ports.telegram() + "/emulator/stats", START_TIMEOUT, telegram);

        List<Child> servers = List.of(
                server("server-a", ports.serverA(), db, ports.sandbox()),
                server("server-b", ports.serverB(), db, ports.sandbox()));
        for (int i = 0; i < servers.size(); i++) {
            step("starting " + servers.get(i).name() + " on " + ports.server(i));
            startServer(servers.get(i), ports.server(i));
        }
        List<String> sellerIds = connectCabinets(ports);

        int[] botStarts = {0};
        Child[] bot = {null};
        Runnable startBot = () -> {
            String server = ports.server(botStarts[0] % 2);
            bot[0] = child(
                    "bot",
                    "ru.wbassist.bot.BotMain",
                    List.of(),
                    Map.of(
                            "TELEGRAM_BOT_TOKEN",
                            BOT_TOKEN,
                            "TELEGRAM_API_URL",
                            "http://127.0.0.1:" + ports.telegram(),
                            "SERVER_URL",
                            server,
                            "API_SECRET_KEY",
                            apiSecret,
                            "DELIVERY_LEASE",
                            "15",
                            "POLLING_INTERVAL",
                            "5"));
            bot[0].start();
            botStarts[0]++;
        };
        step("starting the bot");
        startBot.run();

        generator = new OrderGenerator(
                http, "http://127.0.0.1:" + ports.sandbox(), sellerIds, ORDERS_PER_SELLER_PER_SECOND, options.seed());
        step("chaos for " + options.chaosPhase().toSeconds() + " s: " + options.botKills() + " bot kills, "
                + servers.size() + " server restarts");
        int botKills = 0;
        int serverRestarts = 0;
        Instant[] lastKill = new Instant[servers.size()];
        Instant chaosStart = Instant.now();
        for (Fault fault : schedule(servers.size())) {
            sleepUntil(chaosStart.plus(fault.at()));
            if (fault.server() < 0) {
                step("SIGKILL bot (" + (botKills + 1) + "/" + options.botKills() + ")");
                bot[0].kill();
                botKills++;
                Thread.sleep(200 + random.nextInt(1800));
                startBot.run();
            } else {
                Child server = servers.get(fault.server());
                step("SIGKILL " + server.name() + " and start it again");
                server.kill();
                lastKill[fault.server()] = Instant.now();
                serverRestarts++;
                startServer(server, ports.server(fault.server()));
            }
        }
        sleepUntil(chaosStart.plus(options.chaosPhase()));

        step("stopping the generator; the WB sandbox stops after two more sync intervals");
        generator.close();
        sleepUntil(Instant.now().plus(options.syncInterval().multipliedBy(2)));
        sandbox.stop();
        drain(db, ports);
        bot[0].stop();

        step("auditing");
        JsonNode sent = http.get("http://127.0.0.1:" + ports.telegram() + "/emulator/sent", Map.of())
                .body();
        long too429 = http.get("http://127.0.0.1:" + ports.telegram() + "/emulator/stats", Map.of())
                .body()
                .path("too_many_requests")
                .asLong();
        try (Connection c = connect(db)) {
            DeliveryLedger.Figures delivery = DeliveryLedger.audit(c, sent);
            Instant deadBefore = Arrays.stream(lastKill)
                    .map(k -> k == null ? Instant.MIN : k)
                    .min(Instant::compareTo)
                    .orElse(Instant.MIN);
            SyncAudit.Figures sync = SyncAudit.audit(
                    c, Instant.now(), options.syncInterval().multipliedBy(2).plusSeconds(10), deadBefore);
            return new ChaosReport(
                    options,
                    Duration.between(begin, Instant.now()),
                    generator.placed(),
                    generator.canceled(),
                    botKills,
                    botStarts[0],
                    serverRestarts,
                    too429,
                    delivery,
                    sync);
        }
    }

    /** A fault at a moment of the chaos phase: a bot kill ({@code server} -1) or a server restart. */
    private record Fault(Duration at, int server) {}

    /**
     * Bot kills at random moments over the whole phase; the servers are restarted in its second half (at 55 % and
     * 70 %), one at a time. Why late: a SIGKILLed server leaves the cabinets it was syncing picked in db-scheduler,
     * and they are revived only after the default dead-execution timeout (docs/chaos.md "Findings"); restarting it
     * early would starve the rest of the run of events to deliver.
     */
    private List<Fault> schedule(int servers) {
        long phase = options.chaosPhase().toMillis();
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < options.botKills(); i++) {
            faults.add(new Fault(Duration.ofMillis((long) (phase * (0.05 + 0.85 * random.nextDouble()))), -1));
        }
        for (int i = 0; i < servers; i++) {
            faults.add(new Fault(Duration.ofMillis((long) (phase * (0.55 + 0.15 * i))), i));
        }
        faults.sort((a, b) -> a.at().compareTo(b.at()));
        return faults;
    }

    private Child server(String name, int port, DatabaseConfig db, int sandboxPort) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put(
                "DATA_DIR",
                Files.createDirectories(options.workDir().resolve(name))
                        .toAbsolutePath()
                        .toString());
        env.put("API_SECRET_KEY", apiSecret);
        env.put("KEY_ENCRYPTION_KEY", keyEncryptionKey);
        env.put("DATABASE_URL", db.url());
        env.put("DATABASE_USER", db.username());
        env.put("DATABASE_PASSWORD", db.password());
        env.put("SYNC_INTERVAL", String.valueOf(options.syncInterval().toSeconds()));
        env.put("WB_API_BASE_URL", "http://127.0.0.1:" + sandboxPort);
        // the sandbox runs with relaxed limits: spacing requests like real WB would only slow the run down
        env.put("WB_API_INTERVAL", "100");
        env.put("WB_API_RATE_LIMIT", "600");
        return child(name, "ru.wbassist.server.Main", List.of(), env);
    }

    private void startServer(Child server, String url) throws InterruptedException {
        server.start();
        http.awaitUp(url + "/observe/health", START_TIMEOUT, server);
    }

    /**
     * Creates the sellers in the sandbox and connects each as a cabinet shared by its users, alternating the servers.
     * The key check talks to the faulty sandbox, so a 5xx answer is retried.
     */
    private List<String> connectCabinets(Ports ports) throws IOException, InterruptedException {
        Map<String, String> auth = Map.of("X-API-SECRET-KEY", apiSecret);
        List<String> sellerIds = new ArrayList<>();
        for (int i = 0; i < options.cabinets(); i++) {
            step("connecting cabinet " + (i + 1) + "/" + options.cabinets());
            Http.Reply seller = http.post(
                    "http://127.0.0.1:" + ports.sandbox() + "/sandbox/sellers",
                    Map.of(),
                    Map.of("name", "Chaos shop " + (i + 1)));
            require(seller, 201, "creating a sandbox seller");
            String token = seller.body().path("token").asText();
            sellerIds.add(seller.body().path("sid").asText());
            for (int u = 0; u < options.usersPerCabinet(); u++) {
                long telegramId = FIRST_TELEGRAM_ID + i * 100L + u;
                String server = ports.server((i + u) % 2);
                require(
                        http.post(
                                server + "/users/",
                                auth,
                                Map.of(
                                        "telegram_id",
                                        telegramId,
                                        "username",
                                        "chaos" + telegramId,
                                        "first_name",
                                        "Chaos " + telegramId)),
                        201,
                        "registering a user");
                Http.Reply cabinet = null;
                for (int attempt = 0; attempt < 30 && (cabinet == null || cabinet.status() >= 500); attempt++) {
                    cabinet = http.post(
                            server + "/wb/cabinets/",
                            auth,
                            Map.of("user_id", telegramId, "api_key", token, "name", "Chaos shop " + (i + 1)));
                }
                require(cabinet, u == 0 ? 201 : 200, "connecting a cabinet");
            }
        }
        return sellerIds;
    }

    /** Waits until no deliverable row is pending and the emulator has seen nothing new for a few seconds. */
    private void drain(DatabaseConfig db, Ports ports) throws InterruptedException, IOException, SQLException {
        Instant deadline = Instant.now().plus(options.drainTimeout());
        long lastSent = -1;
        int quietPolls = 0;
        while (Instant.now().isBefore(deadline) && quietPolls < 3) {
            Thread.sleep(2000);
            long pending;
            try (Connection c = connect(db)) {
                pending = DeliveryLedger.pending(c);
            }
            long sent = http.get("http://127.0.0.1:" + ports.telegram() + "/emulator/stats", Map.of())
                    .body()
                    .path("sent")
                    .asLong();
            quietPolls = pending == 0 && sent == lastSent ? quietPolls + 1 : 0;
            lastSent = sent;
            step("draining: " + pending + " pending, " + sent + " sent at the emulator");
        }
    }

    private Child child(String name, String mainClass, List<String> args, Map<String, String> env) {
        Child child = new Child(name, mainClass, args, env, options.workDir().resolve(name + ".log"));
        children.add(child);
        return child;
    }

    private static void require(Http.Reply reply, int status, String what) {
        if (reply == null || reply.status() != status) {
            throw new IllegalStateException(
                    what + " answered " + (reply == null ? "nothing" : reply.status() + " " + reply.body()));
        }
    }

    private static Connection connect(DatabaseConfig db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void step(String what) {
        progress.println("[chaos " + Instant.now() + "] " + what);
    }
}
