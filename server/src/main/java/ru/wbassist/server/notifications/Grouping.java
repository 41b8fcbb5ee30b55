package ru.wbassist.server.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a new notification joins a group. A group is a leader row that is held for {@code group_timeout} seconds;
 * notifications of the same type for the same user arriving meanwhile join it as members, and when it reaches
 * {@code max_group_size} it is released at once. The leader is delivered (and acknowledged) for the whole group.
 */
public final class Grouping {

    private Grouping() {}

    /** The still-open group of that type for that user: not yet handed out and still held. */
    public record OpenGroup(long leaderId, int size, Instant deliverAfter) {}

    public sealed interface Decision {}

    /** Delivered on its own at {@code deliverAfter}. */
    public record Alone(Instant deliverAfter) implements Decision {}

    /** Starts a group, held until {@code deliverAfter}. */
    public record Lead(Instant deliverAfter) implements Decision {}

    /** Joins the open group, which then has {@code size} members and is delivered at {@code leaderDeliverAfter}. */
    public record Join(long leaderId, int size, Instant leaderDeliverAfter) implements Decision {}

    /**
     * @param groupable grouping is on for the user and the type is not urgent
     * @param release   when the notification may be delivered at the earliest (quiet hours)
     */
    public static Decision decide(
            boolean groupable,
            int maxGroupSize,
            int groupTimeoutSeconds,
            Optional<OpenGroup> open,
            Instant now,
            Instant release) {
        if (!groupable || maxGroupSize < 2 || groupTimeoutSeconds <= 0) {
            return new Alone(release);
        }
        if (open.isPresent() && open.get().size() < maxGroupSize) {
            int size = open.get().size() + 1;
            return new Join(
                    open.get().leaderId(),
                    size,
                    size >= maxGroupSize ? release : open.get().deliverAfter());
        }
        Instant windowEnd = now.plus(Duration.ofSeconds(groupTimeoutSeconds));
        return new Lead(windowEnd.isAfter(release) ? windowEnd : release);
    }
}
