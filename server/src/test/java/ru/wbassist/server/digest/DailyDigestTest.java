package ru.wbassist.server.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.events.CabinetMember;
import ru.wbassist.server.events.DetectionFixture;
import ru.wbassist.server.events.EventFacts;
import ru.wbassist.server.events.EventLog;
import ru.wbassist.server.events.EventType;
import ru.wbassist.server.events.MutableClock;
import ru.wbassist.server.events.Notifier;
import ru.wbassist.server.events.RecordedEvent;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.notifications.FanOut;
import ru.wbassist.server.notifications.SettingsPatch;
import ru.wbassist.server.notifications.SettingsRepository;

/** Daily digests on a fake clock, H2 and PostgreSQL: figures, once per user/cabinet/Moscow day, catch-up, two servers. */
class DailyDigestTest {

    /** Friday 27.11.2026 21:00 MSK. */
    static final Instant FRIDAY_21_MSK = Instant.parse("2026-11-27T18:00:00Z");

    private DetectionFixture f;
    private final List<Database> extra = new ArrayList<>();

    private DailyDigests start(DatabaseConfig.Vendor vendor) {
        f = new DetectionFixture(TestDatabases.fresh(vendor), new MutableClock(FRIDAY_21_MSK));
        return digests(f.db);
    }

    private DailyDigests digests(Database db) {
        return new DailyDigests(db, new FanOut(f.wakeups, f.clock, TestMeters.detached()), f.clock);
    }

    @AfterEach
    void stop() {
        extra.forEach(Database::close);
        f.db.close();
    }

    private void at(String utc) {
        f.clock.set(Instant.parse(utc));
    }

    private void order(long shop, String srid, String utc) {
        f.db.inTransaction(c -> {
            DetectionFixture.insertOrder(c, shop, srid, 100, Instant.parse(utc));
            return null;
        });
    }

