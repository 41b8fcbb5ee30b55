package ru.wbassist.bot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import ru.wbassist.api.Answers;
import ru.wbassist.api.ApiJson;
import ru.wbassist.api.Cabinets;
import ru.wbassist.api.Insights;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Notifications.ProductMute;
import ru.wbassist.api.Syncs;
import ru.wbassist.api.Users;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;

/**
 * An in-memory stand-in for the server's HTTP API with the documented semantics that matter to the bot: users,
 * cabinets, partial settings updates, and the notification queue with leases (claimed items come back when their lease
 * runs out unless acked) and acks (non-permanent failures return to the queue).
 */
public final class FakeServer implements ServerClient {

    public static final String BAD_KEY = "bad-key";
    /** When set, {@link #sendTest} answers like the server whose hourly cap is reached. */
    public volatile boolean testLimitReached;
    /** A key the server answers with {@code key_replaced}: a new key of a seller already connected. */
    public static final String NEW_KEY_OF_CONNECTED_SELLER = "new-key-of-connected-seller";

    private static final Instant NOW = Instant.parse("2026-11-27T06:30:00Z");

    /** A queued notification and what happened to it. */
    public static final class Item {
        public final Notifications.Item notification;
        public String status = "pending";
        public long leasedUntil;
        public int attempts;
        public String lastError;
        public int deliveredAcks;

        Item(Notifications.Item notification) {
            this.notification = notification;
        }
    }

    private final ObjectMapper json = ApiJson.clientMapper();
    private final Map<Long, Users.User> users = new ConcurrentHashMap<>();
    private final Map<Long, List<Cabinets.Cabinet>> cabinets = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> settings = new ConcurrentHashMap<>();
    private final Map<Long, List<ProductMute>> mutes = new ConcurrentHashMap<>();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final java.util.Queue<ServerException> answerFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<String> answersAsked = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch answerHold;
    private final Set<Long> membersMayNotAnswer = ConcurrentHashMap.newKeySet();
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final Map<Long, Item> items = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile boolean down;
    private volatile ServerException failure;

    // ---- test controls

    /** Queues a notification like the server's event detection would; "{id}" in the text becomes its id. */
    public Notifications.Item queue(long telegramId, String text, String imageUrl) {
        return queue(telegramId, text, imageUrl, null);
    }

    /** Queues a notification with a chart for the bot to draw (the daily digest). */
    public Notifications.Item queue(long telegramId, String text, String imageUrl, Notifications.Chart chart) {
        return queue("new_order", telegramId, text, imageUrl, chart, null);
    }

    /** Queues a stock alert about a product of cabinet 5 (it carries the mute button). */
    public Notifications.Item queueStockAlert(long telegramId, String text, long nmId) {
        return queue("stock_runway", telegramId, text, null, null, nmId);
    }

