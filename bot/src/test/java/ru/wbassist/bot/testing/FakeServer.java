package ru.wbassist.bot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import ru.wbassist.api.ApiJson;
import ru.wbassist.bot.server.Dto;
import ru.wbassist.bot.server.HttpServerClient;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory stand-in for the server's HTTP API with the documented semantics that matter to the bot: users,
 * cabinets, partial settings updates, and the notification queue with leases (claimed items come back when their lease
 * runs out unless acked) and acks (non-permanent failures return to the queue).
 */
public final class FakeServer implements ServerClient {

    public static final String BAD_KEY = "bad-key";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 9, 30, 0, 0, ZoneOffset.ofHours(3));

    /** A queued notification and what happened to it. */
    public static final class Item {
        public final Dto.Notification notification;
        public String status = "pending";
        public long leasedUntil;
        public int attempts;
        public String lastError;
        public int deliveredAcks;

        Item(Dto.Notification notification) {
            this.notification = notification;
        }
    }

    private final ObjectMapper json = ApiJson.clientMapper();
    private final Map<Long, Dto.User> users = new ConcurrentHashMap<>();
    private final Map<Long, List<Dto.Cabinet>> cabinets = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> settings = new ConcurrentHashMap<>();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final Map<Long, Item> items = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile boolean down;

    // ---- test controls

    /** Queues a notification like the server's event detection would; "{id}" in the text becomes its id. */
    public Dto.Notification queue(long telegramId, String text, String imageUrl) {
        lock.lock();
        try {
            long id = nextId.getAndIncrement();
            Dto.Notification notification = new Dto.Notification(id, telegramId, 5L, "new_order",
                    text.replace("{id}", Long.toString(id)), imageUrl, NOW, 0, 1);
            items.put(id, new Item(notification));
            added.signalAll();
            return notification;
        } finally {
            lock.unlock();
        }
    }

    public Item item(long id) {
        lock.lock();
        try {
            return items.get(id);
        } finally {
            lock.unlock();
        }
    }

    public long count(String status) {
        lock.lock();
        try {
            return items.values().stream().filter(item -> item.status.equals(status)).count();
        } finally {
            lock.unlock();
        }
    }

    public boolean isBlocked(long telegramId) {
        return blocked.contains(telegramId);
    }

    /** Makes every call fail as if the server were unreachable. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Method names called, in order (e.g. "updateSettings {new_orders_enabled=false}"). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Map<String, Object> storedSettings(long telegramId) {
        return new HashMap<>(settings.computeIfAbsent(telegramId, id -> defaults()));
    }

    public void addCabinet(long telegramId, String name) {
        cabinets.computeIfAbsent(telegramId, id -> new ArrayList<>()).add(cabinet(name));
    }

    // ---- users and cabinets

    @Override
    public Dto.User register(Dto.Registration r) {
        call("register");
        blocked.remove(r.telegramId());
        Dto.User user = new Dto.User(r.telegramId(), r.username(), r.firstName(), r.lastName(), r.language(), false);
        users.put(r.telegramId(), user);
        settings.computeIfAbsent(r.telegramId(), id -> defaults()).put("language", r.language());
        return user;
    }

    @Override
    public Dto.User user(long telegramId) {
        call("user");
        return users.get(telegramId);
    }

    @Override
    public void markBlocked(long telegramId) {
        call("markBlocked " + telegramId);
        blocked.add(telegramId);
        lock.lock();
        try {
            items.values().stream().filter(i -> i.notification.telegramId() == telegramId && "pending".equals(i.status))
                    .forEach(i -> i.status = "skipped");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Dto.CabinetConnection connectCabinet(long telegramId, String apiKey, String name) {
        call("connectCabinet");
        if (BAD_KEY.equals(apiKey)) {
            throw new ServerException(400, "bad_request", "WB rejected the key: 401 Unauthorized");
        }
        Dto.Cabinet cabinet = cabinet(name == null ? "Магазин <Лето> & Ко" : name);
        cabinets.computeIfAbsent(telegramId, id -> new ArrayList<>()).add(cabinet);
        return new Dto.CabinetConnection(cabinet, false);
    }

    @Override
    public List<Dto.Cabinet> cabinets(long telegramId) {
        call("cabinets");
        return List.copyOf(cabinets.getOrDefault(telegramId, List.of()));
    }

    @Override
    public void leaveCabinet(long telegramId, long cabinetId) {
        call("leaveCabinet " + cabinetId);
        cabinets.getOrDefault(telegramId, new ArrayList<>()).removeIf(c -> c.id() == cabinetId);
    }

    // ---- settings

    @Override
    public Dto.Settings settings(long telegramId) {
        call("settings");
        return json.convertValue(settings.computeIfAbsent(telegramId, id -> defaults()), Dto.Settings.class);
    }

    @Override
    public Dto.Settings updateSettings(long telegramId, Map<String, Object> changes) {
        call("updateSettings " + new java.util.TreeMap<>(changes));
        Map<String, Object> stored = settings.computeIfAbsent(telegramId, id -> defaults());
        stored.putAll(changes);
        return json.convertValue(stored, Dto.Settings.class);
    }

    @Override
    public Dto.TestQueued sendTest(long telegramId, String type) {
        call("sendTest " + type);
        Dto.Notification queued = queue(telegramId, "🧪 <b>Тест</b>: " + type, null);
        return new Dto.TestQueued(queued.id(), type);
    }

    // ---- read API: one cabinet's worth of plausible data

    @Override
    public List<Dto.Dashboard> dashboard(long telegramId) {
        call("dashboard");
        return perCabinet(telegramId, c -> new Dto.Dashboard(c.id(), c.name(), NOW, money(12, "15470.50"),
                money(9, "11200"), money(4, "5200"), money(1, "990"), money(2, "1800"), 3, 1, 4.62, 2));
    }

    @Override
    public List<Dto.Orders> orders(long telegramId, String status, int limit, int offset) {
        call("orders " + status + " " + limit + " " + offset);
        int total = 12;
        return perCabinet(telegramId, c -> {
            List<Dto.Order> page = new ArrayList<>();
            for (int i = offset; i < Math.min(total, offset + limit); i++) {
                page.add(new Dto.Order("srid-" + i, 1000 + i, "Платье <летнее> №" + (i + 1), null, "ART-" + i, "M",
                        new BigDecimal("2500"), new BigDecimal("1990"), "Коледино", "Москва",
                        status == null ? "active" : status, NOW.minusHours(i), null));
            }
            return new Dto.Orders(c.id(), c.name(), total, page);
        });
    }

    @Override
    public List<Dto.Stocks> criticalStocks(long telegramId) {
        call("criticalStocks");
        return perCabinet(telegramId, c -> new Dto.Stocks(c.id(), c.name(), 5, List.of(new Dto.StockProduct(42,
                "Футболка & шорты", "TS-1", null, 3, List.of(new Dto.WarehouseStock("Коледино", 3, 1, 0)), 14, 1.5))));
    }

    @Override
    public List<Dto.Reviews> reviews(long telegramId) {
        call("reviews");
        return perCabinet(telegramId, c -> new Dto.Reviews(c.id(), c.name(), 120, 4.62,
                Map.of("1", 3, "2", 2, "3", 5, "4", 20, "5", 90), 4, List.of(new Dto.Review("r1", 42,
                "Футболка", 1, "Пришло <не то>, размер мал", null, null, "Анна", NOW, false))));
    }

    @Override
    public List<Dto.Analytics> analytics(long telegramId, String period) {
        call("analytics " + period);
        int days = switch (period) {
            case "1d" -> 1;
            case "30d" -> 30;
            case "90d" -> 90;
            default -> 7;
        };
        return perCabinet(telegramId, c -> {
            List<Dto.Day> series = new ArrayList<>();
            for (int i = days - 1; i >= 0; i--) {
                series.add(new Dto.Day(LocalDate.of(2026, 11, 27).minusDays(i), money(10 + i % 5, "12000"),
                        money(6 + i % 3, "7000"), money(1, "900"), money(1, "1000")));
            }
            return new Dto.Analytics(c.id(), c.name(), period, series, new Dto.Totals(money(days * 12, "150000"),
                    money(days * 7, "90000"), money(days, "9000"), money(days, "10000")), 0.78,
                    List.of(new Dto.TopProduct(42, "Футболка", 30, new BigDecimal("45000"))));
        });
    }

    @Override
    public List<Dto.SyncStarted> startSync(long telegramId) {
        call("startSync");
        return perCabinet(telegramId, c -> new Dto.SyncStarted(c.id(), "started"));
    }

    @Override
    public List<Dto.SyncStatus> syncStatus(long telegramId) {
        call("syncStatus");
        return perCabinet(telegramId, c -> new Dto.SyncStatus(c.id(), c.name(), true, NOW.plusMinutes(10), List.of(
                new Dto.DataSetStatus("orders", "success", NOW, NOW, 120, null),
                new Dto.DataSetStatus("feedbacks", "running", NOW, null, null, null))));
    }

    // ---- delivery

    @Override
    public List<Dto.Notification> pending(int limit, Duration wait, Duration lease) {
        call("pending");
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                List<Dto.Notification> leased = new ArrayList<>();
                for (Item item : items.values()) {
                    boolean free = "pending".equals(item.status)
                            || ("leased".equals(item.status) && item.leasedUntil <= now);
                    if (free && !blocked.contains(item.notification.telegramId()) && leased.size() < limit) {
                        item.status = "leased";
                        item.leasedUntil = now + lease.toNanos();
                        leased.add(item.notification);
                    }
                }
                if (!leased.isEmpty() || now >= deadline) {
                    return leased;
                }
                // also wake up for leases that run out while waiting
                added.await(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, "interrupted", "interrupted");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void ack(Dto.Ack ack) {
        call("ack");
        lock.lock();
        try {
            for (Dto.Delivered delivered : ack.delivered()) {
                Item item = items.get(delivered.id());
                item.status = "delivered";
                item.deliveredAcks++;
            }
            for (Dto.Failed failed : ack.failed()) {
                Item item = items.get(failed.id());
                item.attempts++;
                item.lastError = failed.error();
                item.status = failed.permanent() || item.attempts >= 5 ? "failed" : "pending";
            }
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers

    private void call(String name) {
        if (down) {
            throw new ServerException(0, "unavailable", "server unreachable: ConnectException");
        }
        calls.add(name);
    }

    private <T> List<T> perCabinet(long telegramId, java.util.function.Function<Dto.Cabinet, T> block) {
        return cabinets.getOrDefault(telegramId, List.of()).stream().map(block).toList();
    }

    private static Dto.CountSum money(int count, String sum) {
        return new Dto.CountSum(count, new BigDecimal(sum));
    }

    private final AtomicInteger cabinetIds = new AtomicInteger(5);

    private Dto.Cabinet cabinet(String name) {
        return new Dto.Cabinet(cabinetIds.getAndIncrement(), name, "owner", true, true, null, NOW, "success");
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("notifications_enabled", true);
        defaults.put("new_orders_enabled", true);
        defaults.put("order_buyouts_enabled", true);
        defaults.put("order_cancellations_enabled", true);
        defaults.put("order_returns_enabled", true);
        defaults.put("negative_reviews_enabled", true);
        defaults.put("critical_stocks_enabled", true);
        defaults.put("grouping_enabled", false);
        defaults.put("max_group_size", 5);
        defaults.put("group_timeout", 300);
        defaults.put("negative_review_threshold", 3);
        defaults.put("critical_stock_threshold", 5);
        defaults.put("quiet_hours_start", null);
        defaults.put("quiet_hours_end", null);
        defaults.put("language", "ru");
        return defaults;
    }
}
