package ru.wbassist.server.sync;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Cluster-safe scheduling with db-scheduler over the shared database: one task instance {@code cabinet-sync/<id>} per
 * cabinet, rescheduled {@code interval} after each run ends. db-scheduler picks an instance with an optimistic lock in
 * {@code scheduled_tasks}, so two servers never run one cabinet at once, and since the row always exists (it is only
 * moved forward, or revived when its server died) no cabinet is skipped.
 *
 * <p>With the sync disabled no scheduler runs here; {@link #trigger()} still writes the schedule, for any server
 * that does run one.
 */
public final class SyncScheduler implements AutoCloseable {

    static final String TASK = "cabinet-sync";
    private static final System.Logger LOG = System.getLogger(SyncScheduler.class.getName());

    private final CustomTask<Void> task;
    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final SyncTrigger trigger;

    private SyncScheduler(CustomTask<Void> task, SchedulerClient client, Scheduler scheduler) {
        this.task = task;
        this.client = client;
        this.scheduler = scheduler;
        this.trigger = new SyncTrigger(client, task);
    }

    /**
     * @param name this server's name in {@code scheduled_tasks.picked_by} (host name and process id when null, so two
     *             instances on one host are told apart)
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    public static SyncScheduler create(DataSource dataSource, CabinetRunner runner, SyncSettings settings, String name) {
        CustomTask<Void> task = task(runner, settings.interval());
        if (!settings.enabled()) {
            return new SyncScheduler(task, SchedulerClient.Builder.create(dataSource, task).build(), null);
        }
        var builder = Scheduler.create(dataSource, List.of(task))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                // a run cut short by shutdown or a kill stays picked; a live server revives it once its heartbeat is
                // stale: 4 missed beats of 5 s (4 is db-scheduler's minimum). With the default 6 × 5 min a killed
                // server's cabinets would wait half an hour.
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .enableImmediateExecution();
        builder.schedulerName(new SchedulerName.Fixed(name != null ? name
                : new SchedulerName.Hostname().getName() + "-" + ProcessHandle.current().pid()));
        return running(task, builder.build());
    }

    /** The task of one cabinet's sync: run it, then schedule the next run {@code interval} after this one ended. */
    static CustomTask<Void> task(CabinetRunner runner, Duration interval) {
        return Tasks.custom(TASK, Void.class)
                .onFailureReschedule(FixedDelay.of(interval))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    long cabinetId = Long.parseLong(instance.getId());
                    boolean keep = runner.run(cabinetId);
                    return keep ? reschedule(interval) : (complete, ops) -> ops.remove();
                });
    }

    /** Wraps a scheduler built around {@link #task}: tests pass db-scheduler's manual scheduler with a settable clock. */
    static SyncScheduler running(CustomTask<Void> task, Scheduler scheduler) {
        return new SyncScheduler(task, scheduler, scheduler);
    }

    private static CompletionHandler<Void> reschedule(Duration interval) {
        return (complete, ops) -> ops.reschedule(complete, complete.getTimeDone().plus(interval));
    }

    /** Starts the scheduler (when enabled) and makes sure every active cabinet has its task instance. */
    public void start(List<Long> activeCabinetIds) {
        Instant now = Instant.now();
        for (long id : activeCabinetIds) {
            client.scheduleIfNotExists(task.instance(String.valueOf(id)), now);
        }
        if (scheduler != null) {
            scheduler.start();
            LOG.log(Level.INFO, "sync scheduler started for {0} cabinets", activeCabinetIds.size());
        }
    }

    public SyncTrigger trigger() {
        return trigger;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