    private Notifications.Item queue(
            String type, long telegramId, String text, String imageUrl, Notifications.Chart chart, Long nmId) {
        lock.lock();
        try {
            long id = nextId.getAndIncrement();
            Notifications.Item notification = new Notifications.Item(
                    id,
                    telegramId,
                    5L,
                    type,
                    text.replace("{id}", Long.toString(id)),
                    imageUrl,
                    NOW,
                    0,
                    1,
                    chart,
                    nmId,
                    null,
                    "ru");
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
            return items.values().stream()
                    .filter(item -> item.status.equals(status))
                    .count();
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

    /** Every call fails with {@code e} (null: none does). */
    public void failWith(ServerException e) {
        this.failure = e;
    }

    /** Method names called, in order (e.g. "updateSettings {new_orders_enabled=false}"). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public Map<String, Object> storedSettings(long telegramId) {
        return new HashMap<>(settings.computeIfAbsent(telegramId, id -> defaults()));
    }

    public void addCabinet(long telegramId, String name) {
        addCabinet(telegramId, name, "owner");
    }

    /** Links the user to a new cabinet as its {@code owner} or a {@code member}. */
    public void addCabinet(long telegramId, String name, String role) {
        cabinets.computeIfAbsent(telegramId, id -> new ArrayList<>()).add(cabinet(name, role));
    }

    // ---- users and cabinets

    @Override
    public Users.User register(Users.Registration r) {
        call("register");
        blocked.remove(r.telegramId());
        Users.User user =
                new Users.User(r.telegramId(), r.username(), r.firstName(), r.lastName(), r.language(), NOW, false);
        users.put(r.telegramId(), user);
        settings.computeIfAbsent(r.telegramId(), id -> defaults()).put("language", r.language());
        return user;
    }

    @Override
    public Users.User user(long telegramId) {
        call("user");
        return users.get(telegramId);
    }

    @Override
    public void markBlocked(long telegramId) {
        call("markBlocked " + telegramId);
        blocked.add(telegramId);
        lock.lock();
        try {
            items.values().stream()
                    .filter(i -> i.notification.telegramId() == telegramId && "pending".equals(i.status))
                    .forEach(i -> i.status = "skipped");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cabinets.Connected connectCabinet(long telegramId, String apiKey, String name) {
        call("connectCabinet");
        if (BAD_KEY.equals(apiKey)) {
            throw new ServerException(400, "bad_request", "WB rejected the key: 401 Unauthorized");
        }
        Cabinets.Cabinet cabinet = cabinet(name == null ? "Магазин <Лето> & Ко" : name, "owner");
        if (NEW_KEY_OF_CONNECTED_SELLER.equals(apiKey)) {
            return new Cabinets.Connected(cabinet, false, true);
        }
        cabinets.computeIfAbsent(telegramId, id -> new ArrayList<>()).add(cabinet);
        return new Cabinets.Connected(cabinet, false, false);
    }

    @Override
    public List<Cabinets.Cabinet> cabinets(long telegramId) {
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
    public Notifications.Settings settings(long telegramId) {
        call("settings");
        return json.convertValue(settings.computeIfAbsent(telegramId, id -> defaults()), Notifications.Settings.class);
    }

    @Override
    public Notifications.Settings updateSettings(long telegramId, Map<String, Object> changes) {
        call("updateSettings " + new java.util.TreeMap<>(changes));
        Map<String, Object> stored = settings.computeIfAbsent(telegramId, id -> defaults());
        stored.putAll(changes);
        return json.convertValue(stored, Notifications.Settings.class);
    }

    @Override
    public List<ProductMute> mutes(long telegramId) {
        call("mutes");
        return List.copyOf(mutes.getOrDefault(telegramId, List.of()));
    }

    @Override
    public void mute(long telegramId, long cabinetId, long nmId) {
        call("mute " + cabinetId + ":" + nmId);
        List<ProductMute> list = mutes.computeIfAbsent(telegramId, id -> new CopyOnWriteArrayList<>());
        if (list.stream().noneMatch(m -> m.cabinetId() == cabinetId && m.nmId() == nmId)) {
            list.add(new ProductMute(cabinetId, "Shop", nmId, "Товар " + nmId));
        }
    }

    @Override
    public void unmute(long telegramId, long cabinetId, long nmId) {
        call("unmute " + cabinetId + ":" + nmId);
        if (!mutes.getOrDefault(telegramId, List.of()).removeIf(m -> m.cabinetId() == cabinetId && m.nmId() == nmId)) {
            throw new ServerException(404, "not_found", "the product is not muted");
        }
    }

    @Override
    public Notifications.TestQueued sendTest(long telegramId, String type) {
        call("sendTest " + type);
        if (testLimitReached) {
            throw new ServerException(429, "too_many_requests", "at most 20 test notifications per user and hour");
        }
        Notifications.Item queued = queue(telegramId, "🧪 <b>Тест</b>: " + type, null);
        return new Notifications.TestQueued(queued.id(), type);
    }

    // ---- read API: one cabinet's worth of plausible data

    @Override
    public List<Insights.Dashboard> dashboard(long telegramId) {
        call("dashboard");
        return perCabinet(
                telegramId,
                c -> new Insights.Dashboard(
                        c.id(),
                        c.name(),
                        NOW,
                        money(12, "15470.50"),
                        money(9, "11200"),
                        money(4, "5200"),
                        money(1, "990"),
                        money(2, "1800"),
                        3,
                        1,
                        new BigDecimal("4.62"),
                        2,
                        1));
    }

    @Override
    public List<Insights.Orders> orders(long telegramId, String status, int limit, int offset) {
        call("orders " + status + " " + limit + " " + offset);
        int total = 12;
        return perCabinet(telegramId, c -> {
            List<Insights.OrderLine> page = new ArrayList<>();
            for (int i = offset; i < Math.min(total, offset + limit); i++) {
                page.add(new Insights.OrderLine(
                        "srid-" + i,
                        1000 + i,
                        "Платье <летнее> №" + (i + 1),
                        null,
                        "ART-" + i,
                        "M",
                        new BigDecimal("2500"),
                        new BigDecimal("1990"),
                        "Коледино",
                        "Москва",
                        status == null ? "active" : status,
                        NOW.minus(Duration.ofHours(i)),
                        null));
            }
            return new Insights.Orders(c.id(), c.name(), total, page);
        });
    }

    @Override
    public List<Insights.Stocks> criticalStocks(long telegramId) {
        call("criticalStocks");
        return perCabinet(
                telegramId,
                c -> new Insights.Stocks(
                        c.id(),
                        c.name(),
                        5,
                        List.of(new Insights.CriticalProduct(
                                42,
                                "Футболка & шорты",
                                "TS-1",
                                null,
                                3,
                                List.of(new Insights.Warehouse("Коледино", 3, 1, 0)),
                                14,
                                new BigDecimal("1.5")))));
    }

    @Override
    public List<Insights.Reviews> reviews(long telegramId) {
        call("reviews");
        return perCabinet(
                telegramId,
                c -> new Insights.Reviews(
                        c.id(),
                        c.name(),
                        120,
                        new BigDecimal("4.62"),
                        Map.of("1", 3L, "2", 2L, "3", 5L, "4", 20L, "5", 90L),
                        4,
                        List.of(new Insights.Review(
                                "r1",
                                42,
                                "Футболка",
                                1,
                                "Пришло <не то>, размер мал",
                                null,
                                null,
                                "Анна",
                                NOW,
                                false))));
    }

    @Override
    public List<Answers.Unanswered> unanswered(long telegramId, String kind) {
        call("unanswered " + kind);
        return perCabinet(
                telegramId,
                c -> new Answers.Unanswered(
                        c.id(),
                        c.name(),
                        true,
                        null,
                        1,
                        List.of(new Answers.ReplyItem(
                                kind.equals("reviews") ? "review" : "question",
                                "item-1",
                                42,
                                "Футболка",
                                null,
                                kind.equals("reviews") ? 1 : null,
                                "Пришло <не то>",
                                NOW,
                                false))));
    }

    /** Items "item-…" exist (an unanswered one-star review, or a question); any other id is a 404. */
    @Override
    public Answers.ReplyContext replyContext(long telegramId, long cabinetId, String kind, String itemId) {
        call("reply " + kind + " " + itemId);
        if (!itemId.startsWith("item-")) {
            throw new ServerException(404, "not_found", "no " + itemId);
        }
        boolean review = kind.equals("reviews");
        return new Answers.ReplyContext(
                review ? "review" : "question",
                itemId,
                cabinetId,
                "Магазин",
                new Answers.ReplyItem(
                        review ? "review" : "question",
                        itemId,
                        42,
                        "Футболка <оверсайз>",
                        review ? "Анна" : null,
                        review ? 1 : null,
                        "Пришло <не то>",
                        NOW,
                        false),
                true,
                null,
                List.of(new Answers.FilledTemplate(1, "Спасибо, {buyer}!", review ? "Спасибо, Анна!" : "Спасибо!")));
    }

    /**
     * Answers the scripted failures first ({@link #failNextAnswers}), then accepts; every call is recorded in
     * {@link #answers()}. While {@link #holdAnswers} is set, a call waits for it to be released.
     */
    @Override
    public Answers.Answer answer(
            long telegramId, long cabinetId, String kind, String itemId, String text, String idempotencyKey) {
        call("answer " + kind + " " + itemId);
        answersAsked.add(itemId + "|" + text + "|" + idempotencyKey);
        CountDownLatch hold = answerHold;
        if (hold != null) {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ServerException next = answerFailures.poll();
        if (next != null) {
            throw next;
        }
        return new Answers.Answer(1, cabinetId, kind, itemId, text, "sent", telegramId, NOW, NOW, null);
    }

    /** The next answer calls fail with these, in order. */
    public void failNextAnswers(ServerException... failures) {
        answerFailures.addAll(List.of(failures));
    }

    /** Answer calls wait until the returned latch is counted down. */
    public CountDownLatch holdAnswers() {
        answerHold = new CountDownLatch(1);
        return answerHold;
    }

    /** Every answer call as "item|text|idempotency key", in order. */
    public List<String> answers() {
        return List.copyOf(answersAsked);
    }

    @Override
    public List<Answers.TemplateBlock> templates(long telegramId) {
        call("templates");
        return perCabinet(
                telegramId,
                c -> new Answers.TemplateBlock(
                        c.id(),
                        c.name(),
                        c.role(),
                        true,
                        null,
                        !membersMayNotAnswer.contains(c.id()),
                        List.of(
                                new Answers.Template(1, "Спасибо, {buyer}!", null),
                                new Answers.Template(3, "Есть в наличии.", "question"))));
    }

    @Override
    public Answers.Answering setMembersCanAnswer(long telegramId, long cabinetId, boolean membersCanAnswer) {
        call("members can answer " + cabinetId + " " + membersCanAnswer);
        boolean owner = cabinets.getOrDefault(telegramId, List.of()).stream()
                .anyMatch(c -> c.id() == cabinetId && c.role().equals("owner"));
        if (!owner) {
            throw new ServerException(403, "forbidden", "only the cabinet's owner decides whether members may answer");
        }
        if (membersCanAnswer) {
            membersMayNotAnswer.remove(cabinetId);
        } else {
            membersMayNotAnswer.add(cabinetId);
        }
        return new Answers.Answering(cabinetId, membersCanAnswer);
    }

    @Override
    public Answers.Template addTemplate(long telegramId, long cabinetId, String text) {
        call("add template");
        return new Answers.Template(2, text, null);
    }

    @Override
    public void deleteTemplate(long telegramId, long templateId) {
        call("delete template " + templateId);
    }

    @Override
    public List<Insights.Analytics> analytics(long telegramId, String period) {
        call("analytics " + period);
        int days = switch (period) {
            case "1d" -> 1;
            case "30d" -> 30;
            case "90d" -> 90;
            default -> 7;
        };
        return perCabinet(telegramId, c -> {
            List<Insights.DayFigures> series = new ArrayList<>();
            for (int i = days - 1; i >= 0; i--) {
                series.add(new Insights.DayFigures(
                        LocalDate.of(2026, 11, 27).minusDays(i),
                        money(10 + i % 5, "12000"),
                        money(6 + i % 3, "7000"),
                        money(1, "900"),
                        money(1, "1000")));
            }
            return new Insights.Analytics(
                    c.id(),
                    c.name(),
                    period,
                    series,
                    new Insights.Totals(
                            money(days * 12, "150000"),
                            money(days * 7, "90000"),
                            money(days, "9000"),
                            money(days, "10000")),
                    new BigDecimal("0.78"),
                    List.of(new Insights.TopProduct(42, "Футболка", 30, new BigDecimal("45000"))));
        });
    }

    @Override
    public List<Syncs.Started> startSync(long telegramId) {
        call("startSync");
        return perCabinet(telegramId, c -> new Syncs.Started(c.id(), "started"));
    }

    private volatile boolean syncPaused;
    private volatile Syncs.LiveOrders liveOrders =
            new Syncs.LiveOrders("off", "no_analytics", null, null, null, NOW.plus(Duration.ofHours(1)), null);

    /** From now on every cabinet's live order source reads as {@code live}. */
    public void setLiveOrders(Syncs.LiveOrders live) {
        liveOrders = live;
    }

    /** From now on every cabinet's sync reads as paused by an operator. */
    public void pauseSync() {
        syncPaused = true;
    }

    @Override
    public List<Syncs.CabinetStatus> syncStatus(long telegramId) {
        call("syncStatus");
        boolean paused = syncPaused;
        return perCabinet(
                telegramId,
                c -> new Syncs.CabinetStatus(
                        c.id(),
                        c.name(),
                        !paused,
                        paused,
                        paused ? null : NOW.plus(Duration.ofMinutes(10)),
                        List.of(
                                new Syncs.DataSetRun("orders", "success", NOW, NOW, 120, null, null, null),
                                new Syncs.DataSetRun(
                                        "sales",
                                        "failed",
                                        NOW,
                                        NOW,
                                        0,
                                        "internal error: DataAccessException Table"
                                                + " \"wb_sales\" not found; SQL statement: INSERT INTO wb_sales",
                                        "internal",
                                        "0a1b2c3d4e5f"),
                                new Syncs.DataSetRun("feedbacks", "running", NOW, null, 0, null, null, null)),
                        liveOrders));
    }

    // ---- delivery

    @Override
    public List<Notifications.Item> pending(int limit, Duration wait, Duration lease) {
        call("pending");
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                List<Notifications.Item> leased = new ArrayList<>();
                for (Item item : items.values()) {
                    boolean free =
                            "pending".equals(item.status) || ("leased".equals(item.status) && item.leasedUntil <= now);
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
    public void ack(Notifications.Ack ack) {
        call("ack");
        lock.lock();
        try {
            for (Notifications.Delivered delivered : ack.delivered()) {
                Item item = items.get(delivered.id());
                item.status = "delivered";
                item.deliveredAcks++;
            }
            for (Notifications.Failed failed : ack.failed()) {
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
        if (failure != null) {
            throw failure;
        }
        calls.add(name);
    }

    private <T> List<T> perCabinet(long telegramId, java.util.function.Function<Cabinets.Cabinet, T> block) {
        return cabinets.getOrDefault(telegramId, List.of()).stream().map(block).toList();
    }

    private static Insights.Tally money(int count, String sum) {
        return new Insights.Tally(count, new BigDecimal(sum));
    }

    private final AtomicInteger cabinetIds = new AtomicInteger(5);

    private Cabinets.Cabinet cabinet(String name, String role) {
        return new Cabinets.Cabinet(
                cabinetIds.getAndIncrement(), name, role, NOW, true, null, true, null, NOW, "success");
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
        defaults.put("new_questions_enabled", true);
        defaults.put("grouping_enabled", false);
        defaults.put("max_group_size", 5);
        defaults.put("group_timeout", 300);
        defaults.put("negative_review_threshold", 3);
        defaults.put("critical_stock_threshold", 5);
        defaults.put("stock_runway_enabled", true);
        defaults.put("price_changes_enabled", true);
        defaults.put("runway_days", 7);
        defaults.put("digest_time", null);
        defaults.put("quiet_hours_start", null);
        defaults.put("quiet_hours_end", null);
        defaults.put("language", "ru");
        return defaults;
    }
}