    private void sale(long shop, String saleId, String utc) {
        f.db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO wb_sales (cabinet_id, sale_id, nm_id, price_with_disc, sale_date,"
                        + " last_change_date, sale_type) VALUES (?,?,?,?,?,?,?)",
                shop,
                saleId,
                100L,
                new BigDecimal("1500"),
                Instant.parse(utc),
                Instant.parse(utc),
                saleId.startsWith("R") ? "return" : "buyout"));
    }

    private void question(long shop, String questionId, boolean answered) {
        f.db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO wb_questions (cabinet_id, question_id, nm_id, text, created_date, is_answered)"
                        + " VALUES (?,?,?,?,?,?)",
                shop,
                questionId,
                100L,
                "Маломерит?",
                FRIDAY_21_MSK,
                answered));
    }

    private EventFacts.Digest digestFacts() {
        return f.db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT payload FROM events WHERE event_type = 'daily_digest'" + " ORDER BY id DESC LIMIT 1",
                        rs -> (EventFacts.Digest) EventLog.facts(EventType.DAILY_DIGEST, rs.getString(1)))
                .orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void figuresOfTheMoscowDayUpToTheDigestTimeBesideTheSameHoursAWeekEarlier(DatabaseConfig.Vendor vendor)
            throws Exception {
        DailyDigests digests = start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Магазин", anna);
        f.product(shop, 100, "Кеды", "K-1");
        f.settings(anna, "digest_time = ?", "21:00");
        order(shop, "today-midnight", "2026-11-26T21:00:00Z"); // 00:00 MSK on Friday: counts
        order(shop, "thursday-late", "2026-11-26T20:59:59Z"); // 23:59:59 MSK on Thursday: not
        order(shop, "today-evening", "2026-11-27T17:59:59Z"); // 20:59:59 MSK: counts
        order(shop, "after-the-time", "2026-11-27T18:00:00Z"); // 21:00 MSK: after the span
        order(shop, "week-ago", "2026-11-19T21:00:00Z"); // 00:00 MSK the Friday before
        order(shop, "week-ago-late", "2026-11-20T18:30:00Z"); // 21:30 MSK the Friday before: not compared
        f.db.inTransaction(c -> Sql.update(
                c,
                "UPDATE wb_orders SET is_cancel = TRUE, cancel_date = ? WHERE srid = ?",
                Instant.parse("2026-11-27T09:00:00Z"),
                "today-midnight"));
        sale(shop, "S1", "2026-11-27T07:00:00Z");
        sale(shop, "R1", "2026-11-27T08:00:00Z");
        sale(shop, "S0", "2026-11-20T07:00:00Z");
        f.db.inTransaction(c -> Sql.update(
                c,
                "INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, rating, created_date,"
                        + " is_answered) VALUES (?,?,?,?,?,?),(?,?,?,?,?,?)",
                shop,
                "r1",
                100L,
                5,
                FRIDAY_21_MSK,
                false,
                shop,
                "r2",
                100L,
                4,
                FRIDAY_21_MSK,
                true));
        long otherShop = f.cabinet("Чужой магазин", f.user(2));
        question(shop, "q-open", false);
        question(shop, "q-open-too", false);
        question(shop, "q-answered", true);
        question(otherShop, "q-elsewhere", false); // another cabinet's: not counted

        assertThat(digests.sendDue()).isEqualTo(1);

        EventFacts.Digest d = digestFacts();
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(d.current())
                .isEqualTo(new EventFacts.DigestFigures(
                        2, new BigDecimal("3000.00"), 1, new BigDecimal("1500.00"), 1, 1, new BigDecimal("0.5000")));
        assertThat(d.weekAgo())
                .isEqualTo(new EventFacts.DigestFigures(
                        1, new BigDecimal("1500.00"), 1, new BigDecimal("1500.00"), 0, 0, new BigDecimal("1.0000")));
        assertThat(d.top())
                .extracting(EventFacts.TopLine::title, EventFacts.TopLine::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Кеды", 2L));
        assertThat(d.unansweredReviews()).isEqualTo(1);
        assertThat(d.unansweredQuestions()).isEqualTo(2);
        assertThat(d.chart()).hasSize(14);
        assertThat(d.chart().getLast().date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(d.chart().getLast().orders().count()).isEqualTo(3); // the whole day so far, for the bars
        assertThat(d.chart().getFirst().date()).isEqualTo(LocalDate.of(2026, 11, 14));

        assertThat(f.notifications(anna)).containsExactly("daily_digest:pending");
        String text = f.lastText(anna);
        assertThat(text)
                .contains("Итоги 27.11 до 21:00")
                .contains("Заказы: <b>2</b> · 3\u00a0000 ₽ (+100%)")
                .contains("Выкуп: 50% (неделю назад 100%)")
                .contains("Отзывы без ответа: 1")
                .contains("Вопросы без ответа: 2")
                .contains("Магазин");
        assertThat(text.length()).isLessThanOrEqualTo(1024);
        String chart = f.db.withConnection(c -> Sql.queryOne(
                        c, "SELECT chart FROM notification_history WHERE user_id = ?", rs -> rs.getString(1), anna)
                .orElseThrow());
        assertThat(Json.MAPPER.readTree(chart).get("days")).hasSize(14);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void onceADayAcrossRestartsCaughtUpTheSameDayButNeverTheNext(DatabaseConfig.Vendor vendor) {
        DailyDigests digests = start(vendor);
        long anna = f.user(1);
        long shop = f.cabinet("Shop", anna);
        long other = f.cabinet("Other shop", anna);
        f.settings(anna, "digest_time = ?", "21:00");

        at("2026-11-27T17:59:59Z"); // 20:59:59 MSK: not yet
        assertThat(digests.sendDue()).isZero();
        at("2026-11-27T18:00:00Z"); // 21:00 MSK: one per cabinet
        assertThat(digests.sendDue()).isEqualTo(2);
        assertThat(digests.sendDue()).isZero();
        at("2026-11-27T20:59:00Z"); // 23:59 MSK, after a restart: still nothing new
        assertThat(digests(f.db).sendDue()).isZero();

        at("2026-11-28T17:00:00Z"); // Saturday 20:00 MSK: not yet
        assertThat(digests.sendDue()).isZero();
        at("2026-11-28T20:30:00Z"); // the server was down at 21:00; back at 23:30 MSK: caught up
        assertThat(digests(f.db).sendDue()).isEqualTo(2);

        at("2026-11-29T21:10:00Z"); // down all Sunday, back at 00:10 MSK Monday: Sunday's is gone
        assertThat(digests(f.db).sendDue()).isZero();
        assertThat(f.notifications(anna)).hasSize(4);
        List<String> keys = f.db.withConnection(c -> Sql.query(
                c,
                "SELECT cabinet_id, external_id FROM events ORDER BY id",
                rs -> rs.getLong(1) + "/" + rs.getString(2)));
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        shop + "/" + anna + "@2026-11-27",
                        other + "/" + anna + "@2026-11-27",
                        shop + "/" + anna + "@2026-11-28",
                        other + "/" + anna + "@2026-11-28");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aServerKilledMidWaySendsNothingAndTheNextRunSendsItOnce(DatabaseConfig.Vendor vendor) {
        start(vendor);
        long anna = f.user(1);
        f.cabinet("Shop", anna);
        f.settings(anna, "digest_time = ?", "21:00");
        FanOut fanOut = new FanOut(f.wakeups, f.clock, TestMeters.detached());
        Notifier dying = new Notifier() {
            @Override
            public List<CabinetMember> members(Connection c, long cabinetId) throws SQLException {
                return fanOut.members(c, cabinetId);
            }

            @Override
            public void notify(Connection c, List<RecordedEvent> events, Collection<Long> userIds) throws SQLException {
                fanOut.notify(c, events, userIds);
                throw new IllegalStateException("killed before commit");
            }
        };
        assertThat(new DailyDigests(f.db, dying, f.clock).sendDue()).isZero();
        assertThat(f.count("events")).isZero();
        assertThat(f.count("notification_history")).isZero();
        assertThat(digests(f.db).sendDue()).isEqualTo(1);
        assertThat(f.notifications(anna)).containsExactly("daily_digest:pending");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void twoServersOnOneDatabaseSendEachDigestOnce(DatabaseConfig.Vendor vendor) throws Exception {
        DatabaseConfig config = TestDatabases.freshConfig(vendor);
        f = new DetectionFixture(Database.open(config), new MutableClock(FRIDAY_21_MSK));
        Database second = Database.open(config);
        extra.add(second);
        List<Long> users = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            long user = f.user(i);
            users.add(user);
            f.settings(user, "digest_time = ?", "21:00");
        }
        f.cabinet("Shop", users.stream().mapToLong(Long::longValue).toArray());
        DailyDigests serverA = digests(f.db);
        DailyDigests serverB = digests(second);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> rounds =
                    List.of(serverA::sendDue, serverB::sendDue, serverA::sendDue, serverB::sendDue);
            int sent = 0;
            for (Future<Integer> round : pool.invokeAll(rounds)) {
                sent += round.get();
            }
            assertThat(sent).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.count("events")).isEqualTo(30);
        assertThat(f.count("notification_history")).isEqualTo(30);
        for (long user : users) {
            assertThat(f.notifications(user)).containsExactly("daily_digest:pending");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aTimeChosenAfterItPassedStartsTomorrowQuietHoursDoNotHoldItAndANewTimeDoesNotRepeatIt(
            DatabaseConfig.Vendor vendor) {
        DailyDigests digests = start(vendor);
        long anna = f.user(1);
        f.cabinet("Shop", anna);
        SettingsRepository settings = new SettingsRepository(f.db, f.clock);
        at("2026-11-27T18:30:00Z"); // 21:30 MSK: chooses 21:00, already past today
        settings.update(
                anna,
                SettingsPatch.parse(Json.MAPPER
                        .createObjectNode()
                        .put("digest_time", "21:00")
                        .put("quiet_hours_start", "20:00")
                        .put("quiet_hours_end", "08:00")));
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(digests.sendDue()).isZero();
        settings.update(anna, SettingsPatch.parse(Json.MAPPER.createObjectNode().put("digest_time", "21:32")));
        at("2026-11-27T18:31:59Z");
        assertThat(digests.sendDue()).isZero();
        at("2026-11-27T18:32:00Z"); // a minute ahead: sent at that minute, inside quiet hours
        assertThat(digests.sendDue()).isEqualTo(1);
        Instant release = f.db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT deliver_after FROM notification_history" + " WHERE user_id = ?",
                        rs -> Sql.instant(rs, "deliver_after"),
                        anna)
                .orElseThrow());
        assertThat(release).isEqualTo(Instant.parse("2026-11-27T18:32:00Z"));
        at("2026-11-27T18:35:00Z"); // a later time chosen after today's digest went out: not a second one today
        settings.update(anna, SettingsPatch.parse(Json.MAPPER.createObjectNode().put("digest_time", "21:40")));
        at("2026-11-27T18:40:00Z");
        assertThat(digests.sendDue()).isZero();

        settings.update(anna, SettingsPatch.parse(Json.MAPPER.createObjectNode().put("notifications_enabled", false)));
        at("2026-11-28T18:40:00Z"); // paused: recorded as skipped, once
        assertThat(digests.sendDue()).isEqualTo(1);
        assertThat(digests.sendDue()).isZero();
        assertThat(f.notifications(anna))
                .containsExactly("daily_digest:pending", "daily_digest:skipped:notifications_off");
    }
}
