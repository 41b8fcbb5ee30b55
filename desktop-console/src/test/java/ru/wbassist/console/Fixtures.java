package ru.wbassist.console;

import ru.wbassist.console.api.AdminUser;
import ru.wbassist.console.api.CabinetSummary;
import ru.wbassist.console.api.CabinetUser;
import ru.wbassist.console.api.NotificationRecord;
import ru.wbassist.console.api.Overview.DayCount;
import ru.wbassist.console.api.SyncLogEntry;
import ru.wbassist.console.api.UserSettings;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.demo.DemoData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small, fixed data set the tests check the console against: three users, three cabinets, 63 sync runs
 * (enough for two pages), eight notifications.
 */
public final class Fixtures {

    public static final String SECRET = "fixture-secret";
    /** 27.11.2026 12:00 MSK. */
    public static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    public static final OffsetDateTime NOW_MSK = NOW.atZone(MoscowTime.ZONE).toOffsetDateTime();

    public static final long ANNA = 111;
    public static final long BORIS = 222;
    public static final long CLARA = 333;

    private Fixtures() {
    }

    public static DemoData data() {
        UserSettings all = new UserSettings(true, true, true, true, true, true, true, null, null, "ru");
        UserSettings noOrders = new UserSettings(true, false, true, true, true, true, true, "23:00", "08:00", "en");
        List<AdminUser> users = List.of(
                new AdminUser(ANNA, "anna", "Anna", "A", NOW_MSK.minusDays(10), false,
                        List.of(new AdminUser.UserCabinet(1, "Sneakers", "owner"), new AdminUser.UserCabinet(2, "Home & Deco", "member")), all),
                new AdminUser(BORIS, "boris", "Boris", "B", NOW_MSK.minusDays(9), false,
                        List.of(new AdminUser.UserCabinet(2, "Home & Deco", "owner")), noOrders),
                new AdminUser(CLARA, null, "Clara", null, NOW_MSK.minusDays(8), true,
                        List.of(new AdminUser.UserCabinet(3, "Kids wear", "owner")), all));
        List<CabinetSummary> cabinets = List.of(
                new CabinetSummary(1, "Sneakers", true, NOW_MSK.minusDays(10), 1, NOW_MSK.minusMinutes(3), "success", null, true),
                new CabinetSummary(2, "Home & Deco", true, NOW_MSK.minusDays(9), 2, NOW_MSK.minusMinutes(4), "failed",
                        "WB API answered 401: key revoked", false),
                new CabinetSummary(3, "Kids wear", true, NOW_MSK.minusDays(8), 1, null, null, null, true));
        Map<Long, List<CabinetUser>> members = Map.of(
                1L, List.of(new CabinetUser(ANNA, "anna", "Anna", "owner", NOW_MSK.minusDays(10))),
                2L, List.of(new CabinetUser(BORIS, "boris", "Boris", "owner", NOW_MSK.minusDays(9)),
                        new CabinetUser(ANNA, "anna", "Anna", "member", NOW_MSK.minusDays(5))),
                3L, List.of(new CabinetUser(CLARA, null, "Clara", "owner", NOW_MSK.minusDays(8))));
        return new DemoData(NOW, users, cabinets, members, syncLogs(), notifications(), ordersPerDay());
    }

    /** 60 successful "orders" runs of cabinet 1 every 10 minutes, then failed "stocks" runs of cabinet 2 and a running one. */
    private static List<SyncLogEntry> syncLogs() {
        List<SyncLogEntry> logs = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            OffsetDateTime started = NOW_MSK.minusMinutes(10L * (61 - i));
            logs.add(new SyncLogEntry(i, 1, "Sneakers", "orders", "success", started, started.plusSeconds(3), i, null));
        }
        logs.add(new SyncLogEntry(61, 2, "Home & Deco", "stocks", "failed", NOW_MSK.minusDays(2),
                NOW_MSK.minusDays(2).plusSeconds(1), 0, "WB API answered 401: key revoked"));
        logs.add(new SyncLogEntry(62, 2, "Home & Deco", "stocks", "failed", NOW_MSK.minusMinutes(5),
                NOW_MSK.minusMinutes(5).plusSeconds(1), 0, "WB API answered 401: key revoked"));
        logs.add(new SyncLogEntry(63, 1, "Sneakers", "reviews", "running", NOW_MSK.minusMinutes(1), null, 0, null));
        return logs;
    }

    private static List<NotificationRecord> notifications() {
        OffsetDateTime t = NOW_MSK.minusHours(2);
        return List.of(
                record(1, ANNA, 1L, "new_order", "sent", null, "<b>New order</b> Sneakers &amp; socks", t.minusDays(3), 1, null),
                record(2, ANNA, 1L, "order_buyout", "sent", null, "<b>Buyout</b>", t.minusDays(2), 1, null),
                record(3, BORIS, 2L, "new_order", "skipped", "disabled_in_settings", "<b>New order</b> towel", t.minusDays(1), 0, null),
                record(4, ANNA, 2L, "negative_review", "failed", null,
                        "<b>Review 2/5</b>\n<blockquote>Too small</blockquote>\n<a href=\"https://wb.ru/r\">Reply</a>", t, 5,
                        "Telegram 400: Bad Request: chat not found"),
                record(5, CLARA, 3L, "critical_stock", "skipped", "bot_blocked", "<b>Critical stock</b> <code>KD-1</code>",
                        t.plusMinutes(10), 0, null),
                record(6, BORIS, 2L, "order_return", "sent", null, "<b>Return</b>", t.plusMinutes(20), 2,
                        "Telegram 429: Too Many Requests: retry after 3"),
                record(7, ANNA, 1L, "new_order", "pending", null, "<b>New order</b> <i>boots</i>", t.plusMinutes(30), 0, null),
                record(8, BORIS, 2L, "key_invalid", "sent", null, "<b>Key invalid</b>", t.plusMinutes(40), 1, null));
    }

    private static NotificationRecord record(long id, long user, Long cabinet, String type, String status, String reason,
                                             String text, OffsetDateTime created, int attempts, String error) {
        return new NotificationRecord(id, user, cabinet, type, status, reason, text, null, created,
                status.equals("sent") ? created.plusSeconds(1) : null, attempts, error);
    }

    private static List<DayCount> ordersPerDay() {
        LocalDate today = NOW_MSK.toLocalDate();
        return List.of(new DayCount(today.minusDays(3), 5), new DayCount(today.minusDays(1), 7), new DayCount(today, 2));
    }
}
