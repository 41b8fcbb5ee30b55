package ru.wbassist.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run of CI (docs/chaos.md): real processes, real HTTP, one PostgreSQL, two servers, WB faults, the
 * bot SIGKILLed three times and each server SIGKILLed once, about two minutes in all.
 */
class ChaosRunTest {

    @Test
    void deliveryStaysLosslessAndDuplicateFreeWhenProcessesAreKilled() throws Exception {
        ChaosOptions options = ChaosOptions.quick(Path.of("target", "chaos-test"));

        ChaosReport report = new ChaosRun(options, System.out).run();
        report.print(System.out);

        assertThat(report.botKills()).isEqualTo(options.botKills());
        assertThat(report.serverRestarts()).isEqualTo(2);
        assertThat(report.expected()).as("notifications the servers queued").isPositive();
        assertThat(report.lost()).as("lost notifications").isZero();
        assertThat(report.duplicated()).as("notifications delivered twice").isZero();
        assertThat(report.delivery().unexpected())
                .as("messages no notification accounts for")
                .isZero();
        assertThat(report.delivered()).isEqualTo(report.expected());
        assertThat(report.overlaps()).as("overlapping sync runs of one cabinet").isZero();
        assertThat(report.passed()).isTrue();
    }
}
