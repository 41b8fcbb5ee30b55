package ru.wbassist.server.sync;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Cluster-safe scheduling with db-scheduler over the shared database: one task instance {@code cabinet-sync/<id>} per
 * cabinet, rescheduled {@code interval} after each run ends, and one {@code order-feed/<id>} per cabinet for the live
 * order poll, rescheduled when the poll says (about a minute later, or when WB's limit allows). db-scheduler picks an
 * instance with an optimistic lock in {@code scheduled_tasks}, so two servers never run one instance at once, and
 * since the row always exists (it is only moved forward, or revived when its server died) no cabinet is skipped.
 *
 * <p>With the sync disabled no scheduler runs here; {@link #trigger()} still writes the schedule, for any server
 * that does run one.
 */
public final class SyncScheduler implements AutoCloseable {

    static final String TASK = "cabinet-sync";
    static final String FEED_TASK = "order-feed";
    private static final System.Logger LOG = System.getLogger(SyncScheduler.class.getName());

    private final CustomTask<Void> task;
    private final CustomTask<Void> feedTask;
    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final SyncTrigger trigger;

    private SyncScheduler(
            CustomTask<Void> task, CustomTask<Void> feedTask, SchedulerClient client, Scheduler scheduler) {
        this.task = task;
        this.feedTask = feedTask;
        this.client = client;
        this.scheduler = scheduler;
        this.trigger = new SyncTrigger(client, task, feedTask);
    }

    /**
     * @param name this server's name in {@code scheduled_tasks.picked_by} (host name and process id when null, so two
     *             instances on one host are told apart)
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    public static SyncScheduler create(
            DataSource dataSource,
            CabinetRunner runner,
            FeedRunner feed,
            SyncSettings settings,
            FeedSettings feedSettings,
            String name) {
        CustomTask<Void> task = task(runner, settings.interval());
        CustomTask<Void> feedTask = feedTask(feed, feedSettings.interval());
        if (!settings.enabled()) {
            return new SyncScheduler(
                    task,
                    feedSettings.enabled() ? feedTask : null,
                    SchedulerClient.Builder.create(dataSource, task, feedTask).build(),
                    null);
        }
        var builder = Scheduler.create(dataSource, feedSettings.enabled() ? List.of(task, feedTask) : List.of(task))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                // a run cut short by shutdown or a kill stays picked; a live server revives it once its heartbeat is
                // stale: 4 missed beats of 5 s (4 is db-scheduler's minimum). With the default 6 × 5 min a killed
                // server's cabinets would wait half an hour.
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .enableImmediateExecution();
        builder.schedulerName(new SchedulerName.Fixed(
                name != null
                        ? name
                        : new SchedulerName.Hostname().getName() + "-"
                                + ProcessHandle.current().pid()));
        Scheduler scheduler = builder.build();
        return new SyncScheduler(task, feedSettings.enabled() ? feedTask : null, scheduler, scheduler);
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

    /**
     * The task of one cabinet's live order poll: poll, then schedule the next poll when the poll says (removed when
     * the cabinet is gone); after a failure, {@code failureDelay} later.
     */
    static CustomTask<Void> feedTask(FeedRunner feed, Duration failureDelay) {
        return Tasks.custom(FEED_TASK, Void.class)
                .onFailureReschedule(FixedDelay.of(failureDelay))
                .onDeadExecutionRevive()
                .execute((instance, context) -> feed.poll(Long.parseLong(instance.getId()))
                        .<CompletionHandler<Void>>map(next -> (complete, ops) -> ops.reschedule(complete, next))
                        .orElse((complete, ops) -> ops.remove()));
    }

    /**
     * Wraps a scheduler built around {@link #task} and {@link #feedTask} (null: no live poll): tests pass
     * db-scheduler's manual scheduler with a settable clock.
     */
    static SyncScheduler running(CustomTask<Void> task, CustomTask<Void> feedTask, Scheduler scheduler) {
        return new SyncScheduler(task, feedTask, scheduler, scheduler);
    }

    private static CompletionHandler<Void> reschedule(Duration interval) {
        return (complete, ops) ->
                ops.reschedule(complete, complete.getTimeDone().plus(interval));
    }

    /** Starts the scheduler (when enabled) and makes sure every active cabinet has its task instances. */
    public void start(List<Long> activeCabinetIds) {
        Instant now = Instant.now();
        for (long id : activeCabinetIds) {
            client.scheduleIfNotExists(task.instance(String.valueOf(id)), now);
            if (feedTask != null) {
                client.scheduleIfNotExists(feedTask.instance(String.valueOf(id)), now);
            }
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
