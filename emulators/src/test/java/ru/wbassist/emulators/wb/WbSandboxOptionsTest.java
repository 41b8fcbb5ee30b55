package ru.wbassist.emulators.wb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class WbSandboxOptionsTest {

    @Test
    void eachWitherChangesItsOwnOptionAndLeavesTheOthersAndTheOriginal() {
        WbSandbox.Options defaults = WbSandbox.Options.defaults();
        Clock fixed = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        Faults.Settings faults = new Faults.Settings(0.1, 0.2, 0.3, Duration.ofMillis(50));

        LongSupplier stopped = () -> 0;
        WbSandbox.Options changed = defaults.host("0.0.0.0")
                .port(18090)
                .seed(7)
                .pageCap(10)
                .acceleration(60)
                .relaxedLimits(true)
                .historyDays(3)
                .faults(faults)
                .clock(fixed)
                .limitClock(stopped)
                .secret("sandbox-secret");

        assertThat(changed)
                .isEqualTo(new WbSandbox.Options(
                        "0.0.0.0", 18090, 7, 10, 60, true, 3, faults, fixed, stopped, "sandbox-secret"));
        assertThat(defaults).isEqualTo(WbSandbox.Options.defaults());
        assertThat(defaults.port(5))
                .isEqualTo(new WbSandbox.Options(
                        defaults.host(),
                        5,
                        defaults.seed(),
                        defaults.pageCap(),
                        defaults.acceleration(),
                        defaults.relaxedLimits(),
                        defaults.historyDays(),
                        defaults.faults(),
                        defaults.clock(),
                        defaults.limitClock(),
                        defaults.secret()));
    }

    @Test
    void aWitherStillValidatesAndTheSecretStaysOutOfToString() {
        assertThatThrownBy(() -> WbSandbox.Options.defaults().pageCap(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WbSandbox.Options.defaults().secret("s3cr3t-value").toString())
                .doesNotContain("s3cr3t-value")
                .contains("secret=***");
    }
}
