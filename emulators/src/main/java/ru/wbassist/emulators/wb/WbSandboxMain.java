package ru.wbassist.emulators.wb;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: starts the WB sandbox and keeps it running until the process is stopped.
 * <pre>
 * --port N (default 18090)  --host H (default 127.0.0.1)  --seed N  --acceleration X  --history-days N
 * --relaxed-limits  --page-cap N  --fault-429 SHARE  --fault-5xx SHARE  --fault-slow SHARE  --fault-slow-ms N
 * --statistics-lag-seconds N   the statistics API shows orders and sales N real seconds late (the feed at once)
 * --demo-token-file PATH   create a demo seller and write its token there (owner-only permissions)
 * </pre>
 */
public final class WbSandboxMain {

    static final int DEFAULT_PORT = 18090;

    private WbSandboxMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Optional<WbSandbox> launched;
        try {
            launched = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("wb-sandbox: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println(
                    "wb-sandbox: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            System.exit(1);
            return;
        }
        if (launched.isEmpty()) {
            usage();
            return;
        }
        WbSandbox sandbox = launched.get();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "wb-sandbox-shutdown"));
        stopped.await();
    }

    /**
     * Parses the options, starts the sandbox and, with {@code --demo-token-file}, creates the demo seller.
     * Empty for {@code --help}; throws IllegalArgumentException for bad options.
     */
    static Optional<WbSandbox> launch(String[] args, PrintStream out) throws IOException {
        WbSandbox.Options options = WbSandbox.Options.defaults().port(DEFAULT_PORT);
        double share429 = 0;
        double share5xx = 0;
        double shareSlow = 0;
        long slowMillis = 2000;
        long statisticsLagSeconds = 0;
        Path tokenFile = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            switch (flag) {
                case "--port" -> options = options.port(Integer.parseInt(value(rest, flag)));
                case "--host" -> options = options.host(value(rest, flag));
                case "--seed" -> options = options.seed(Long.parseLong(value(rest, flag)));
                case "--acceleration" -> options = options.acceleration(Double.parseDouble(value(rest, flag)));
                case "--history-days" -> options = options.historyDays(Integer.parseInt(value(rest, flag)));
                case "--page-cap" -> options = options.pageCap(Integer.parseInt(value(rest, flag)));
                case "--relaxed-limits" -> options = options.relaxedLimits(true);
                case "--fault-429" -> share429 = Double.parseDouble(value(rest, flag));
                case "--fault-5xx" -> share5xx = Double.parseDouble(value(rest, flag));
                case "--fault-slow" -> shareSlow = Double.parseDouble(value(rest, flag));
                case "--fault-slow-ms" -> slowMillis = Long.parseLong(value(rest, flag));
                case "--statistics-lag-seconds" -> statisticsLagSeconds = Long.parseLong(value(rest, flag));
                case "--demo-token-file" -> tokenFile = Path.of(value(rest, flag));
                case "--help", "-h" -> {
                    return Optional.empty();
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        options = options.faults(new Faults.Settings(share429, share5xx, shareSlow, Duration.ofMillis(slowMillis)));
        if (statisticsLagSeconds < 0) {
            throw new IllegalArgumentException("--statistics-lag-seconds must not be negative");
        }
        WbSandbox sandbox = WbSandbox.start(options);
        sandbox.setStatisticsLag(Duration.ofSeconds(statisticsLagSeconds));
        out.println("WB sandbox listening on " + sandbox.baseUrl() + " (seed " + options.seed() + ", history "
                + options.historyDays() + " days, acceleration " + options.acceleration()
                + (options.relaxedLimits() ? ", relaxed limits" : "")
                + (statisticsLagSeconds > 0 ? ", statistics " + statisticsLagSeconds + " s late" : "") + ")");
        if (tokenFile != null) {
            SandboxSeller seller = sandbox.createSeller("Демо-магазин");
            sandbox.showcaseForesight(seller);
            try {
                // the demo key also has the Prices category, so the demo shows price watch
                writeOwnerOnly(
                        tokenFile,
                        sandbox.mintToken(
                                seller,
                                WbSandbox.DEFAULT_SCOPES | Scope.mask(Scope.PRICES),
                                options.clock().instant().plus(WbSandbox.TOKEN_LIFETIME)));
            } catch (IOException e) {
                sandbox.close();
                throw e;
            }
            Product sellingDown = sandbox.simulator(seller).sellingDown();
            out.println("demo seller " + seller.sid() + " ("
                    + seller.shop().products().size()
                    + " products; selling down: " + sellingDown.nmId() + " " + sellingDown.vendorCode()
                    + "); token written to " + tokenFile);
        }
        return Optional.of(sandbox);
    }

    /** The token is a credential: the file is created readable by its owner only, before the token goes in. */
    private static void writeOwnerOnly(Path file, String token) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + System.lineSeparator());
    }

    private static String value(List<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.removeFirst();
    }

    private static void usage() {
        System.err.println("""
                usage: WbSandboxMain [--port N] [--host H] [--seed N] [--acceleration X] [--history-days N]
                                     [--page-cap N] [--relaxed-limits] [--fault-429 SHARE] [--fault-5xx SHARE]
                                     [--fault-slow SHARE] [--fault-slow-ms N] [--statistics-lag-seconds N]
                                     [--demo-token-file PATH]""");
    }
}
