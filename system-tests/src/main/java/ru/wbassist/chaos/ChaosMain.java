package ru.wbassist.chaos;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./run.sh chaos [--cabinets N] [--kills N] [--seconds N] [--sync N] [--faults SHARE] [--acceleration X]
 * [--seed N] [--work-dir DIR]}: the full chaos run; exit code 0 when nothing was lost or duplicated and no cabinet
 * was synced twice at once, 1 otherwise, 2 for bad options.
 */
public final class ChaosMain {

    private ChaosMain() {}

    public static void main(String[] args) throws Exception {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(
                    args,
                    Path.of(
                            "data",
                            "chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        } catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println("usage: ./run.sh chaos [--cabinets N] [--kills N] [--seconds N] [--sync N]"
                    + " [--faults SHARE] [--acceleration X] [--seed N] [--work-dir DIR]");
            System.exit(2);
            return;
        }
        ChaosReport report = new ChaosRun(options, System.out).run();
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
