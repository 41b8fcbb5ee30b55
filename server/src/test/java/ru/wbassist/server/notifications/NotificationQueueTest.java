package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.api.Notifications;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.events.DetectionFixture;
import ru.wbassist.server.events.MutableClock;
import ru.wbassist.server.metrics.TestMeters;

/** The lossless queue on H2 and PostgreSQL: leases, acks, retries, concurrent pollers, long-poll, grouping, quiet hours. */
class NotificationQueueTest {

    private static final Instant NOON_MSK = Instant.parse("2026-11-27T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private DetectionFixture f;
    private NotificationQueue queue;
    private long anna;
    private long shop;

    private void start(DatabaseConfig.Vendor vendor, Duration dueCheck) {
        start(vendor, dueCheck, 200);
    }

    private void start(DatabaseConfig.Vendor vendor, Duration dueCheck, int maxWaiting) {
        f = new DetectionFixture(TestDatabases.fresh(vendor), new MutableClock(NOON_MSK));
        queue = new NotificationQueue(
                f.db,
                f.signal,
                new NotificationsConfig(
                        5,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(30),
                        dueCheck,
                        maxWaiting,
                        Duration.ofSeconds(20)),
                f.clock,
                TestMeters.detached());
        anna = f.user(1);
        shop = f.cabinet("Shop", anna);
        f.product(shop, 100, "Кеды", "K-1");
    }

    @AfterEach
    void stop() {
        f.wakeups.close();
        f.db.close();
    }

    private List<Notifications.Item> poll() throws InterruptedException {
        return queue.lease(Optional.of(List.of(anna)), 50, LEASE, Duration.ZERO);
    }

    /** Anna's long-poll of up to 30 s, once it waits. */
    private java.util.concurrent.CompletableFuture<List<Notifications.Item>> waitingPoll() {
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return queue.lease(Optional.of(List.of(anna)), 10, LEASE, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().until(() -> f.signal.waiting() == 1);
        return waiting;
    }

    private List<String> statuses() {
        return f.db.withConnection(
                c -> Sql.query(c, "SELECT status FROM notification_history ORDER BY id", rs -> rs.getString(1)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void polledButNotAckedComesBackAfterTheLeaseAndAckedNeverDoes(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        f.order(shop, "o-1", 100);
        f.order(shop, "o-2", 100);
        List<Notifications.Item> first = poll();
        assertThat(first).hasSize(2);
        assertThat(first.getFirst().telegramId()).isEqualTo(1);
        assertThat(first.getFirst().type()).isEqualTo("new_order");
        assertThat(first.getFirst().imageUrl()).isEqualTo(DetectionFixture.PHOTO.formatted(100));
        assertThat(poll()).as("leased items are not handed out again").isEmpty();

        queue.ack(List.of(new Notifications.Delivered(first.getFirst().id(), null)), List.of());
        f.clock.advance(LEASE.plusSeconds(1));
        List<Notifications.Item> again = poll();
        assertThat(again)
                .extracting(Notifications.Item::id)
                .containsExactly(first.get(1).id());

        queue.ack(List.of(new Notifications.Delivered(again.getFirst().id(), NOON_MSK)), List.of());
        assertThat(queue.ack(
                                List.of(new Notifications.Delivered(
                                        again.getFirst().id(), NOON_MSK)),
                                List.of())
                        .delivered())
                .as("a repeated ack changes nothing")
                .isZero();
        f.clock.advance(Duration.ofHours(1));
        assertThat(poll()).isEmpty();
        assertThat(statuses()).containsExactly("sent", "sent");
        Instant sentAt = f.db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT sent_at FROM notification_history WHERE id = ?",
                        rs -> Sql.instant(rs, "sent_at"),
                        again.getFirst().id())
                .orElseThrow());
        assertThat(sentAt).isEqualTo(NOON_MSK);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void concurrentPollersNeverGetTheSameItem(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        long boris = f.user(2);
        f.join(shop, boris);
        f.orders(shop, IntStream.range(0, 150).mapToObj(i -> "o-" + i).toList(), 100, NOON_MSK.minusSeconds(60));
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> pollers = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                boolean perUser = p % 2 == 0;
                pollers.add(pool.submit(() -> {
                    while (true) {
                        List<Notifications.Item> items = perUser
                                ? queue.lease(Optional.of(List.of(anna, boris)), 7, LEASE, Duration.ZERO)
                                : queue.lease(Optional.empty(), 7, LEASE, Duration.ZERO);
                        if (items.isEmpty()) {
                            return null;
                        }
                        items.forEach(i -> taken.add(i.id()));
                    }
                }));
            }
            for (Future<?> poller : pollers) {
                poller.get();
            }
        }
        assertThat(taken).hasSize(300);
        assertThat(new HashSet<>(taken)).hasSize(300);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void failuresAreRetriedWithBackOffThenGivenUp(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        f.order(shop, "o-1", 100);
        f.order(shop, "o-2", 100);
        List<Notifications.Item> items = poll();
        long retried = items.get(0).id();
        long permanent = items.get(1).id();
        var result = queue.ack(
                List.of(),
                List.of(
                        new Notifications.Failed(retried, "Telegram 500", false),
                        new Notifications.Failed(permanent, "Forbidden: bot was blocked by the user", true)));
        assertThat(result.failed()).isEqualTo(2);
        assertThat(statuses()).containsExactly("pending", "failed");
        assertThat(poll()).as("backing off").isEmpty();
        for (int attempt = 2; attempt <= 5; attempt++) {
            f.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
            List<Notifications.Item> back = poll();
            assertThat(back).extracting(Notifications.Item::id).containsExactly(retried);
            assertThat(back.getFirst().attempts()).isEqualTo(attempt - 1);
            queue.ack(List.of(), List.of(new Notifications.Failed(retried, "Telegram 500 again", false)));
        }
        assertThat(statuses()).containsExactly("failed", "failed");
        String error = f.db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT last_error || ':' || attempts FROM notification_history" + " WHERE id = ?",
                        rs -> rs.getString(1),
                        retried)
                .orElseThrow());
        assertThat(error).isEqualTo("Telegram 500 again:5");
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void longPollReturnsAsSoonAsAFanOutCommits(DatabaseConfig.Vendor vendor) throws Exception {
        // A due check far longer than the test: only the after-commit signal can end the wait early.
        start(vendor, Duration.ofSeconds(25));
        f.wakeups.start();
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            f.order(shop, "o-1", 100);
        });
        long started = System.nanoTime();
        List<Notifications.Item> items = queue.lease(Optional.of(List.of(anna)), 10, LEASE, Duration.ofSeconds(20));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        producer.join();
        assertThat(items).hasSize(1);
        assertThat(tookMs).isBetween(300L, 5_000L);

        long emptyStart = System.nanoTime();
        assertThat(queue.lease(Optional.of(List.of(anna)), 10, LEASE, Duration.ofSeconds(1)))
                .isEmpty();
        assertThat((System.nanoTime() - emptyStart) / 1_000_000).isBetween(900L, 3_000L);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void groupingHoldsABurstAndDeliversOneItemListingIt(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        f.settings(anna, "grouping_enabled = ?, max_group_size = ?, group_timeout = ?", true, 3, 300);
        f.order(shop, "o-1", 100);
        f.clock.advance(Duration.ofSeconds(30));
        f.order(shop, "o-2", 100);
        f.stock(shop, 100, java.util.Map.of("Коледино", 9));
        f.stock(shop, 100, java.util.Map.of("Коледино", 1));
        List<Notifications.Item> urgent = poll();
        assertThat(urgent)
                .as("critical stock is never held for grouping")
                .extracting(Notifications.Item::type)
                .containsExactly("critical_stock");
        queue.ack(List.of(new Notifications.Delivered(urgent.getFirst().id(), null)), List.of());

        f.clock.advance(Duration.ofSeconds(271));
        List<Notifications.Item> grouped = poll();
        assertThat(grouped).hasSize(1);
        Notifications.Item group = grouped.getFirst();
        assertThat(group.groupSize()).isEqualTo(2);
        assertThat(group.imageUrl()).isNull();
        assertThat(group.text()).startsWith("🛒 <b>Новые заказы: 2</b>");
        assertThat(group.text().split("\n•")).hasSize(3);
        queue.ack(List.of(new Notifications.Delivered(group.id(), null)), List.of());
        assertThat(statuses()).containsExactly("sent", "sent", "sent");

        // A full group is released at once; the next order starts a new group.
        f.orders(shop, List.of("o-3", "o-4", "o-5", "o-6"), 100, f.clock.instant());
        List<Notifications.Item> full = poll();
        assertThat(full).extracting(Notifications.Item::groupSize).containsExactly(3);
        queue.ack(List.of(new Notifications.Delivered(full.getFirst().id(), null)), List.of());
        f.clock.advance(Duration.ofSeconds(301));
        assertThat(poll()).extracting(Notifications.Item::groupSize).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aMemberNeverJoinsAGroupAlreadyHandedOut(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        f.settings(anna, "grouping_enabled = ?, max_group_size = ?, group_timeout = ?", true, 5, 60);
        f.order(shop, "o-1", 100);
        f.clock.advance(Duration.ofSeconds(61));
        assertThat(poll()).extracting(Notifications.Item::groupSize).containsExactly(1);
        f.order(shop, "o-2", 100);
        List<Integer> sizes = f.db.withConnection(c -> Sql.query(
                c,
                "SELECT group_size FROM notification_history" + " WHERE group_id = id ORDER BY id",
                rs -> rs.getInt(1)));
        assertThat(sizes).containsExactly(1, 1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void quietHoursHoldUntilTheyEndThenDeliver(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        f.clock.set(Instant.parse("2026-11-27T20:30:00Z")); // 23:30 MSK
        f.settings(anna, "quiet_hours_start = ?, quiet_hours_end = ?", "22:00", "08:00");
        f.order(shop, "o-1", 100);
        assertThat(poll()).isEmpty();
        assertThat(queue.since(List.of(anna), Instant.parse("2026-11-27T20:00:00Z")))
                .as("legacy poll too")
                .isEmpty();
        f.clock.set(Instant.parse("2026-11-28T04:59:59Z"));
        assertThat(poll()).isEmpty();
        f.clock.set(Instant.parse("2026-11-28T05:00:01Z")); // 08:00:01 MSK
        assertThat(queue.since(List.of(anna), Instant.parse("2026-11-28T04:00:00Z")))
                .hasSize(1);
        assertThat(poll()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void waitingPollsAreWokenByTheSharedDueCheckWhenQuietHoursEnd(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofMillis(20));
        f.wakeups.start();
        f.clock.set(Instant.parse("2026-11-27T20:30:00Z")); // 23:30 MSK
        f.settings(anna, "quiet_hours_start = ?, quiet_hours_end = ?", "22:00", "08:00");
        f.order(shop, "o-1", 100);
        var waiting = waitingPoll();
        assertThat(f.wakeups.becameDue(f.clock.instant(), Instant.parse("2026-11-28T04:59:59Z")))
                .isFalse();

        f.clock.set(Instant.parse("2026-11-28T05:00:01Z")); // 08:00:01 MSK: the held item is due

        assertThat(waiting.get()).hasSize(1);
        assertThat(f.wakeups.becameDue(Instant.parse("2026-11-28T04:59:59Z"), f.clock.instant()))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aPollThatWouldWaitBeyondTheCapIsRefused(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(25), 1);
        var waiting = waitingPoll();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> queue.lease(Optional.of(List.of(anna)), 10, LEASE, Duration.ofSeconds(1)))
                .isInstanceOf(NotificationQueue.TooManyWaiting.class);
        assertThat(poll()).as("a poll without wait is never refused").isEmpty();

        f.wakeups.start();
        f.order(shop, "o-1", 100);
        assertThat(waiting.get()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void legacyPollReadsWithoutLeasingAndNeverShowsSuppressedRows(DatabaseConfig.Vendor vendor) throws Exception {
        start(vendor, Duration.ofSeconds(1));
        f.order(shop, "o-1", 100);
        f.settings(anna, "new_orders_enabled = ?", false);
        f.order(shop, "o-2", 100);
        Instant before = NOON_MSK.minusSeconds(1);
        assertThat(queue.since(List.of(anna), before)).hasSize(1);
        assertThat(queue.since(List.of(anna), before))
                .as("read-only: asking again gives the same")
                .hasSize(1);
        assertThat(queue.since(List.of(anna), NOON_MSK)).isEmpty();
        assertThat(poll()).hasSize(1);
    }
}
