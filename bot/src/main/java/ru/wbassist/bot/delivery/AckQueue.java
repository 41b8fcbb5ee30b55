package ru.wbassist.bot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;

/**
 * Reports outcomes to the server as soon as they happen: whatever has piled up while the previous ack was on the
 * wire goes in one request. An ack the server did not take is retried until it is (the outcome is only in memory
 * until then: this is the bot's duplicate window, see docs/bot.md).
 */
final class AckQueue implements Runnable {

    private static final System.Logger LOG = System.getLogger(AckQueue.class.getName());
    private static final int MAX_BATCH = 500;

    private sealed interface Outcome permits Delivered, Failed {
        long id();
    }

    private record Delivered(Notifications.Delivered ack) implements Outcome {
        public long id() {
            return ack.id();
        }
    }

    private record Failed(Notifications.Failed ack) implements Outcome {
        public long id() {
            return ack.id();
        }
    }

    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final ServerClient server;
    /** Told the ids of deliveries the server has taken. */
    private final Consumer<List<Long>> acked;

    private final Duration maxPause;
    private volatile boolean finishing;

    AckQueue(ServerClient server, Consumer<List<Long>> acked, Duration maxPause) {
        this.server = server;
        this.acked = acked;
        this.maxPause = maxPause;
    }

    void delivered(long id, Instant sentAt) {
        outcomes.add(new Delivered(new Notifications.Delivered(id, sentAt)));
    }

    void failed(long id, String error, boolean permanent) {
        outcomes.add(new Failed(new Notifications.Failed(id, error, permanent)));
    }

    /** After {@link #finish}, the loop ends once everything queued is acked. */
    @Override
    public void run() {
        List<Outcome> batch = new ArrayList<>();
        long pauseMillis = 200;
        try {
            while (!finishing || !batch.isEmpty() || !outcomes.isEmpty()) {
                if (batch.isEmpty()) {
                    Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                outcomes.drainTo(batch, MAX_BATCH - batch.size());
                try {
                    server.ack(toAck(batch));
                    acked.accept(batch.stream()
                            .filter(Delivered.class::isInstance)
                            .map(Outcome::id)
                            .toList());
                    batch.clear();
                    pauseMillis = 200;
                } catch (ServerException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "ack of {0} outcomes failed, retrying: {1}",
                            batch.size(),
                            e.getMessage());
                    Thread.sleep(pauseMillis);
                    pauseMillis = Math.min(pauseMillis * 2, maxPause.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful stop: no more outcomes will come; ack the rest and end. */
    void finish() {
        finishing = true;
    }

    private static Notifications.Ack toAck(List<Outcome> batch) {
        List<Notifications.Delivered> delivered = new ArrayList<>();
        List<Notifications.Failed> failed = new ArrayList<>();
        for (Outcome outcome : batch) {
            switch (outcome) {
                case Delivered d -> delivered.add(d.ack());
                case Failed f -> failed.add(f.ack());
            }
        }
        return new Notifications.Ack(delivered, failed);
    }
}
