package ru.wbassist.bot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import ru.wbassist.api.Notifications;
import ru.wbassist.bot.chart.SalesChart;
import ru.wbassist.bot.command.MuteCommand;
import ru.wbassist.bot.command.ReplyFlow;
import ru.wbassist.bot.server.ServerClient;
import ru.wbassist.bot.server.ServerException;
import ru.wbassist.bot.telegram.Messenger;
import ru.wbassist.bot.telegram.TelegramFailure;

/**
 * Delivers the server's notifications to Telegram without losing or flooding: claim (lease) → {@link FairScheduler}
 * → send on a virtual thread → ack right after Telegram answered (403 fails the chat permanently, 429 waits
 * retry_after, other errors go back to the server's retries). Nothing is acked before Telegram accepted it, and each
 * delivery is journaled before its ack, so a crash loses nothing and resends at most what was on the wire
 * (docs/bot.md, "Guarantees").
 */
public final class DeliveryEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeliveryEngine.class.getName());

    private final ServerClient server;
    private final Messenger messenger;
    private final DeliveryOptions options;
    private final FairScheduler scheduler;
    private final AckQueue acks;
    private final DeliveryJournal journal;
    private final Semaphore inFlight;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final LongAdder sent = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder retriedAfterFailure = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final AtomicInteger sending = new AtomicInteger();
    private volatile boolean running;
    private Thread claimer;
    private Thread dispatcher;
    private Thread acker;

    public DeliveryEngine(ServerClient server, Messenger messenger, DeliveryOptions options) {
        this.server = server;
        this.messenger = messenger;
        this.options = options;
        // a claim is on the wire for at most its wait plus the client's timeout: remember deliveries longer than that
        Duration retainDelivered = options.longPollWait().plus(options.lease()).plus(Duration.ofSeconds(30));
        int perChatLimit = (int) Math.max(
                1,
                options.lease().toMillis()
                        / Math.max(1, options.perChatInterval().toMillis()));
        this.scheduler = new FairScheduler(
                options.ratePerSecond(),
                options.perChatInterval().toNanos(),
                retainDelivered.toNanos(),
                perChatLimit,
                System::nanoTime);
        this.journal = options.journal() == null ? null : DeliveryJournal.open(options.journal());
        this.acks = new AckQueue(server, this::acked, options.retryPause());
        this.inFlight = new Semaphore(options.maxInFlight());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (journal != null && !journal.recovered().isEmpty()) {
            // Telegram accepted these before the last run ended; ack them instead of sending them again
            LOG.log(
                    System.Logger.Level.INFO,
                    "acking {0} deliveries the last run recorded but may not have acked",
                    journal.recovered().size());
            scheduler.delivered(journal.recovered().stream()
                    .map(Notifications.Delivered::id)
                    .toList());
            journal.recovered().forEach(entry -> acks.delivered(entry.id(), entry.sentAt()));
        }
        acker = Thread.ofPlatform().name("delivery-ack").daemon().start(acks);
        dispatcher = Thread.ofPlatform().name("delivery-dispatch").daemon().start(this::dispatchLoop);
        claimer = Thread.ofPlatform().name("delivery-claim").daemon().start(this::claimLoop);
    }

    /** 429 answers Telegram gave (each one waited out and the message sent again). */
    public long rateLimitedCount() {
        return rateLimited.sum();
    }

    /** The engine's figures now, for the bot's metrics endpoint. */
    public DeliveryStats stats() {
        return new DeliveryStats(
                sent.sum(),
                rateLimited.sum(),
                retriedAfterFailure.sum(),
                givenUp.sum(),
                sending.get(),
                scheduler.queued(),
                journal == null ? 0 : journal.size());
    }

    /**
     * Stops claiming and sending; sends on the wire finish and their outcomes are acked. Items still queued here are
     * dropped unacked, exactly as a killed process leaves them: the server hands them out again when their lease
     * ends, so the next run delivers them.
     */
    @Override
    public synchronized void close() {
        if (!running) {
            closeJournal();
            return;
        }
        running = false;
        claimer.interrupt();
        dispatcher.interrupt();
        join(claimer);
        join(dispatcher);
        senders.shutdown();
        try {
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "sends still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acks.finish();
        try {
            acker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acker.interrupt();
        closeJournal();
    }

    private void closeJournal() {
        if (journal != null) {
            journal.close();
        }
    }

    private void claimLoop() {
        long pauseMillis = 1000;
        while (running) {
            try {
                int room = options.maxQueued() - scheduler.queued();
                if (room <= 0) {
                    Thread.sleep(200);
                    continue;
                }
                // wait long on the server only when idle; with a backlog, look for new items about once a second
                Duration wait = scheduler.queued() == 0 ? options.longPollWait() : Duration.ofSeconds(1);
                List<Notifications.Item> items =
                        server.pending(Math.min(room, options.claimBatch()), wait, options.lease());
                items.forEach(scheduler::offer);
                pauseMillis = 1000;
            } catch (ServerException e) {
                if (!running) {
                    return;
                }
                LOG.log(
                        System.Logger.Level.WARNING,
                        "claiming notifications failed, retrying in {0} ms: {1}",
                        pauseMillis,
                        e.getMessage());
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pauseMillis = Math.min(pauseMillis * 2, options.retryPause().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatchLoop() {
        while (running) {
            try {
                inFlight.acquire();
                Notifications.Item item;
                try {
                    item = scheduler.take();
                } catch (InterruptedException e) {
                    inFlight.release();
                    return;
                }
                senders.execute(() -> {
                    sending.incrementAndGet();
                    try {
                        deliver(item);
                    } finally {
                        sending.decrementAndGet();
                        inFlight.release();
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void deliver(Notifications.Item item) {
        try {
            send(item);
            sent.increment();
            Instant sentAt = Instant.now();
            if (journal != null) {
                journal.sent(item.id(), sentAt);
            }
            acks.delivered(item.id(), sentAt);
            scheduler.sent(item.telegramId());
        } catch (TelegramFailure failure) {
            onFailure(item, failure);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "notification " + item.id() + " could not be sent", e);
            failed(item, "bot error: " + e.getClass().getSimpleName(), false);
            scheduler.sent(item.telegramId());
        }
    }

    /** A review or question carries "Ответить", a stock alert "Не уведомлять об этом товаре"; others none. */
    private static InlineKeyboardMarkup keyboard(Notifications.Item item) {
        InlineKeyboardMarkup reply = ReplyFlow.notificationKeyboard(item);
        return reply != null ? reply : MuteCommand.button(item);
    }

    /**
     * A chart drawn here and uploaded with the text as its caption when the item has one (the daily digest); a photo
     * card when it has an image; its text alone when Telegram cannot fetch the photo (or refuses the caption, which the
     * server keeps within 1024 characters, so only a server bug gets here).
     */
    private void send(Notifications.Item item) {
        if (item.chart() != null) {
            try {
                messenger.sendPhotoUpload(
                        item.telegramId(),
                        SalesChart.png(item.chart()),
                        "chart-" + item.id() + ".png",
                        item.text(),
                        null);
                return;
            } catch (TelegramFailure failure) {
                if (!failure.isCaptionTooLong()) {
                    throw failure;
                }
                LOG.log(
                        System.Logger.Level.INFO,
                        "chart of notification {0} refused ({1}); sending text",
                        item.id(),
                        failure.description());
            }
        } else if (item.imageUrl() != null && !item.imageUrl().isBlank()) {
            try {
                messenger.sendPhotoUrl(item.telegramId(), item.imageUrl(), item.text(), keyboard(item));
                return;
            } catch (TelegramFailure failure) {
                if (!failure.isPhotoUnavailable() && !failure.isCaptionTooLong()) {
                    throw failure;
                }
                LOG.log(
                        System.Logger.Level.INFO,
                        "photo card of notification {0} refused ({1}); sending text",
                        item.id(),
                        failure.description());
            }
        }
        messenger.sendText(item.telegramId(), item.text(), keyboard(item));
    }

    private void onFailure(Notifications.Item item, TelegramFailure failure) {
        if (failure.isTooManyRequests()) {
            rateLimited.increment();
            int seconds = failure.retryAfterSeconds() == null ? 1 : failure.retryAfterSeconds();
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Telegram asked to wait {0} s before writing to a chat again",
                    seconds);
            scheduler.retryLater(item, TimeUnit.SECONDS.toNanos(seconds));
        } else if (failure.isBlocked()) {
            reportBlocked(item.telegramId());
            failed(item, failure.description(), true);
            scheduler.drain(item.telegramId()).forEach(other -> failed(other, failure.description(), true));
            scheduler.sent(item.telegramId());
        } else {
            LOG.log(System.Logger.Level.WARNING, "notification {0} failed: {1}", item.id(), failure.description());
            failed(item, failure.description(), false);
            scheduler.sent(item.telegramId());
        }
    }

    /** The server took these delivery acks. */
    private void acked(List<Long> ids) {
        scheduler.delivered(ids);
        if (journal != null) {
            journal.acked(ids);
        }
    }

    /**
     * Reports a failure. Unlike a delivery, a failed item may be handed out again as soon as the server has the ack
     * (that is its retry), so it is released here at once.
     */
    private void failed(Notifications.Item item, String error, boolean permanent) {
        (permanent ? givenUp : retriedAfterFailure).increment();
        scheduler.release(item.id());
        acks.failed(item.id(), error, permanent);
    }

    private void reportBlocked(long telegramId) {
        try {
            server.markBlocked(telegramId);
        } catch (ServerException e) {
            // the permanent failure ack still stops retries; the next 403 reports the block again
            LOG.log(System.Logger.Level.WARNING, "could not report a blocked user: {0}", e.getMessage());
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
