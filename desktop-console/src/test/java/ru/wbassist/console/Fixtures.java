package ru.wbassist.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.wbassist.api.Admin;
import ru.wbassist.api.Admin.DayCount;
import ru.wbassist.api.Notifications;
import ru.wbassist.api.Syncs;
import ru.wbassist.console.common.MoscowTime;
import ru.wbassist.console.demo.DemoData;

/**
 * The small, fixed data set the tests check the console against: three users, three cabinets, 63 sync runs
 * (enough for two pages), eight notifications.
 */
public final class Fixtures {

    public static final String SECRET = "fixture-secret";
    /** 27.11.2026 12:00 MSK. */
    public static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    public static final Instant NOW_MSK = NOW;

    public static final long ANNA = 111;
    public static final long BORIS = 222;
    public static final long CLARA = 333;

    private Fixtures() {}

    public static DemoData data() {
        Notifications.Settings all = new Notifications.Settings(
                true, true, true, true, true, true, true, true, true, true, false, 5, 300, 3, 5, 7, null, null, null,
                "ru");
        Notifications.Settings noOrders = new Notifications.Settings(
                true, false, true, true, true, true, true, true, true, true, false, 5, 300, 3, 5, 7, "23:00", "08:00",
                null, "en");
        List<Admin.UserRow> users = List.of(
                new Admin.UserRow(
                        ANNA,
                        "anna",
                        "Anna",
                        "A",
                        NOW_MSK.minus(Duration.ofDays(10)),
                        false,
                        List.of(
                                new Admin.CabinetLink(1, "Sneakers", "owner"),
                                new Admin.CabinetLink(2, "Home & Deco", "member")),
                        all),
                new Admin.UserRow(
                        BORIS,
                        "boris",
                        "Boris",
                        "B",
                        NOW_MSK.minus(Duration.ofDays(9)),
                        false,
                        List.of(new Admin.CabinetLink(2, "Home & Deco", "owner")),
                        noOrders),
                new Admin.UserRow(
                        CLARA,
                        null,
                        "Clara",
                        null,
                        NOW_MSK.minus(Duration.ofDays(8)),
                        true,
                        List.of(new Admin.CabinetLink(3, "Kids wear", "owner")),
                        all));
        List<Admin.CabinetRow> cabinets = List.of(
                new Admin.CabinetRow(
                        1,
                        "Sneakers",
                        true,
                        NOW_MSK.minus(Duration.ofDays(10)),
                        1,
                        NOW_MSK.minus(Duration.ofMinutes(3)),
                        "success",
                        null,
                        true,
                        false,
                        null,
                        new Syncs.LiveOrders(
                                "on", null, NOW_MSK.minusSeconds(40), "success", null, NOW_MSK.plusSeconds(20), 55L)),
                new Admin.CabinetRow(
                        2,
                        "Home & Deco",
                        true,
                        NOW_MSK.minus(Duration.ofDays(9)),
                        2,
                        NOW_MSK.minus(Duration.ofMinutes(4)),
                        "failed",
                        "WB API answered 401: key revoked",
                        false,
                        false,
                        null,
                        new Syncs.LiveOrders("off", "no_analytics", null, null, null, null, null)),
                new Admin.CabinetRow(
                        3,
                        "Kids wear",
                        true,
                        NOW_MSK.minus(Duration.ofDays(8)),
                        1,
                        null,
                        null,
                        null,
                        true,
                        false,
                        null,
                        new Syncs.LiveOrders(
                                "slowed",
                                "base_token",
                                NOW_MSK.minus(Duration.ofMinutes(20)),
                                "failed",
                                "WB answered 429",
                                NOW_MSK.plus(Duration.ofMinutes(160)),
                                3 * 3600L + 20 * 60)));
        Map<Long, List<Admin.Member>> members = Map.of(
                1L, List.of(new Admin.Member(ANNA, "anna", "Anna", "owner", NOW_MSK.minus(Duration.ofDays(10)))),
                2L,
                        List.of(
                                new Admin.Member(BORIS, "boris", "Boris", "owner", NOW_MSK.minus(Duration.ofDays(9))),
                                new Admin.Member(ANNA, "anna", "Anna", "member", NOW_MSK.minus(Duration.ofDays(5)))),
                3L, List.of(new Admin.Member(CLARA, null, "Clara", "owner", NOW_MSK.minus(Duration.ofDays(8)))));
        return new DemoData(
                NOW, users, cabinets, members, syncLogs(), notifications(), ordersPerDay(), items(), answers());
    }

