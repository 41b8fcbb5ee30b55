package ru.wbassist.server.sync;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts a cabinet's sync now (the bot's and the admin's "sync now", and a newly connected cabinet): its schedule row
 * is moved to now, and whichever server's scheduler picks it first runs it.
 */
public final class SyncTrigger {

    /** What {@link #start} did. */
    public enum Result {
        STARTED,
        ALREADY_RUNNING
    }

    /** A cabinet's place in the schedule: running now, and when it runs next (null while running or unscheduled). */
    public record State(boolean running, Instant nextRunAt) {}

    private final SchedulerClient client;
    private final CustomTask<Void> task;
    private final CustomTask<Void> feedTask;

    /** @param feedTask the live order poll's task, or null when this server runs none */
    SyncTrigger(SchedulerClient client, CustomTask<Void> task, CustomTask<Void> feedTask) {
        this.client = client;
        this.task = task;
        this.feedTask = feedTask;
    }

    /**
     * Runs the cabinet's sync as soon as a scheduler can, unless it is running right now; a cabinet without a live
     * order poll gets one (a newly connected cabinet).
     */
    public Result start(long cabinetId) {
        if (feedTask != null) {
            client.scheduleIfNotExists(feedTask.instance(String.valueOf(cabinetId)), Instant.now());
        }
        TaskInstanceId id = TaskInstanceId.of(SyncScheduler.TASK, String.valueOf(cabinetId));
        Optional<ScheduledExecution<Object>> current = client.getScheduledExecution(id);
        if (current.isEmpty()) {
            return client.scheduleIfNotExists(task.instance(String.valueOf(cabinetId)), Instant.now())
                    ? Result.STARTED
                    : start(cabinetId);
        }
        if (current.get().isPicked()) {
            return Result.ALREADY_RUNNING;
        }
        try {
            client.reschedule(id, Instant.now());
            return Result.STARTED;
        } catch (RuntimeException pickedMeanwhile) {
            // db-scheduler refuses to move an execution a scheduler has just picked: it is running
            return Result.ALREADY_RUNNING;
        }
    }

    public State state(long cabinetId) {
        return client.getScheduledExecution(TaskInstanceId.of(SyncScheduler.TASK, String.valueOf(cabinetId)))
                .map(e -> new State(e.isPicked(), e.isPicked() ? null : e.getExecutionTime()))
                .orElse(new State(false, null));
    }
}
