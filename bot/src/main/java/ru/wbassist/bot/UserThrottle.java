package ru.wbassist.bot;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commands and button presses per user: a burst of {@code burst}, then one per {@code interval}. Beyond that an update
 * is dropped before any work (no thread, no server call); the first drop of a run is answered once, so a flood gets
 * one "too often" reply, not one per update. The state is bounded: the least recently seen users beyond
 * {@code maxUsers} are forgotten, and a forgotten user starts with a full burst again.
 */
final class UserThrottle {

    /** What to do with an update. */
    enum Verdict {
        HANDLE,
        DROP_AND_SAY_SO,
        DROP
    }

    static final int BURST = 10;
    static final Duration INTERVAL = Duration.ofSeconds(3);
    static final int MAX_USERS = 10_000;

    private final int burst;
    private final Duration interval;
    private final InstantSource clock;
    private final Map<Long, State> users;

    UserThrottle(int burst, Duration interval, int maxUsers, InstantSource clock) {
        this.burst = burst;
        this.interval = interval;
        this.clock = clock;
        this.users = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, State> eldest) {
                return size() > maxUsers;
            }
        };
    }

    static UserThrottle defaults(InstantSource clock) {
        return new UserThrottle(BURST, INTERVAL, MAX_USERS, clock);
    }

    synchronized Verdict admit(long userId) {
        Instant now = clock.instant();
        State state = users.computeIfAbsent(userId, id -> new State(now));
        // the generic cell rate algorithm: nextFree is when the bucket would be full again
        Instant base = state.nextFree.isAfter(now) ? state.nextFree : now;
        if (base.minus(interval.multipliedBy(burst - 1)).isAfter(now)) {
            boolean first = !state.told;
            state.told = true;
            return first ? Verdict.DROP_AND_SAY_SO : Verdict.DROP;
        }
        state.nextFree = base.plus(interval);
        state.told = false;
        return Verdict.HANDLE;
    }

    synchronized int users() {
        return users.size();
    }

    private static final class State {
        private Instant nextFree;
        private boolean told;

        State(Instant now) {
            this.nextFree = now;
        }
    }
}
