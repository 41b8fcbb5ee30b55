package ru.wbassist.console.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Admin.DayCount;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Syncs;
import ru.wbassist.console.common.MoscowTime;

/**
 * A data set for {@link InMemoryAdminApi}: what the admin API would answer about a small, busy installation.
 * {@link #generate} builds the demo one (seeded, so screenshots are stable apart from the clock).
 */
public record DemoData(
        Instant now,
        List<Admin.UserRow> users,
        List<Admin.CabinetRow> cabinets,
        Map<Long, List<Admin.Member>> members,
        List<Admin.SyncLogEntry> syncLogs,
        List<Admin.NotificationEntry> notifications,
        List<DayCount> ordersPerDay,
        List<Admin.ItemToAnswer> itemsToAnswer,
        List<Admin.SentAnswer> answers) {

    public static final List<String> DATA_SETS = List.of("orders", "sales", "stocks", "reviews");

    public static DemoData generate(Instant now) {
        return new Generator(now).build();
    }

    private static final class Generator {
        private final Instant now;
        private final Instant nowMsk;
        private final Random random = new Random(20261127);
        private final List<Admin.UserRow> users = new ArrayList<>();
        private final List<Admin.CabinetRow> cabinets = new ArrayList<>();
        private final Map<Long, List<Admin.Member>> members = new LinkedHashMap<>();
        private final List<Admin.ItemToAnswer> items = new ArrayList<>();
        private final List<Admin.SentAnswer> answers = new ArrayList<>();

        Generator(Instant now) {
            this.now = now;
            this.nowMsk = now;
        }

        DemoData build() {
            Notifications.Settings defaults = settings(true, null, null, "ru");
            user(100001, "anna_shop", "Анна", "Смирнова", defaults, false);
            user(100002, "boris_wb", "Boris", "Klein", settings(true, null, null, "en"), false);
            user(100003, null, "Мария", "Иванова", settings(true, "23:00", "08:00", "ru"), false);
            user(100004, "dmitry_k", "Дмитрий", "Ковалёв", defaults, true);
            user(100005, "elena_seller", "Елена", "Орлова", settings(false, null, null, "ru"), false);
            user(100006, "oleg_new", "Олег", null, defaults, false);

            cabinet(1, "Кроссовки и спорт", "success", null, true, 100001, 100002, 100004);
            cabinet(2, "Home & Deco", "success", null, true, 100002);
            cabinet(
                    3,
                    "Детская одежда",
                    "failed",
                    "WB API answered 401 Unauthorized: the key was revoked or has expired",
                    false,
                    100003,
                    100001);
            cabinet(
                    4,
                    "Косметика Натали",
                    "partial",
                    "stocks: 429 Too Many Requests, gave up after 3 attempts (X-Ratelimit-Retry: 61)",
                    true,
                    100005);
            cabinet(5, "Новый магазин", null, null, true, 100006);
            itemsToAnswer();
            return new DemoData(
                    now,
                    List.copyOf(users),
                    List.copyOf(cabinets),
                    Map.copyOf(members),
                    syncLogs(),
                    notifications(),
                    ordersPerDay(),
                    List.copyOf(items),
                    List.copyOf(answers));
        }

        private static Notifications.Settings settings(
                boolean newOrders, String quietStart, String quietEnd, String language) {
            return new Notifications.Settings(
                    true,
                    newOrders,
                    true,
                    true,
                    true,
                    true,
                    true,
                    true,
                    true,
                    true,
                    false,
                    5,
                    300,
                    3,
                    5,
                    7,
                    quietStart,
                    quietEnd,
                    "09:00",
                    language);
        }

        private void user(
                long telegramId,
                String username,
                String firstName,
                String lastName,
                Notifications.Settings settings,
                boolean blocked) {
            users.add(new Admin.UserRow(
                    telegramId,
                    username,
                    firstName,
                    lastName,
                    nowMsk.minus(Duration.ofDays(40 - users.size() * 5L)),
                    blocked,
                    List.of(),
                    settings));
        }

        private void cabinet(long id, String name, String status, String error, boolean keyValid, long... telegramIds) {
            Instant lastSync = status == null ? null : nowMsk.minus(Duration.ofMinutes(2 + id));
            cabinets.add(new Admin.CabinetRow(
                    id,
                    name,
                    true,
                    nowMsk.minus(Duration.ofDays(30 - id * 4)),
                    telegramIds.length,
                    lastSync,
                    status,
                    error,
                    keyValid,
                    false,
                    null,
                    liveOrders(id)));
            List<Admin.Member> cabinetUsers = new ArrayList<>();
            for (int i = 0; i < telegramIds.length; i++) {
                long telegramId = telegramIds[i];
                String role = i == 0 ? "owner" : "member";
                Admin.UserRow user = users.stream()
                        .filter(u -> u.telegramId() == telegramId)
                        .findFirst()
                        .orElseThrow();
                cabinetUsers.add(new Admin.Member(
                        telegramId,
                        user.username(),
                        user.firstName(),
                        role,
                        nowMsk.minus(Duration.ofDays(30 - id * 4 - i))));
                List<Admin.CabinetLink> joined = new ArrayList<>(user.cabinets());
                joined.add(new Admin.CabinetLink(id, name, role));
                users.set(
                        users.indexOf(user),
                        new Admin.UserRow(
                                user.telegramId(),
                                user.username(),
                                user.firstName(),
                                user.lastName(),
                                user.createdAt(),
                                user.botBlocked(),
                                joined,
                                user.settings()));
            }
            members.put(id, List.copyOf(cabinetUsers));
        }

        /**
         * The live order source: cabinets 1 and 2 polled every minute, 3's key was rejected, 4 has a Base token (a
         * poll per 3 hours), 5 was not polled yet.
         */
        private Syncs.LiveOrders liveOrders(long cabinetId) {
            return switch ((int) cabinetId) {
                case 1, 2 ->
                    new Syncs.LiveOrders(
                            "on",
                            null,
                            nowMsk.minusSeconds(25 + cabinetId * 15),
                            "success",
                            null,
                            nowMsk.plusSeconds(35 - cabinetId * 15),
                            25 + cabinetId * 15);
                case 3 -> new Syncs.LiveOrders("off", "key_rejected", null, null, null, null, null);
                case 4 ->
                    new Syncs.LiveOrders(
                            "slowed",
                            "base_token",
                            nowMsk.minus(Duration.ofMinutes(20)),
                            "success",
                            null,
                            nowMsk.plus(Duration.ofMinutes(160)),
                            20 * 60L);
                default -> new Syncs.LiveOrders("pending", null, null, null, null, null, null);
            };
        }

        /**
         * Reviews and questions of cabinets 1, 2 and 4 over two weeks: older ones answered (on WB's site or from
         * WB Assist by a user of the cabinet), recent ones waiting; one answer WB refused, one that did not get through.
         */
        private void itemsToAnswer() {
            List<String> reviews = List.of(
                    "Маломерит, подошва отклеилась через неделю.",
                    "Отличное качество, размер в размер!",
                    "Цвет не как на фото, но в целом неплохо.",
                    "Пришло с браком, шов разошёлся.",
                    "Всё понравилось, быстрая доставка.");
            List<String> questions = List.of(
                    "Подскажите, на какой рост эта модель?",
                    "Будет ли поступление размера 42?",
                    "Можно ли стирать в машинке?",
                    "Есть ли сертификат соответствия?");
            List<String> replies = List.of(
                    "Спасибо за отзыв! Нам очень жаль, напишите нам — заменим товар.",
                    "Благодарим за высокую оценку!",
                    "Да, модель рассчитана на рост 170–185 см.",
                    "Поступление ожидается на следующей неделе.");
            int number = 0;
            for (int hoursAgo = 14 * 24; hoursAgo > 0; hoursAgo -= 5 + random.nextInt(14)) {
                number++;
                Admin.CabinetRow cabinet = cabinets.get(List.of(0, 0, 1, 3).get(random.nextInt(4)));
                SampleTexts.Product product = SampleTexts.PRODUCTS.get(random.nextInt(SampleTexts.PRODUCTS.size()));
                boolean review = random.nextInt(3) > 0;
                int rating = review ? 1 + random.nextInt(5) : 0;
                String text = review
                        ? reviews.get(random.nextInt(reviews.size()))
                        : questions.get(random.nextInt(questions.size()));
                Instant created = nowMsk.minus(Duration.ofHours(hoursAgo));
                String itemId = (review ? "fb-" : "q-") + (73000 + number);
                Admin.Member sender = members.get(cabinet.id()).getFirst();
                Admin.SentAnswer sent = null;
                if (hoursAgo > 48 && random.nextInt(3) > 0 || hoursAgo <= 48 && random.nextInt(4) == 0) {
                    String status = number % 9 == 4 ? "refused" : number % 11 == 6 ? "failed" : "sent";
                    String reply = status.equals("refused") ? "Ок" : replies.get(random.nextInt(replies.size()));
                    Instant at = created.plus(Duration.ofMinutes(20 + random.nextInt(300)));
                    sent = new Admin.SentAnswer(
                            answers.size() + 1,
                            cabinet.id(),
                            cabinet.name(),
                            review ? "review" : "question",
                            itemId,
                            product.title(),
                            text,
                            reply,
                            status,
                            switch (status) {
                                case "sent" -> review ? 204 : 200;
                                case "refused" -> 400;
                                default -> null;
                            },
                            switch (status) {
                                case "refused" -> "WB: the answer is too short (at least 2 words)";
                                case "failed" -> "WB did not answer in time; send again";
                                default -> null;
                            },
                            sender.telegramId(),
                            sender.username(),
                            sender.firstName(),
                            at,
                            at.plusSeconds(1));
                    answers.add(sent);
                }
                boolean answeredOnWb = sent == null && hoursAgo > 72 && random.nextBoolean();
                items.add(new Admin.ItemToAnswer(
                        cabinet.id(),
                        cabinet.name(),
                        review ? "review" : "question",
                        itemId,
                        product.nmId(),
                        product.title(),
                        review ? List.of("Ольга", "Иван", "Марина", "Сергей").get(random.nextInt(4)) : null,
                        review ? rating : null,
                        text,
                        created,
                        answeredOnWb || sent != null && sent.status().equals("sent"),
                        sent != null ? sent.text() : answeredOnWb && !review ? replies.getLast() : null,
                        sent == null ? null : sent.status(),
                        sent == null ? null : sent.telegramId(),
                        sent == null ? null : sent.createdAt()));
            }
        }

        /** A run of every data set of cabinets 1–4 every 30 minutes for two days; cabinet 3 fails since its key died. */
        private List<Admin.SyncLogEntry> syncLogs() {
            List<Admin.SyncLogEntry> logs = new ArrayList<>();
            long id = 1;
            for (int run = 96; run >= 0; run--) {
                Instant started = nowMsk.minus(Duration.ofMinutes(30L * run + 5));
                for (Admin.CabinetRow cabinet : cabinets.subList(0, 4)) {
                    for (String dataSet : DATA_SETS) {
                        String status = "success";
                        String error = null;
                        if (cabinet.id() == 3 && run < 10) {
                            status = "failed";
                            error = "WB API answered 401 Unauthorized: the key was revoked or has expired";
                        } else if (cabinet.id() == 4 && dataSet.equals("stocks") && run % 7 == 0) {
                            status = "partial";
                            error = "stocks: 429 Too Many Requests, gave up after 3 attempts (X-Ratelimit-Retry: 61)";
                        } else if (random.nextInt(60) == 0) {
                            status = "failed";
                            error = dataSet
                                    + ": connection reset by peer after 2 retries (statistics-api.wildberries.ru)";
                        }
                        boolean running = run == 0 && cabinet.id() == 1 && dataSet.equals("reviews");
                        int records = status.equals("failed") ? 0 : random.nextInt(dataSet.equals("stocks") ? 400 : 40);
                        logs.add(new Admin.SyncLogEntry(
                                id++,
                                cabinet.id(),
                                cabinet.name(),
                                dataSet,
                                running ? "running" : status,
                                started.plusSeconds(DATA_SETS.indexOf(dataSet) * 3L),
                                running
                                        ? null
                                        : started.plusSeconds(DATA_SETS.indexOf(dataSet) * 3L + 2 + random.nextInt(9)),
                                running ? 0 : records,
                                running ? null : error));
                    }
                }
            }
            return logs;
        }

        /** Two weeks of notifications (numbered at the end) for the users of cabinets 1–4, with the delivery outcomes each user's case gives. */
        private List<Admin.NotificationEntry> notifications() {
            List<String> eventTypes = List.of(
                    Notifications.Types.NEW_ORDER,
                    Notifications.Types.NEW_ORDER,
                    Notifications.Types.NEW_ORDER,
                    Notifications.Types.ORDER_BUYOUT,
                    Notifications.Types.ORDER_BUYOUT,
                    Notifications.Types.ORDER_CANCELLATION,
                    Notifications.Types.ORDER_RETURN,
                    Notifications.Types.NEGATIVE_REVIEW,
                    Notifications.Types.NEW_QUESTION,
                    Notifications.Types.CRITICAL_STOCK,
                    Notifications.Types.STOCK_RUNWAY,
                    Notifications.Types.PRICE_CHANGED);
            List<Admin.NotificationEntry> records = new ArrayList<>();
            for (int minutesAgo = 14 * 24 * 60; minutesAgo > 0; minutesAgo -= 25 + random.nextInt(60)) {
                Admin.CabinetRow cabinet = cabinets.get(random.nextInt(4));
                String type = eventTypes.get(random.nextInt(eventTypes.size()));
                SampleTexts.Product product = SampleTexts.PRODUCTS.get(random.nextInt(SampleTexts.PRODUCTS.size()));
                Instant created = nowMsk.minus(Duration.ofMinutes(minutesAgo));
                for (Admin.Member member : members.get(cabinet.id())) {
                    Admin.UserRow user = users.stream()
                            .filter(u -> u.telegramId() == member.telegramId())
                            .findFirst()
                            .orElseThrow();
                    records.add(outcome(user, cabinet, type, product, created, minutesAgo));
                }
            }
            Instant keyDied = nowMsk.minus(Duration.ofHours(5));
            records.add(new Admin.NotificationEntry(
                    0,
                    100003,
                    3L,
                    Notifications.Types.KEY_INVALID,
                    "sent",
                    null,
                    SampleTexts.render(
                            Notifications.Types.KEY_INVALID,
                            "ru",
                            "Детская одежда",
                            SampleTexts.PRODUCTS.getFirst(),
                            keyDied),
                    null,
                    keyDied,
                    keyDied.plusSeconds(1),
                    1,
                    null,
                    null,
                    null,
                    null));
            records.add(new Admin.NotificationEntry(
                    0,
                    100006,
                    5L,
                    Notifications.Types.KEY_EXPIRING,
                    "pending",
                    null,
                    SampleTexts.render(
                            Notifications.Types.KEY_EXPIRING,
                            "ru",
                            "Новый магазин",
                            SampleTexts.PRODUCTS.getFirst(),
                            nowMsk),
                    null,
                    nowMsk.minus(Duration.ofMinutes(1)),
                    null,
                    0,
                    null,
                    null,
                    null,
                    null));
            // Ids follow creation, as the server's identity column does.
            records.sort(Comparator.comparing(Admin.NotificationEntry::createdAt));
            List<Admin.NotificationEntry> numbered = new ArrayList<>();
            for (Admin.NotificationEntry r : records) {
                numbered.add(new Admin.NotificationEntry(
                        numbered.size() + 1,
                        r.telegramId(),
                        r.cabinetId(),
                        r.type(),
                        r.status(),
                        r.suppressedReason(),
                        r.text(),
                        r.imageUrl(),
                        r.createdAt(),
                        r.sentAt(),
                        r.attempts(),
                        r.lastError(),
                        null,
                        null,
                        null));
            }
            return numbered;
        }

        private Admin.NotificationEntry outcome(
                Admin.UserRow user,
                Admin.CabinetRow cabinet,
                String type,
                SampleTexts.Product product,
                Instant created,
                int minutesAgo) {
            String text = SampleTexts.render(type, user.settings().language(), cabinet.name(), product, created);
            String image = type.equals(Notifications.Types.NEW_ORDER)
                    ? "https://basket-12.wbbasket.ru/vol" + product.nmId() / 100000 + "/part" + product.nmId() / 1000
                            + "/" + product.nmId() + "/images/big/1.webp"
                    : null;
            if (user.botBlocked() && minutesAgo < 3 * 24 * 60) {
                return new Admin.NotificationEntry(
                        0,
                        user.telegramId(),
                        cabinet.id(),
                        type,
                        "skipped",
                        "bot_blocked",
                        text,
                        image,
                        created,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null);
            }
            if (!(user.settings().notificationsEnabled() && user.settings().wants(type))) {
                return new Admin.NotificationEntry(
                        0,
                        user.telegramId(),
                        cabinet.id(),
                        type,
                        "skipped",
                        "disabled_in_settings",
                        text,
                        image,
                        created,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null);
            }
            if (minutesAgo < 8) {
                return new Admin.NotificationEntry(
                        0,
                        user.telegramId(),
                        cabinet.id(),
                        type,
                        "pending",
                        null,
                        text,
                        image,
                        created,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null);
            }
            if (random.nextInt(40) == 0) {
                return new Admin.NotificationEntry(
                        0,
                        user.telegramId(),
                        cabinet.id(),
                        type,
                        "failed",
                        null,
                        text,
                        image,
                        created,
                        null,
                        5,
                        "Telegram 400: Bad Request: wrong file identifier/HTTP URL specified",
                        null,
                        null,
                        null);
            }
            int attempts = random.nextInt(12) == 0 ? 2 : 1;
            return new Admin.NotificationEntry(
                    0,
                    user.telegramId(),
                    cabinet.id(),
                    type,
                    "sent",
                    null,
                    text,
                    image,
                    created,
                    created.plus(Duration.ofSeconds(attempts == 1 ? 1 : 65)),
                    attempts,
                    attempts == 1 ? null : "Telegram 429: Too Many Requests: retry after 60",
                    null,
                    null,
                    null);
        }

        private List<DayCount> ordersPerDay() {
            LocalDate today = LocalDate.ofInstant(nowMsk, MoscowTime.ZONE);
            List<DayCount> days = new ArrayList<>();
            for (int back = 13; back >= 0; back--) {
                LocalDate day = today.minusDays(back);
                int weekend = day.getDayOfWeek().getValue() >= 6 ? 25 : 0;
                days.add(new DayCount(day, 40 + weekend + random.nextInt(35) - (back == 0 ? 30 : 0)));
            }
            return days;
        }
    }
}
