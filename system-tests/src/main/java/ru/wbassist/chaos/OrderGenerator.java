package ru.wbassist.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted marketplace activity on top of the sandbox's live ticker, so that the run has a known, steady flow of
 * events whatever the Moscow hour: random orders through the sandbox control routes, and a cancellation of every fifth
 * one. Stopping it is "stopping the generator" (the live ticker stops with the sandbox).
 */
final class OrderGenerator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OrderGenerator.class.getName());

    private final Http http;
    private final String sandbox;
    private final List<String> sellers;
    private final Duration pause;
    private final Random random;
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger canceled = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param perSellerPerSecond orders per second per seller; keep it under half of Telegram's one message per second
     *                           per chat, since every order reaches each user of the cabinet
     */
    OrderGenerator(Http http, String sandboxUrl, List<String> sellerIds, double perSellerPerSecond, long seed) {
        this.http = http;
        this.sandbox = sandboxUrl;
        this.sellers = List.copyOf(sellerIds);
        this.pause = Duration.ofNanos((long) (1e9 / (perSellerPerSecond * sellers.size())));
        this.random = new Random(seed);
        this.thread = Thread.ofPlatform().name("chaos-order-generator").daemon().start(this::generate);
    }

    int placed() {
        return placed.get();
    }

    int canceled() {
        return canceled.get();
    }

    private void generate() {
        List<String[]> toCancel = new ArrayList<>();
        while (running) {
            try {
                Thread.sleep(pause);
                String sid = sellers.get(random.nextInt(sellers.size()));
                Http.Reply order = http.post(sandbox + "/sandbox/sellers/" + sid + "/orders", Map.of(), Map.of());
                if (order.status() != 201) {
                    continue;
                }
                if (placed.incrementAndGet() % 5 == 0) {
                    toCancel.add(new String[] {sid, order.body().path("srid").asText()});
                }
                if (toCancel.size() > 3) {
                    String[] victim = toCancel.removeFirst();
                    if (http.post(
                                            sandbox + "/sandbox/sellers/" + victim[0] + "/orders/" + victim[1]
                                                    + "/cancel",
                                            Map.of(),
                                            Map.of())
                                    .status()
                            == 200) {
                        canceled.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "the sandbox did not take an order: {0}", e.getMessage());
            }
        }
    }

    /** Stops generating; returns when no request of it is on the wire any more. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(35));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
