package ru.wbassist.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One part of the system as an OS process: a Java main started from the orchestrator's own classpath, its output
 * appended to a log file (so the logs of every incarnation of a restarted part stay together).
 */
final class Child {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final String name;
    private final String mainClass;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    Child(String name, String mainClass, List<String> args, Map<String, String> env, Path log) {
        this.name = name;
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                JAVA,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // only what we set: an API_SECRET_KEY or DATABASE_URL in the caller's shell must not leak into a part
        builder.environment().keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or acknowledged. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            await(process);
        }
    }

    /** SIGTERM and a wait for the shutdown hooks; SIGKILL when they take too long. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            await(process);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    private static void await(Process process) {
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
