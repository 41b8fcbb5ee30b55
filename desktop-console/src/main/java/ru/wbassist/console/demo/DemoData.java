package ru.wbassist.console.demo;

import ru.wbassist.console.api.AdminUser;
import ru.wbassist.console.api.CabinetSummary;
import ru.wbassist.console.api.CabinetUser;
import ru.wbassist.console.api.NotificationRecord;
import ru.wbassist.console.api.NotificationTypes;
import ru.wbassist.console.api.Overview.DayCount;
import ru.wbassist.console.api.SyncLogEntry;
import ru.wbassist.console.api.UserSettings;
import ru.wbassist.console.common.MoscowTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A data set for {@link InMemoryAdminApi}: what the admin API would answer about a small, busy installation.
 * {@link #generate} builds the demo one (seeded, so screenshots are stable apart from the clock).
 */
public record DemoData(Instant now, List<AdminUser> users, List<CabinetSummary> cabinets,
                       Map<Long, List<CabinetUser>> members, List<SyncLogEntry> syncLogs,
                       List<NotificationRecord> notifications, List<DayCount> ordersPerDay) {

    public static final List<String> DATA_SETS = List.of("orders", "sales", "stocks", "reviews");

    public static DemoData generate(Instant now) {
        return new Generator(now).build();
    }

    private static final class Generator {
        private final Instant now;
        private final OffsetDateTime nowMsk;
        private final Random random = new Random(20261127);
        private final List<AdminUser> users = new ArrayList<>();
        private final List<CabinetSummary> cabinets = new ArrayList<>();
        private final Map<Long, List<CabinetUser>> members = new LinkedHashMap<>();

        Generator(Instant now) {
            this.now = now;
            this.nowMsk = now.atZone(MoscowTime.ZONE).toOffsetDateTime();
        }

        DemoData build() {
            UserSettings defaults = settings(true, null, null, "ru");
            user(100001, "anna_shop", "Анна", "Смирнова", defaults, false);
            user(100002, "boris_wb", "Boris", "Klein", settings(true, null, null, "en"), false);
            user(100003, null, "Мария", "Иванова", settings(true, "23:00", "08:00", "ru"), false);
            user(100004, "dmitry_k", "Дмитрий", "Ковалёв", defaults, true);
            user(100005, "elena_seller", "Елена", "Орлова", settings(false, null, null, "ru"), false);
            user(100006, "oleg_new", "Олег", null, defaults, false);

            cabinet(1, "Кроссовки и спорт", "success", null, true, 100001, 100002, 100004);
            cabinet(2, "Home & Deco", "success", null, true, 100002);
            cabinet(3, "Детская одежда", "failed",
                    "WB API answered 401 Unauthorized: the key was revoked or has expired", false, 100003, 100001);
            cabinet(4, "Косметика Натали", "partial",
                    "stocks: 429 Too Many Requests, gave up after 3 attempts (X-Ratelimit-Retry: 61)", true, 100005);
            cabinet(5, "Новый магазин", null, null, true, 100006);
            return new DemoData(now, List.copyOf(users), List.copyOf(cabinets), Map.copyOf(members), syncLogs(),
                    notifications(), ordersPerDay());
        }

        private static UserSettings settings(boolean newOrders, String quietStart, String quietEnd, String language) {
            return new UserSettings(true, newOrders, true, true, true, true, true, quietStart, quietEnd, language);
        }

        private void user(long telegramId, String username, String firstName, String lastName, UserSettings settings,
                          boolean blocked) {
            users.add(new AdminUser(telegramId, username, firstName, lastName, nowMsk.minusDays(40 - users.size() * 5L),
                    blocked, List.of(), settings));
        }

        private void cabinet(long id, String name, String status, String error, boolean keyValid, long... telegramIds) {
            OffsetDateTime lastSync = status == null ? null : nowMsk.minusMinutes(2 + id);
            cabinets.add(new CabinetSummary(id, name, true, nowMsk.minusDays(30 - id * 4), telegramIds.length, lastSync,
                    status, error, keyValid));
            List<CabinetUser> cabinetUsers = new ArrayList<>();
            for (int i = 0; i < telegramIds.length; i++) {
                long telegramId = telegramIds[i];
                String role = i == 0 ? "owner" : "member";
                AdminUser user = users.stream().filter(u -> u.telegramId() == telegramId).findFirst().orElseThrow();
                cabinetUsers.add(new CabinetUser(telegramId, user.username(), user.firstName(), role,
                        nowMsk.minusDays(30 - id * 4 - i)));
                List<AdminUser.UserCabinet> joined = new ArrayList<>(user.cabinets());
                joined.add(new AdminUser.UserCabinet(id, name, role));
                users.set(users.indexOf(user), new AdminUser(user.telegramId(), user.username(), user.firstName(),
                        user.lastName(), user.createdAt(), user.botBlocked(), joined, user.settings()));
            }
            members.put(id, List.copyOf(cabinetUsers));
        }

        /** A run of every data set of cabinets 1–4 every 30 minutes for two days; cabinet 3 fails since its key died. */
        private List<SyncLogEntry> syncLogs() {
            List<SyncLogEntry> logs = new ArrayList<>();
            long id = 1;
            for (int run = 96; run >= 0; run--) {
                OffsetDateTime started = nowMsk.minusMinutes(30L * run + 5);
                for (CabinetSummary cabinet : cabinets.subList(0, 4)) {
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
                            error = dataSet + ": connection reset by peer after 2 retries (statistics-api.wildberries.ru)";
                        }
                        boolean running = run == 0 && cabinet.id() == 1 && dataSet.equals("reviews");
                        int records = status.equals("failed") ? 0 : random.nextInt(dataSet.equals("stocks") ? 400 : 40);
                        logs.add(new SyncLogEntry(id++, cabinet.id(), cabinet.name(), dataSet, running ? "running" : status,
                                started.plusSeconds(DATA_SETS.indexOf(dataSet) * 3L),
                                running ? null : started.plusSeconds(DATA_SETS.indexOf(dataSet) * 3L + 2 + random.nextInt(9)),
                                running ? 0 : records, running ? null : error));
                    }
                }
            }
            return logs;
        }

        /** Two weeks of notifications (numbered at the end) for the users of cabinets 1–4, with the delivery outcomes each user's case gives. */
        private List<NotificationRecord> notifications() {
            List<String> eventTypes = List.of(NotificationTypes.NEW_ORDER, NotificationTypes.NEW_ORDER,
                    NotificationTypes.NEW_ORDER, NotificationTypes.ORDER_BUYOUT, NotificationTypes.ORDER_BUYOUT,
                    NotificationTypes.ORDER_CANCELLATION, NotificationTypes.ORDER_RETURN,
                    NotificationTypes.NEGATIVE_REVIEW, NotificationTypes.CRITICAL_STOCK);
            List<NotificationRecord> records = new ArrayList<>();
            for (int minutesAgo = 14 * 24 * 60; minutesAgo > 0; minutesAgo -= 25 + random.nextInt(60)) {
                CabinetSummary cabinet = cabinets.get(random.nextInt(4));
                String type = eventTypes.get(random.nextInt(eventTypes.size()));
                SampleTexts.Product product = SampleTexts.PRODUCTS.get(random.nextInt(SampleTexts.PRODUCTS.size()));
                OffsetDateTime created = nowMsk.minusMinutes(minutesAgo);
                for (CabinetUser member : members.get(cabinet.id())) {
                    AdminUser user = users.stream().filter(u -> u.telegramId() == member.telegramId()).findFirst().orElseThrow();
                    records.add(outcome(user, cabinet, type, product, created, minutesAgo));
                }
            }
            OffsetDateTime keyDied = nowMsk.minusHours(5);
            records.add(new NotificationRecord(0, 100003, 3L, NotificationTypes.KEY_INVALID, "sent", null,
                    SampleTexts.render(NotificationTypes.KEY_INVALID, "ru", "Детская одежда", SampleTexts.PRODUCTS.getFirst(), keyDied),
                    null, keyDied, keyDied.plusSeconds(1), 1, null));
            records.add(new NotificationRecord(0, 100006, 5L, NotificationTypes.KEY_EXPIRING, "pending", null,
                    SampleTexts.render(NotificationTypes.KEY_EXPIRING, "ru", "Новый магазин", SampleTexts.PRODUCTS.getFirst(), nowMsk),
                    null, nowMsk.minusMinutes(1), null, 0, null));
            // Ids follow creation, as the server's identity column does.
            records.sort(Comparator.comparing(NotificationRecord::createdAt));
            List<NotificationRecord> numbered = new ArrayList<>();
            for (NotificationRecord r : records) {
                numbered.add(new NotificationRecord(numbered.size() + 1, r.telegramId(), r.cabinetId(), r.type(), r.status(),
                        r.suppressedReason(), r.text(), r.imageUrl(), r.createdAt(), r.sentAt(), r.attempts(), r.lastError()));
            }
            return numbered;
        }

        private NotificationRecord outcome(AdminUser user, CabinetSummary cabinet, String type,
                                           SampleTexts.Product product, OffsetDateTime created, int minutesAgo) {
            String text = SampleTexts.render(type, user.settings().language(), cabinet.name(), product, created);
            String image = type.equals(NotificationTypes.NEW_ORDER)
                    ? "https://basket-12.wbbasket.ru/vol" + product.nmId() / 100000 + "/part" + product.nmId() / 1000
                    + "/" + product.nmId() + "/images/big/1.webp" : null;
            if (user.botBlocked() && minutesAgo < 3 * 24 * 60) {
                return new NotificationRecord(0, user.telegramId(), cabinet.id(), type, "skipped", "bot_blocked", text,
                        image, created, null, 0, null);
            }
            if (!user.settings().allows(type)) {
                return new NotificationRecord(0, user.telegramId(), cabinet.id(), type, "skipped", "disabled_in_settings",
                        text, image, created, null, 0, null);
            }
            if (minutesAgo < 8) {
                return new NotificationRecord(0, user.telegramId(), cabinet.id(), type, "pending", null, text, image,
                        created, null, 0, null);
            }
            if (random.nextInt(40) == 0) {
                return new NotificationRecord(0, user.telegramId(), cabinet.id(), type, "failed", null, text, image,
                        created, null, 5, "Telegram 400: Bad Request: wrong file identifier/HTTP URL specified");
            }
            int attempts = random.nextInt(12) == 0 ? 2 : 1;
            return new NotificationRecord(0, user.telegramId(), cabinet.id(), type, "sent", null, text, image, created,
                    created.plus(Duration.ofSeconds(attempts == 1 ? 1 : 65)), attempts,
                    attempts == 1 ? null : "Telegram 429: Too Many Requests: retry after 60");
        }

        private List<DayCount> ordersPerDay() {
            LocalDate today = nowMsk.toLocalDate();
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
