package ru.wbassist.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one chaos run does.
 *
 * @param cabinets      sandbox sellers connected as cabinets, each shared by {@code usersPerCabinet} Telegram users
 * @param botKills      SIGKILLs of the bot, at random moments of the chaos phase (each followed by a restart)
 * @param chaosPhase    how long events flow while processes are killed
 * @param syncInterval  SYNC_INTERVAL of both servers
 * @param faultShare    share of WB requests the sandbox answers with a fault, split evenly over 429, 5xx and slow
 * @param acceleration  the sandbox's live acceleration (simulated seconds per real second)
 * @param drainTimeout  the longest wait, after the generator stopped, for the queue to empty
 * @param seed          seeds the kill moments and the sandbox
 * @param workDir       logs and per-process data directories
 */
public record ChaosOptions(
        int cabinets,
        int usersPerCabinet,
        int botKills,
        Duration chaosPhase,
        Duration syncInterval,
        double faultShare,
        double acceleration,
        Duration drainTimeout,
        long seed,
        Path workDir) {

    public ChaosOptions {
        if (cabinets < 1
                || usersPerCabinet < 1
                || botKills < 0
                || faultShare < 0
                || faultShare > 0.9
                || acceleration <= 0
                || chaosPhase.isNegative()
                || syncInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("cabinets >= 1, users >= 1, kills >= 0, 0 <= faults <= 0.9,"
                    + " acceleration > 0, sync interval >= 1 s");
        }
    }

    /** The full run of docs/chaos.md: 10 bot kills, each server restarted, five minutes of events. */
    public static ChaosOptions full(Path workDir) {
        return new ChaosOptions(
                6, 2, 10, Duration.ofMinutes(5), Duration.ofSeconds(8), 0.3, 240, Duration.ofMinutes(3), 42, workDir);
    }

    /** The short run CI does in about two minutes. */
    public static ChaosOptions quick(Path workDir) {
        return new ChaosOptions(
                3, 2, 3, Duration.ofSeconds(70), Duration.ofSeconds(5), 0.3, 240, Duration.ofSeconds(75), 7, workDir);
    }

    /** The full run with command-line overrides: {@code --cabinets N --kills N --seconds N --sync N ...}. */
    public static ChaosOptions parse(String[] args, Path defaultWorkDir) {
        ChaosOptions o = full(defaultWorkDir);
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.removeFirst();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = rest.removeFirst();
            o = switch (flag) {
                case "--cabinets" ->
                    new ChaosOptions(
                            Integer.parseInt(v),
                            o.usersPerCabinet,
                            o.botKills,
                            o.chaosPhase,
                            o.syncInterval,
                            o.faultShare,
                            o.acceleration,
                            o.drainTimeout,
                            o.seed,
                            o.workDir);
                case "--kills" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            Integer.parseInt(v),
                            o.chaosPhase,
                            o.syncInterval,
                            o.faultShare,
                            o.acceleration,
                            o.drainTimeout,
                            o.seed,
                            o.workDir);
                case "--seconds" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            o.botKills,
                            Duration.ofSeconds(Long.parseLong(v)),
                            o.syncInterval,
                            o.faultShare,
                            o.acceleration,
                            o.drainTimeout,
                            o.seed,
                            o.workDir);
                case "--sync" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            o.botKills,
                            o.chaosPhase,
                            Duration.ofSeconds(Long.parseLong(v)),
                            o.faultShare,
                            o.acceleration,
                            o.drainTimeout,
                            o.seed,
                            o.workDir);
                case "--faults" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            o.botKills,
                            o.chaosPhase,
                            o.syncInterval,
                            Double.parseDouble(v),
                            o.acceleration,
                            o.drainTimeout,
                            o.seed,
                            o.workDir);
                case "--acceleration" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            o.botKills,
                            o.chaosPhase,
                            o.syncInterval,
                            o.faultShare,
                            Double.parseDouble(v),
                            o.drainTimeout,
                            o.seed,
                            o.workDir);
                case "--seed" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            o.botKills,
                            o.chaosPhase,
                            o.syncInterval,
                            o.faultShare,
                            o.acceleration,
                            o.drainTimeout,
                            Long.parseLong(v),
                            o.workDir);
                case "--work-dir" ->
                    new ChaosOptions(
                            o.cabinets,
                            o.usersPerCabinet,
                            o.botKills,
                            o.chaosPhase,
                            o.syncInterval,
                            o.faultShare,
                            o.acceleration,
                            o.drainTimeout,
                            o.seed,
                            Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
        }
        return o;
    }
}
