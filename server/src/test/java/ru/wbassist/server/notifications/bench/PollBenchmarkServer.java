package ru.wbassist.server.notifications.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;

/**
 * The server side of the poll benchmark (docs/benchmarks.md "Poll API"): the real server on a fresh H2 or
 * PostgreSQL database with {@code benchmark.users} users (Telegram ids 1..n) sharing one cabinet. Every user has
 * {@code benchmark.history} notifications sent a day ago; {@code benchmark.active-percent} % of them (every
 * (100 / percent)-th id) also have {@code benchmark.items} pending ones, new just now. Writes
 * {@code <base url> <secret> <users> <last_check>} to the file named by {@code benchmark.ready-file} and serves until
 * killed. {@link PollLoadGenerator} is the client.
 */
public final class PollBenchmarkServer {

    private PollBenchmarkServer() {}

    public static void main(String[] args) throws Exception {
        DatabaseConfig.Vendor vendor = DatabaseConfig.Vendor.valueOf(System.getProperty("benchmark.vendor", "H2"));
        int users = Integer.getInteger("benchmark.users", 1000);
        int items = Integer.getInteger("benchmark.items", 5);
        int history = Integer.getInteger("benchmark.history", 0);
        int activePercent = Integer.getInteger("benchmark.active-percent", 100);
        Path ready = Path.of(System.getProperty("benchmark.ready-file", "poll-benchmark.ready"));
        TestServer server = TestServer.start(vendor);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Instant seededAt = Instant.now().minusSeconds(1);
        server.db().inTransaction(c -> {
            long cabinet = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)",
                    "Bench shop",
                    "x",
                    "bench");
            try (PreparedStatement user =
                    c.prepareStatement("INSERT INTO users (telegram_id, username) VALUES (?,?)")) {
                for (long t = 1; t <= users; t++) {
                    Sql.bind(user, t, "user" + t);
                    user.addBatch();
                }
                user.executeBatch();
            }
            Sql.update(
                    c,
                    "INSERT INTO cabinet_users (cabinet_id, user_id, role) SELECT ?, id, 'member' FROM users",
                    cabinet);
            String text = "🛒 <b>Новый заказ</b>\n<b>Футболка оверсайз хлопок</b>\nАртикул: <code>TSH-1</code> · WB 1\n"
                    + "Цена: <b>1 494 ₽</b> (без скидки 2 490 ₽, −40%)\n🏬 Коледино → Московская\n🕒 27.11.2026 10:05 МСК";
            try (PreparedStatement n = c.prepareStatement("INSERT INTO notification_history (user_id, cabinet_id,"
                    + " event_type, external_id, text, image_url, created_at, deliver_after, status, sent_at)"
                    + " SELECT id, ?, 'new_order', ?, ?, ?, ?, ?, ?, ? FROM users WHERE MOD(telegram_id, ?) = 0")) {
                Instant dayAgo = seededAt.minus(Duration.ofDays(1));
                for (int i = 0; i < history; i++) {
                    Sql.bind(
                            n,
                            cabinet,
                            "sent-" + i,
                            text,
                            "https://img.example/1.webp",
                            dayAgo,
                            dayAgo,
                            "sent",
                            dayAgo,
                            1);
                    n.addBatch();
                }
                for (int i = 0; i < items; i++) {
                    Sql.bind(
                            n,
                            cabinet,
                            "bench-" + i,
                            text,
                            "https://img.example/1.webp",
                            seededAt,
                            seededAt,
                            "pending",
                            null,
                            100 / activePercent);
                    n.addBatch();
                }
                n.executeBatch();
            }
            return null;
        });
        // The read-only polls ask for what came after a second before the seeding (PostgreSQL keeps microseconds).
        Files.writeString(
                ready, server.baseUrl() + " " + TestServer.SECRET + " " + users + " " + seededAt.minusSeconds(1));
        System.out.printf(
                "poll benchmark server on %s (%s), %,d users × %d sent a day ago; %d %% of them × %d pending%n",
                server.baseUrl(), vendor, users, history, activePercent, items);
        new CountDownLatch(1).await();
    }
}
