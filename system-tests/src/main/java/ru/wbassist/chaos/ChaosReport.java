package ru.wbassist.chaos;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The outcome of a chaos run. It passes when nothing was lost, nothing was delivered twice and no cabinet was synced
 * by two runs at once; sync gaps are reported beside it.
 */
public record ChaosReport(
        ChaosOptions options,
        Duration total,
        int ordersPlaced,
        int ordersCanceled,
        int botKills,
        int botStarts,
        int serverRestarts,
        long emulator429,
        DeliveryLedger.Figures delivery,
        SyncAudit.Figures sync) {

    /** Whether the run met its requirements. */
    public boolean passed() {
        // a run that delivered nothing proves nothing
        return delivery.expected() > 0
                && delivery.lost() == 0
                && delivery.duplicated() == 0
                && delivery.unexpected() == 0
                && sync.overlaps() == 0;
    }

    public int lost() {
        return delivery.lost();
    }

    public int duplicated() {
        return delivery.duplicated();
    }

    public int overlaps() {
        return sync.overlaps();
    }

    public int expected() {
        return delivery.expected();
    }

    public int delivered() {
        return delivery.delivered();
    }

    public void print(PrintStream out) {
        out.printf(
                """
                        === Chaos run %s ===
                        setup        %d cabinets x %d users, 2 servers on one PostgreSQL, SYNC_INTERVAL %d s,
                                     WB faults %.0f %% (429/5xx/slow), acceleration %.0f, seed %d
                        duration     %d s total, %d s of chaos
                        faults done  bot SIGKILLed %d times (started %d times), servers SIGKILLed and restarted %d times
                        generator    %d orders placed, %d canceled (besides the sandbox's own live activity)
                        events       %d detected by the servers
                        notifications %s
                        expected     %d (not skipped, group leaders)
                        delivered    %d messages at the Telegram emulator (429 answers: %d)
                        lost         %d
                        duplicated   %d
                        unexpected   %d
                        sync         %d cabinets, %d log rows (%d failed), overlapping runs %d,
                                     longest idle gap %d s, idle gaps over %d s: %d, runs orphaned by a killed server: %d
                        """,
                passed() ? "PASSED" : "FAILED",
                options.cabinets(),
                options.usersPerCabinet(),
                options.syncInterval().toSeconds(),
                options.faultShare() * 100,
                options.acceleration(),
                options.seed(),
                total.toSeconds(),
                options.chaosPhase().toSeconds(),
                botKills,
                botStarts,
                serverRestarts,
                ordersPlaced,
                ordersCanceled,
                delivery.events(),
                delivery.notificationsByStatus(),
                delivery.expected(),
                delivery.delivered(),
                emulator429,
                delivery.lost(),
                delivery.duplicated(),
                delivery.unexpected(),
                sync.cabinets(),
                sync.rows(),
                sync.failedRows(),
                sync.overlaps(),
                sync.maxGap().toSeconds(),
                sync.gapLimit().toSeconds(),
                sync.gapsOverLimit(),
                sync.orphanedRuns());
        delivery.samples().forEach(line -> out.println("  " + line));
        sync.samples().forEach(line -> out.println("  " + line));
        out.println("logs: " + options.workDir().toAbsolutePath());
    }
}
