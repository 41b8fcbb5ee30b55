package ru.wbassist.bot.delivery;

import org.junit.jupiter.api.Test;
import ru.wbassist.bot.server.Dto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FairSchedulerTest {

    private static final long RETAIN = TimeUnit.MILLISECONDS.toNanos(300);

    private long nextId = 1;

    @Test
    void chatsAreServedRoundRobinWithOneMessageInFlightPerChat() throws Exception {
        FairScheduler scheduler = new FairScheduler(1000, 0, RETAIN, 100);
        Dto.Notification a1 = item(1);
        Dto.Notification a2 = item(1);
        Dto.Notification a3 = item(1);
        Dto.Notification b1 = item(2);
        Dto.Notification c1 = item(3);
        List.of(a1, a2, a3, b1, c1).forEach(scheduler::offer);

        List<Dto.Notification> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(scheduler.take());
        }
        // chat 1's burst came first, yet chats 2 and 3 get their turn before chat 1's second message
        assertThat(taken).containsExactly(a1, b1, c1);

        scheduler.sent(1);
        assertThat(scheduler.take()).isEqualTo(a2);
        assertThat(scheduler.queued()).isEqualTo(1);
    }

    @Test
    void aChatWaitsThePerChatIntervalAfterItsSendCompleted() throws Exception {
        FairScheduler scheduler = new FairScheduler(1000, TimeUnit.MILLISECONDS.toNanos(300), RETAIN, 100);
        scheduler.offer(item(1));
        scheduler.offer(item(1));
        scheduler.take();
        long completed = System.nanoTime();
        scheduler.sent(1);

        scheduler.take();
        assertThat(System.nanoTime() - completed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void theGlobalRateSpacesSendsAcrossChats() throws Exception {
        FairScheduler scheduler = new FairScheduler(20, 0, RETAIN, 100);
        for (long chat = 1; chat <= 11; chat++) {
            scheduler.offer(item(chat));
        }
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            scheduler.take();
        }
        // 11 sends at 20/s: the first at once, then 10 gaps of 50 ms
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(490));
    }

    @Test
    void aDeliveredIdIsRefusedForAWhileAfterItsAck() throws Exception {
        FairScheduler scheduler = new FairScheduler(1000, 0, RETAIN, 100);
        Dto.Notification item = item(1);

        assertThat(scheduler.offer(item)).isTrue();
        scheduler.take();
        assertThat(scheduler.offer(item)).as("handed out again while on the wire").isFalse();

        scheduler.sent(1);
        scheduler.delivered(List.of(item.id()));
        assertThat(scheduler.offer(item)).as("a claim that leased it just before the ack answered late").isFalse();

        Thread.sleep(350);
        assertThat(scheduler.offer(item)).isTrue();
    }

    @Test
    void aChatHoldsAtMostALeasesWorth() throws Exception {
        FairScheduler scheduler = new FairScheduler(1000, 0, RETAIN, 2);
        assertThat(scheduler.offer(item(1))).isTrue();
        assertThat(scheduler.offer(item(1))).isTrue();
        Dto.Notification third = item(1);
        assertThat(scheduler.offer(third)).as("left to come back from the server later").isFalse();
        assertThat(scheduler.offer(item(2))).isTrue();

        scheduler.take();
        assertThat(scheduler.offer(third)).isTrue();
    }

    @Test
    void aFailedIdMayComeBackAtOnceForItsRetry() throws Exception {
        FairScheduler scheduler = new FairScheduler(1000, 0, RETAIN, 100);
        Dto.Notification item = item(1);
        scheduler.offer(item);
        scheduler.take();
        scheduler.sent(1);

        scheduler.release(item.id());
        assertThat(scheduler.offer(item)).isTrue();
    }

    @Test
    void retryLaterPutsTheItemBackAtTheHeadOfItsChat() throws Exception {
        FairScheduler scheduler = new FairScheduler(1000, 0, RETAIN, 100);
        Dto.Notification first = item(1);
        Dto.Notification second = item(1);
        scheduler.offer(first);
        scheduler.offer(second);

        Dto.Notification taken = scheduler.take();
        long start = System.nanoTime();
        scheduler.retryLater(taken, TimeUnit.MILLISECONDS.toNanos(200));

        assertThat(scheduler.take()).isEqualTo(first);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(scheduler.drain(1)).containsExactly(second);
    }

    private Dto.Notification item(long chat) {
        return new Dto.Notification(nextId++, chat, 5L, "new_order", "text", null, null, 0, 1);
    }
}
