package ru.wbassist.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.Notifications;

/** The scheduler against a fake clock: what it lets start, and when. */
class FairSchedulerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long RETAIN = 300 * MS;

    /** Starts below zero, as System.nanoTime may. */
    private final AtomicLong clock = new AtomicLong(-5 * SECOND);

    private long nextId = 1;

    @Test
    void chatsAreServedRoundRobinWithOneMessageInFlightPerChat() {
        FairScheduler scheduler = scheduler(1000, 0, 100);
        Notifications.Item a1 = item(1);
        Notifications.Item a2 = item(1);
        Notifications.Item a3 = item(1);
        Notifications.Item b1 = item(2);
        Notifications.Item c1 = item(3);
        List.of(a1, a2, a3, b1, c1).forEach(scheduler::offer);

        List<Notifications.Item> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            advance(MS);
            taken.add(scheduler.poll());
        }
        // chat 1's burst came first, yet chats 2 and 3 get their turn before chat 1's second message
        assertThat(taken).containsExactly(a1, b1, c1);
        advance(MS);
        assertThat(scheduler.poll())
                .as("chat 1's first send is still on the wire")
                .isNull();

        scheduler.sent(1);
        assertThat(scheduler.poll()).isEqualTo(a2);
        assertThat(scheduler.queued()).isEqualTo(1);
    }

    @Test
    void aChatsNextSendStartsOneIntervalAfterThePreviousStartNotAfterItsCompletion() {
        FairScheduler scheduler = scheduler(1000, SECOND, 100);
        Notifications.Item first = item(1);
        Notifications.Item second = item(1);
        Notifications.Item third = item(1);
        List.of(first, second, third).forEach(scheduler::offer);

        assertThat(scheduler.poll()).isEqualTo(first);
        advance(400 * MS);
        scheduler.sent(1);
        advance(599 * MS);
        assertThat(scheduler.poll()).as("999 ms after the previous start").isNull();
        advance(MS);
        assertThat(scheduler.poll())
                .as("1 s after the previous start, 600 ms after its completion")
                .isEqualTo(second);

        // a round trip longer than the interval: the chat waits for it, then goes at once
        advance(1500 * MS);
        assertThat(scheduler.poll())
                .as("the previous send is still on the wire")
                .isNull();
        scheduler.sent(1);
        assertThat(scheduler.poll()).isEqualTo(third);
    }

    @Test
    void theGlobalRateHoldsThroughLateWakeUpsAndIsNeverExceededInAnySecond() {
        FairScheduler scheduler = scheduler(29, 0, 100);
        for (long chat = 1; chat <= 400; chat++) {
            scheduler.offer(item(chat));
        }
        List<Long> starts = new ArrayList<>();
        long begin = clock.get();
        // the dispatcher looks every millisecond, but after every 20th send it stalls for 80 ms (2.3 slots): a busy
        // CPU, a GC pause. Catching up the missed slots then would put 31 starts in some second, were it not capped
        while (scheduler.queued() > 0) {
            Notifications.Item item = scheduler.poll();
            if (item != null) {
                starts.add(clock.get() - begin);
                scheduler.sent(item.telegramId());
                if (starts.size() % 20 == 0) {
                    advance(80 * MS);
                }
            } else {
                advance(MS);
            }
        }

        assertThat(maxStartsInAnySecond(starts))
                .as("starts in any one-second window")
                .isLessThanOrEqualTo(30);
        // 400 starts at 29/s span 399 slots of 1/29 s (13.76 s), plus at most a millisecond of lateness; a scheduler
        // that lost the slots a stall missed would need 20 stalls × 2 slots (1.4 s) more
        assertThat(starts.getLast()).isLessThanOrEqualTo(399 * SECOND / 29 + MS);
    }

    @Test
    void aShortStallIsCaughtUpAndALongerGapRestartsTheGrid() {
        FairScheduler scheduler = scheduler(10, 0, 100);
        for (long chat = 1; chat <= 10; chat++) {
            scheduler.offer(item(chat));
        }
        assertThat(scheduler.poll()).isNotNull();
        advance(250 * MS);
        assertThat(List.of(scheduler.poll(), scheduler.poll()))
                .as("the slots at 100 and 200 ms")
                .doesNotContainNull();
        assertThat(scheduler.poll()).isNull();
        advance(50 * MS);
        assertThat(scheduler.poll()).as("the slot at 300 ms").isNotNull();

        advance(450 * MS);
        assertThat(scheduler.poll()).isNotNull();
        assertThat(scheduler.poll())
                .as("3.5 slots late: the grid restarts here")
                .isNull();
        advance(99 * MS);
        assertThat(scheduler.poll()).isNull();
        advance(MS);
        assertThat(scheduler.poll()).isNotNull();
    }

    @Test
    void slowRoundTripsDoNotStretchTheCycleOfChatsLimitedByThePerChatInterval() {
        // 20 chats at 29/s: each chat's interval, not the global rate, is what limits them
        FairScheduler scheduler = scheduler(29, SECOND, 100);
        for (int round = 0; round < 5; round++) {
            for (long chat = 1; chat <= 20; chat++) {
                scheduler.offer(item(chat));
            }
        }
        long begin = clock.get();
        Map<Long, List<Long>> startsPerChat = new HashMap<>();
        List<Long> starts = new ArrayList<>();
        // each send's answer takes 300 ms; completions are (time, chat)
        PriorityQueue<long[]> onTheWire = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        while (starts.size() < 100) {
            while (!onTheWire.isEmpty() && onTheWire.peek()[0] <= clock.get()) {
                scheduler.sent(onTheWire.poll()[1]);
            }
            Notifications.Item item = scheduler.poll();
            if (item == null) {
                advance(MS);
                continue;
            }
            long at = clock.get() - begin;
            starts.add(at);
            startsPerChat
                    .computeIfAbsent(item.telegramId(), chat -> new ArrayList<>())
                    .add(at);
            onTheWire.add(new long[] {clock.get() + 300 * MS, item.telegramId()});
        }

        startsPerChat.forEach((chat, times) -> {
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i) - times.get(i - 1))
                        .as("chat %d, starts %d and %d", chat, i - 1, i)
                        .isGreaterThanOrEqualTo(SECOND);
            }
        });
        assertThat(maxStartsInAnySecond(starts)).isLessThanOrEqualTo(30);
        // the first round takes 19 slots (0.66 s), then each chat goes again every 1 s: the last start is at 4.66 s.
        // Counting the interval from completions would make it every 1.3 s, the last start at 5.9 s.
        assertThat(starts.getLast()).isLessThan(4_700 * MS);
    }

    @Test
    void aDeliveredIdIsRefusedForAWhileAfterItsAck() {
        FairScheduler scheduler = scheduler(1000, 0, 100);
        Notifications.Item item = item(1);

        assertThat(scheduler.offer(item)).isTrue();
        scheduler.poll();
        assertThat(scheduler.offer(item))
                .as("handed out again while on the wire")
                .isFalse();

        scheduler.sent(1);
        scheduler.delivered(List.of(item.id()));
        assertThat(scheduler.offer(item))
                .as("a claim that leased it just before the ack answered late")
                .isFalse();

        advance(RETAIN);
        assertThat(scheduler.offer(item)).isTrue();
    }

    @Test
    void aChatHoldsAtMostALeasesWorth() {
        FairScheduler scheduler = scheduler(1000, 0, 2);
        assertThat(scheduler.offer(item(1))).isTrue();
        assertThat(scheduler.offer(item(1))).isTrue();
        Notifications.Item third = item(1);
        assertThat(scheduler.offer(third))
                .as("left to come back from the server later")
                .isFalse();
        assertThat(scheduler.offer(item(2))).isTrue();

        scheduler.poll();
        assertThat(scheduler.offer(third)).isTrue();
    }

    @Test
    void aFailedIdMayComeBackAtOnceForItsRetry() {
        FairScheduler scheduler = scheduler(1000, 0, 100);
        Notifications.Item item = item(1);
        scheduler.offer(item);
        scheduler.poll();
        scheduler.sent(1);

        scheduler.release(item.id());
        assertThat(scheduler.offer(item)).isTrue();
    }

    @Test
    void retryLaterPutsTheItemBackAtTheHeadOfItsChatForRetryAfter() {
        FairScheduler scheduler = scheduler(1000, SECOND, 100);
        Notifications.Item first = item(1);
        Notifications.Item second = item(1);
        scheduler.offer(first);
        scheduler.offer(second);

        Notifications.Item taken = scheduler.poll();
        advance(100 * MS);
        scheduler.retryLater(taken, 3 * SECOND);

        advance(3 * SECOND - MS);
        assertThat(scheduler.poll())
                .as("retry_after counts from the 429 answer")
                .isNull();
        advance(MS);
        assertThat(scheduler.poll()).isEqualTo(first);
        assertThat(scheduler.drain(1)).containsExactly(second);
    }

    @Test
    void takeWaitsForTheNextSlotOnTheRealClock() throws Exception {
        long start = System.nanoTime();
        FairScheduler scheduler = new FairScheduler(20, 0, RETAIN, 100, System::nanoTime);
        for (long chat = 1; chat <= 11; chat++) {
            scheduler.offer(item(chat));
        }
        for (int i = 0; i < 11; i++) {
            scheduler.take();
        }
        // 11 sends at 20/s: the first at once, then 10 slots of 50 ms
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(500 * MS);
    }

    private FairScheduler scheduler(double rate, long perChatIntervalNanos, int perChatLimit) {
        return new FairScheduler(rate, perChatIntervalNanos, RETAIN, perChatLimit, clock::get);
    }

    private void advance(long nanos) {
        clock.addAndGet(nanos);
    }

    private static int maxStartsInAnySecond(List<Long> sortedStarts) {
        int max = 0;
        int from = 0;
        for (int to = 0; to < sortedStarts.size(); to++) {
            while (sortedStarts.get(to) - sortedStarts.get(from) >= SECOND) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    private Notifications.Item item(long chat) {
        return new Notifications.Item(
                nextId++, chat, 5L, "new_order", "text", null, null, 0, 1, null, null, null, "ru");
    }
}
