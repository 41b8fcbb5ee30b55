package ru.wbassist.server.sync;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.wbassist.server.events.EventSink;
import ru.wbassist.server.events.PriceLevel;

/** An {@link EventSink} that remembers every call, to assert what the sync reported (and what it did not). */
final class RecordingEventSink implements EventSink {

    record Call(
            String kind,
            long cabinetId,
            List<String> ids,
            List<String> more,
            Map<Long, Integer> before,
            Map<Long, Integer> after) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** When set, the next orders report throws it (a bug in detection): the sync's transaction rolls back. */
    volatile RuntimeException failOrders;

    @Override
    public void ordersStored(
            Connection c, long cabinetId, Collection<String> newSrids, Collection<String> newlyCancelledSrids) {
        RuntimeException failure = failOrders;
        if (failure != null) {
            failOrders = null;
            throw failure;
        }
        calls.add(new Call("orders", cabinetId, List.copyOf(newSrids), List.copyOf(newlyCancelledSrids), null, null));
    }

    @Override
    public void orderStatusesStored(
            Connection c, long cabinetId, Collection<String> boughtOutSrids, Collection<String> returnedSrids) {
        calls.add(new Call("statuses", cabinetId, List.copyOf(boughtOutSrids), List.copyOf(returnedSrids), null, null));
    }

    @Override
    public void salesStored(Connection c, long cabinetId, Collection<String> newSaleIds) {
        calls.add(new Call("sales", cabinetId, List.copyOf(newSaleIds), List.of(), null, null));
    }

    @Override
    public void reviewsStored(Connection c, long cabinetId, Collection<String> newReviewIds) {
        calls.add(new Call("reviews", cabinetId, List.copyOf(newReviewIds), List.of(), null, null));
    }

    @Override
    public void questionsStored(Connection c, long cabinetId, Collection<String> newQuestionIds) {
        calls.add(new Call("questions", cabinetId, List.copyOf(newQuestionIds), List.of(), null, null));
    }

    @Override
    public void stocksStored(
            Connection c, long cabinetId, Map<Long, Integer> totalsBefore, Map<Long, Integer> totalsAfter) {
        calls.add(
                new Call("stocks", cabinetId, List.of(), List.of(), Map.copyOf(totalsBefore), Map.copyOf(totalsAfter)));
    }

    /** Records the cards priced after (ids) and those with a quarantined upload (more). */
    @Override
    public void pricesStored(Connection c, long cabinetId, Map<Long, PriceLevel> before, Map<Long, PriceLevel> after) {
        calls.add(new Call(
                "prices",
                cabinetId,
                after.keySet().stream().sorted().map(String::valueOf).toList(),
                after.entrySet().stream()
                        .filter(e -> e.getValue().quarantinePrice() != null)
                        .map(Map.Entry::getKey)
                        .sorted()
                        .map(String::valueOf)
                        .toList(),
                null,
                null));
    }

    @Override
    public void keyInvalid(Connection c, long cabinetId, String reason) {
        calls.add(new Call("keyInvalid", cabinetId, List.of(reason), List.of(), null, null));
    }

    @Override
    public void keyExpiring(Connection c, long cabinetId, int daysLeft, Instant expiresAt) {
        calls.add(new Call(
                "keyExpiring",
                cabinetId,
                List.of(String.valueOf(daysLeft), expiresAt.toString()),
                List.of(),
                null,
                null));
    }

    List<Call> of(String kind) {
        return calls.stream().filter(call -> call.kind().equals(kind)).toList();
    }

    /** Every id reported in the first list of calls of that kind, in order. */
    List<String> ids(String kind) {
        return of(kind).stream().flatMap(call -> call.ids().stream()).toList();
    }

    List<String> cancelled() {
        return of("orders").stream().flatMap(call -> call.more().stream()).toList();
    }
}