    /** 60 successful "orders" runs of cabinet 1 every 10 minutes, then failed "stocks" runs of cabinet 2 and a running one. */
    private static List<Admin.SyncLogEntry> syncLogs() {
        List<Admin.SyncLogEntry> logs = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Instant started = NOW_MSK.minus(Duration.ofMinutes(10L * (61 - i)));
            logs.add(new Admin.SyncLogEntry(
                    i, 1, "Sneakers", "orders", "success", started, started.plusSeconds(3), i, null));
        }
        logs.add(new Admin.SyncLogEntry(
                61,
                2,
                "Home & Deco",
                "stocks",
                "failed",
                NOW_MSK.minus(Duration.ofDays(2)),
                NOW_MSK.minus(Duration.ofDays(2)).plusSeconds(1),
                0,
                "WB API answered 401: key revoked"));
        logs.add(new Admin.SyncLogEntry(
                62,
                2,
                "Home & Deco",
                "stocks",
                "failed",
                NOW_MSK.minus(Duration.ofMinutes(5)),
                NOW_MSK.minus(Duration.ofMinutes(5)).plusSeconds(1),
                0,
                "WB API answered 401: key revoked"));
        logs.add(new Admin.SyncLogEntry(
                63, 1, "Sneakers", "reviews", "running", NOW_MSK.minus(Duration.ofMinutes(1)), null, 0, null));
        return logs;
    }

    private static List<Admin.NotificationEntry> notifications() {
        Instant t = NOW_MSK.minus(Duration.ofHours(2));
        return List.of(
                record(
                        1,
                        ANNA,
                        1L,
                        "new_order",
                        "sent",
                        null,
                        "<b>New order</b> Sneakers &amp; socks",
                        t.minus(Duration.ofDays(3)),
                        1,
                        null),
                record(
                        2,
                        ANNA,
                        1L,
                        "order_buyout",
                        "sent",
                        null,
                        "<b>Buyout</b>",
                        t.minus(Duration.ofDays(2)),
                        1,
                        null),
                record(
                        3,
                        BORIS,
                        2L,
                        "new_order",
                        "skipped",
                        "disabled_in_settings",
                        "<b>New order</b> towel",
                        t.minus(Duration.ofDays(1)),
                        0,
                        null),
                record(
                        4,
                        ANNA,
                        2L,
                        "negative_review",
                        "failed",
                        null,
                        "<b>Review 2/5</b>\n<blockquote>Too small</blockquote>\n<a href=\"https://wb.ru/r\">Reply</a>",
                        t,
                        5,
                        "Telegram 400: Bad Request: chat not found"),
                record(
                        5,
                        CLARA,
                        3L,
                        "critical_stock",
                        "skipped",
                        "bot_blocked",
                        "<b>Critical stock</b> <code>KD-1</code>",
                        t.plus(Duration.ofMinutes(10)),
                        0,
                        null),
                record(
                        6,
                        BORIS,
                        2L,
                        "order_return",
                        "sent",
                        null,
                        "<b>Return</b>",
                        t.plus(Duration.ofMinutes(20)),
                        2,
                        "Telegram 429: Too Many Requests: retry after 3"),
                record(
                        7,
                        ANNA,
                        1L,
                        "new_order",
                        "pending",
                        null,
                        "<b>New order</b> <i>boots</i>",
                        t.plus(Duration.ofMinutes(30)),
                        0,
                        null),
                record(
                        8,
                        BORIS,
                        2L,
                        "key_invalid",
                        "sent",
                        null,
                        "<b>Key invalid</b>",
                        t.plus(Duration.ofMinutes(40)),
                        1,
                        null));
    }

    private static Admin.NotificationEntry record(
            long id,
            long user,
            Long cabinet,
            String type,
            String status,
            String reason,
            String text,
            Instant created,
            int attempts,
            String error) {
        return new Admin.NotificationEntry(
                id,
                user,
                cabinet,
                type,
                status,
                reason,
                text,
                null,
                created,
                status.equals("sent") ? created.plusSeconds(1) : null,
                attempts,
                error,
                null,
                null,
                null);
    }

    /**
     * Sneakers: review R1 (2★, a failed answer by Boris), question Q1 (an answer WB refused), review R2 (answered by
     * Anna), question Q2 (answered on WB's site); Home &amp; Deco: review R3 (5★, answered on WB's site).
     */
    private static List<Admin.ItemToAnswer> items() {
        return List.of(
                new Admin.ItemToAnswer(
                        1,
                        "Sneakers",
                        "review",
                        "R1",
                        501,
                        "Running shoes",
                        "Olga",
                        2,
                        "The sole came off after a week",
                        NOW_MSK.minus(Duration.ofHours(1)),
                        false,
                        "Sorry! We will replace them",
                        "failed",
                        BORIS,
                        NOW_MSK.minus(Duration.ofMinutes(10))),
                new Admin.ItemToAnswer(
                        1,
                        "Sneakers",
                        "question",
                        "Q1",
                        502,
                        "Trail boots",
                        null,
                        null,
                        "Are they waterproof?",
                        NOW_MSK.minus(Duration.ofHours(2)),
                        false,
                        "Ok",
                        "refused",
                        ANNA,
                        NOW_MSK.minus(Duration.ofMinutes(20))),
                new Admin.ItemToAnswer(
                        1,
                        "Sneakers",
                        "review",
                        "R2",
                        501,
                        "Running shoes",
                        "Ivan",
                        1,
                        "Wrong size delivered",
                        NOW_MSK.minus(Duration.ofHours(3)),
                        true,
                        "Thank you, we will exchange them",
                        "sent",
                        ANNA,
                        NOW_MSK.minus(Duration.ofMinutes(30))),
                new Admin.ItemToAnswer(
                        1,
                        "Sneakers",
                        "question",
                        "Q2",
                        501,
                        "Running shoes",
                        null,
                        null,
                        "True to size?",
                        NOW_MSK.minus(Duration.ofDays(1)),
                        true,
                        "Yes, true to size",
                        null,
                        null,
                        null),
                new Admin.ItemToAnswer(
                        2,
                        "Home & Deco",
                        "review",
                        "R3",
                        601,
                        "Vase",
                        "Marina",
                        5,
                        "Beautiful",
                        NOW_MSK.minus(Duration.ofDays(2)),
                        true,
                        null,
                        null,
                        null,
                        null));
    }

    /** The answers sent from WB Assist, as {@link #items()} shows their latest. */
    private static List<Admin.SentAnswer> answers() {
        return List.of(
                new Admin.SentAnswer(
                        1,
                        1,
                        "Sneakers",
                        "review",
                        "R2",
                        "Running shoes",
                        "Wrong size delivered",
                        "Thank you, we will exchange them",
                        "sent",
                        204,
                        null,
                        ANNA,
                        "anna",
                        "Anna",
                        NOW_MSK.minus(Duration.ofMinutes(30)),
                        NOW_MSK.minus(Duration.ofMinutes(30)).plusSeconds(1)),
                new Admin.SentAnswer(
                        2,
                        1,
                        "Sneakers",
                        "question",
                        "Q1",
                        "Trail boots",
                        "Are they waterproof?",
                        "Ok",
                        "refused",
                        400,
                        "WB: the answer is too short",
                        ANNA,
                        "anna",
                        "Anna",
                        NOW_MSK.minus(Duration.ofMinutes(20)),
                        NOW_MSK.minus(Duration.ofMinutes(20)).plusSeconds(1)),
                new Admin.SentAnswer(
                        3,
                        1,
                        "Sneakers",
                        "review",
                        "R1",
                        "Running shoes",
                        "The sole came off after a week",
                        "Sorry! We will replace them",
                        "failed",
                        null,
                        "WB did not answer in time",
                        BORIS,
                        "boris",
                        "Boris",
                        NOW_MSK.minus(Duration.ofMinutes(10)),
                        NOW_MSK.minus(Duration.ofMinutes(10)).plusSeconds(1)));
    }

    private static List<DayCount> ordersPerDay() {
        LocalDate today = LocalDate.ofInstant(NOW_MSK, MoscowTime.ZONE);
        return List.of(
                new DayCount(today.minusDays(3), 5), new DayCount(today.minusDays(1), 7), new DayCount(today, 2));
    }
}
