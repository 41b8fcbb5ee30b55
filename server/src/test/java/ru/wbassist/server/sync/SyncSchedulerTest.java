package ru.wbassist.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.TestDatabases;

/** db-scheduler over a real PostgreSQL: the cluster guarantees of the sync schedule. */
class SyncSchedulerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final List<Long> CABINETS = List.of(1L, 2L, 3L, 4L);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /**
     * Two servers' schedulers on one PostgreSQL and one settable clock: each interval, both look for due cabinets at
     * the same moment, and every cabinet runs exactly once between them (none skipped, none run twice or at once).
     */
    @Test
    void twoServersOnOnePostgresRunEachCabinetOncePerIntervalNeverTwiceAtOnce() throws Exception {
        Database db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        open.add(db);
        SettableClock clock = new SettableClock();
        Map<Long, List<String>> runs = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        ManualScheduler a = manual(db, clock, "A", recorder("A", runs, running, overlaps), null);
        ManualScheduler b = manual(db, clock, "B", recorder("B", runs, running, overlaps), null);

        for (int round = 1; round <= 5; round++) {
            clock.tick(INTERVAL);
            CompletableFuture<Void> onA = CompletableFuture.runAsync(a::runAnyDueExecutions);
            CompletableFuture<Void> onB = CompletableFuture.runAsync(b::runAnyDueExecutions);
            CompletableFuture.allOf(onA, onB).get(30, TimeUnit.SECONDS);

            for (long cabinet : CABINETS) {
                assertThat(runs.get(cabinet))
                        .as("runs of cabinet %d after round %d", cabinet, round)
                        .hasSize(round);
            }
        }
        assertThat(overlaps.get()).isZero();
        // Which instance picks a run is up to db-scheduler; what must hold is above.
    }

    @Test
    void twoServersPollEachCabinetsFeedOncePerIntervalNeverTwiceAtOnce() throws Exception {
        Database db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        open.add(db);
        SettableClock clock = new SettableClock();
        Map<Long, List<String>> polls = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CabinetRunner syncIdle = cabinetId -> true;
        ManualScheduler a = manual(db, clock, "A", syncIdle, feedRecorder("A", clock, polls, running, overlaps));
        ManualScheduler b = manual(db, clock, "B", syncIdle, feedRecorder("B", clock, polls, running, overlaps));

        for (int round = 1; round <= 5; round++) {
            clock.tick(INTERVAL);
            CompletableFuture<Void> onA = CompletableFuture.runAsync(a::runAnyDueExecutions);
            CompletableFuture<Void> onB = CompletableFuture.runAsync(b::runAnyDueExecutions);
            CompletableFuture.allOf(onA, onB).get(30, TimeUnit.SECONDS);

            for (long cabinet : CABINETS) {
                assertThat(polls.get(cabinet))
                        .as("feed polls of cabinet %d after round %d", cabinet, round)
                        .hasSize(round);
            }
        }
        assertThat(overlaps.get()).isZero();
    }

    /** A live poll that records itself and asks to be polled again an interval later (on the fake clock). */
    private static FeedRunner feedRecorder(
            String server,
            SettableClock clock,
            Map<Long, List<String>> polls,
            Map<Long, AtomicInteger> running,
            AtomicInteger overlaps) {
        CabinetRunner record = recorder(server, polls, running, overlaps);
        return cabinetId -> record.run(cabinetId) ? Optional.of(clock.now().plus(INTERVAL)) : Optional.empty();
    }

    /**
     * A server's scheduler on the fake clock, with this cabinet runner (and live poll, when not null), after
     * {@link SyncScheduler#start}.
     */
    private ManualScheduler manual(
            Database db, SettableClock clock, String name, CabinetRunner runner, FeedRunner feed) {
        var task = SyncScheduler.task(runner, INTERVAL);
        var feedTask = feed == null ? null : SyncScheduler.feedTask(feed, INTERVAL);
        TestHelper.ManualSchedulerBuilder builder = (feedTask == null
                        ? TestHelper.createManualScheduler(db.dataSource(), task)
                        : TestHelper.createManualScheduler(db.dataSource(), task, feedTask))
                .clock(clock);
        builder.schedulerName(new SchedulerName.Fixed(name));
        ManualScheduler scheduler = builder.build();
        SyncScheduler sync = SyncScheduler.running(task, feedTask, scheduler);
        open.add(sync);
        sync.start(CABINETS);
        return scheduler;
    }

    private static CabinetRunner recorder(
            String server, Map<Long, List<String>> runs, Map<Long, AtomicInteger> running, AtomicInteger overlaps) {
        return cabinetId -> {
            AtomicInteger now = running.computeIfAbsent(cabinetId, id -> new AtomicInteger());
            if (now.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.computeIfAbsent(cabinetId, id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(server);
            now.decrementAndGet();
            return true;
        };
    }

    @Test
    void syncNowStartsAnIdleCabinetAndRefusesARunningOne() throws Exception {
        Database db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        open.add(db);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runsOf7 = new AtomicInteger();
        SyncSettings hourly =
                new SyncSettings(true, Duration.ofHours(1), Duration.ofMinutes(60), 3, 2, Duration.ofMillis(100));
        SyncScheduler scheduler = SyncScheduler.create(
                db.dataSource(),
                cabinetId -> {
                    if (cabinetId == 8) {
                        return false; // the cabinet is gone: its schedule row goes too
                    }
                    runsOf7.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                },
                cabinetId -> Optional.empty(),
                hourly,
                new FeedSettings(false, Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(15)),
                "only");
        open.add(scheduler);
        scheduler.start(List.of());
        SyncTrigger trigger = scheduler.trigger();

        assertThat(trigger.start(7)).isEqualTo(SyncTrigger.Result.STARTED);
        await().atMost(Duration.ofSeconds(5)).until(() -> trigger.state(7).running());
        assertThat(trigger.start(7)).isEqualTo(SyncTrigger.Result.ALREADY_RUNNING);
        assertThat(trigger.state(7).nextRunAt()).isNull();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !trigger.state(7).running());
        assertThat(trigger.state(7).nextRunAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(runsOf7.get()).isEqualTo(1);

        // started again by hand: it runs now, not in an hour
        assertThat(trigger.start(7)).isEqualTo(SyncTrigger.Result.STARTED);
        await().atMost(Duration.ofSeconds(5)).until(() -> runsOf7.get() == 2);

        assertThat(trigger.start(8)).isEqualTo(SyncTrigger.Result.STARTED);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> trigger.state(8).nextRunAt() == null
                        && !trigger.state(8).running());
    }
}
