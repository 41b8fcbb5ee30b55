package ru.wbassist.server.sync;

/** What the scheduler runs for a cabinet. */
@FunctionalInterface
public interface CabinetRunner {

    /**
     * Syncs the cabinet once.
     *
     * @return false when the cabinet is gone or inactive: it is not scheduled again
     */
    boolean run(long cabinetId);
}
