package ru.wbassist.server.sync;

import java.time.Instant;
import java.util.Optional;

/** What the scheduler runs for a cabinet's live order poll. */
@FunctionalInterface
public interface FeedRunner {

    /**
     * Polls the cabinet's order feed once.
     *
     * @return when to poll it next; empty when the cabinet is gone or inactive (it is not scheduled again)
     */
    Optional<Instant> poll(long cabinetId);
}
