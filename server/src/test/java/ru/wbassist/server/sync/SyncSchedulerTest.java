package ru.wbassist.server.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** db-scheduler over a real PostgreSQL: the cluster guarantees of the sync schedule. */
class SyncSchedulerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final SyncSettings SETTINGS = new SyncSettings(true, INTERVAL, Duration.ofMinutes(60), 3, 4,
            Duration.ofMillis(100));

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** One run: which server ran it, and when (ms since the test began). */
    record Run(String server, long startMillis, long endMillis) {
    }

    @Test
    void twoServersOnOnePostgresRunEachCabinetOncePerIntervalNeverTwiceAtOnce() throws Exception {
        Database db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        open.add(db);
        long t0 = System.nanoTime();
        Map<Long, List<Run>> runs = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        List<Long> cabinets = List.of(1L, 2L, 3L, 4L);
        SyncScheduler a = SyncScheduler.create(db.dataSource(), recorder("A", t0, runs, running, overlaps), SETTINGS, "A");
        SyncScheduler b = SyncScheduler.create(db.dataSource(), recorder("B", t0, runs, running, overlaps), SETTINGS, "B");
        open.add(a);
        open.add(b);

        a.start(cabinets);
        b.start(cabinets);
        Thread.sleep(6_500);
        a.close();
        b.close();

        assertThat(overlaps.get()).isZero();
        for (long cabinet : cabinets) {
            List<Run> ofCabinet = runs.get(cabinet).stream().sorted((x, y) -> Long.compare(x.startMillis(), y.startMillis()))
                    .toList();
            // a run takes 300 ms and the next starts an interval (1 s) after it ends: 4 or 5 runs in 6.5 s, none
            // skipped; a loaded machine (CI shares 2 cores) may delay a poll, hence 3 as the floor
            assertThat(ofCabinet).as("cabinet %d: %s", cabinet, ofCabinet).hasSizeBetween(3, 5);
            for (int i = 1; i < ofCabinet.size(); i++) {
                assertThat(ofCabinet.get(i).startMillis() - ofCabinet.get(i - 1).endMillis())
                        .as("gap before run %d of cabinet %d", i, cabinet).isGreaterThanOrEqualTo(INTERVAL.toMillis() - 50);
            }
        }
        // Which instance picks a run is up to db-scheduler (usually both take part); what must hold is above.
    }

    private static CabinetRunner recorder(String server, long t0, Map<Long, List<Run>> runs,
                                          Map<Long, AtomicInteger> running, AtomicInteger overlaps) {
        return cabinetId -> {
            AtomicInteger now = running.computeIfAbsent(cabinetId, id -> new AtomicInteger());
            if (now.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            long start = (System.nanoTime() - t0) / 1_000_000;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            runs.computeIfAbsent(cabinetId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Run(server, start, (System.nanoTime() - t0) / 1_000_000));
            return true;
        };
    }

    @Test
    void syncNowStartsAnIdleCabinetAndRefusesARunningOne() throws Exception {
        Database db = TestDatabases.fresh(DatabaseConfig.Vendor.POSTGRESQL);
        open.add(db);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runsOf7 = new AtomicInteger();
        SyncSettings hourly = new SyncSettings(true, Duration.ofHours(1), Duration.ofMinutes(60), 3, 2,
                Duration.ofMillis(100));
        SyncScheduler scheduler = SyncScheduler.create(db.dataSource(), cabinetId -> {
            if (cabinetId == 8) {
                return false;   // the cabinet is gone: its schedule row goes too
            }
            runsOf7.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }, hourly, "only");
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
        await().atMost(Duration.ofSeconds(5)).until(() -> trigger.state(8).nextRunAt() == null && !trigger.state(8).running());
    }
}
