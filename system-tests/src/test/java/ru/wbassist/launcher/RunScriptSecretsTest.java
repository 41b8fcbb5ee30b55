package ru.wbassist.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of {@code run.sh} (a copy, next to fake jars) with fake secrets, a fake JDK, a fake Maven wrapper
 * and a fake curl that record their command lines, and checks that no secret is ever printed or passed on a command
 * line (where {@code ps} shows it). The fakes also record what curl received through files and standard input, to
 * prove the secrets did reach it that way.
 */
class RunScriptSecretsTest {

    private static final String API_SECRET = "fake-api-secret-5f1d2c9a7e";
    private static final String ADMIN_SECRET = "fake-admin-secret-8b3e6d0c4a";
    private static final String KEK = "ZmFrZS1rZWstZm9yLXJ1bi1zaC10ZXN0cy0wMDAwMDA=";
    private static final String PREVIOUS_KEK = "ZmFrZS1vbGQta2VrLWZvci1ydW4tc2gtdGVzdHMtMDA=";
    private static final String DB_PASSWORD = "fake-db-password-3c7a91";
    private static final String WB_TOKEN = "fake.wb-sandbox-token.9d2e4f";
    private static final String TELEGRAM_TOKEN = "4242:fake-telegram-bot-token";
    private static final List<String> SECRETS =
            List.of(API_SECRET, ADMIN_SECRET, KEK, PREVIOUS_KEK, DB_PASSWORD, WB_TOKEN, TELEGRAM_TOKEN);

    /** Each command, and the line it prints once it has started (null: it exits by itself). */
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"help", null},
            new String[] {"--help", null},
            new String[] {"demo", "Press Ctrl-C to stop."},
            new String[] {"server", "Press Ctrl-C to stop."},
            new String[] {"sandbox", "WB sandbox on"},
            new String[] {"bot", null},
            new String[] {"bot-demo", "Telegram emulator on"},
            new String[] {"console", null},
            new String[] {"chaos", null},
            new String[] {"test", null},
            new String[] {"build", null},
            new String[] {"dist", null},
            new String[] {"release-test", null},
            new String[] {"rotate-key", null},
            new String[] {"no-such-command", null});

    @TempDir
    Path tmp;

    @Test
    void noCommandPrintsOrPassesASecretOnACommandLine_secretsFromTheEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("API_SECRET_KEY", API_SECRET);
        env.put("ADMIN_SECRET_KEY", ADMIN_SECRET);
        env.put("KEY_ENCRYPTION_KEY", KEK);
        env.put("KEY_ENCRYPTION_KEY_PREVIOUS", PREVIOUS_KEK);
        env.put("DATABASE_PASSWORD", DB_PASSWORD);
        env.put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        runEveryCommand(env);
        // run.sh created the data directory and its files owner-only (umask 077)
        Path data = tmp.resolve("root/data");
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                assertThat(Files.getPosixFilePermissions(file))
                        .as(file.toString())
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void noCommandPrintsOrPassesASecretOnACommandLine_secretFromTheDataDirectory() throws Exception {
        Path data = tmp.resolve("root/data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("api-secret"), API_SECRET);
        runEveryCommand(new HashMap<>());
    }

    private void runEveryCommand(Map<String, String> secrets) throws Exception {
        Path root = fakeCheckout();
        Path log = tmp.resolve("command-lines.log");
        Path inputs = tmp.resolve("curl-inputs.log");
        List<String> leaks = new ArrayList<>();
        for (String[] command : COMMANDS) {
            String output = run(root, command[0], command[1], secrets, log, inputs);
            for (String secret : SECRETS) {
                if (output.contains(secret)) {
                    leaks.add("./run.sh " + command[0] + " printed " + secret + ":\n" + output);
                }
            }
        }
        String commandLines = Files.readString(log);
        for (String secret : SECRETS) {
            for (String line : commandLines.split("\n")) {
                if (line.contains(secret)) {
                    leaks.add("on a command line: " + line);
                }
            }
        }
        assertThat(leaks).isEmpty();
        // the fakes saw every command's processes, and the demo's secret and WB key did reach curl, off its command
        // line
        assertThat(commandLines)
                .contains(
                        "ru.wbassist.server.Main",
                        "WbSandboxMain",
                        "BotMain",
                        "ConsoleMain",
                        "TelegramEmulatorMain",
                        "ChaosMain",
                        "KeyRotationMain",
                        "mvnw -B test",
                        "/wb/cabinets/");
        assertThat(Files.readString(inputs)).contains("X-API-SECRET-KEY: " + API_SECRET, WB_TOKEN);
    }

    private String run(
            Path root, String command, String startedMarker, Map<String, String> secrets, Path log, Path inputs)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", root.resolve("run.sh").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.endsWith("_SECRET_KEY")
                        || name.startsWith("KEY_ENCRYPTION_KEY")
                        || name.startsWith("DATABASE_")
                        || name.equals("TELEGRAM_BOT_TOKEN"));
        env.putAll(secrets);
        env.put("JAVA_HOME", fakeJdk().toString());
        env.put("PATH", fakeBin() + ":" + env.get("PATH"));
        env.put("DATA_DIR", root.resolve("data").toString());
        env.put("FAKE_LOG", log.toString());
        env.put("FAKE_INPUTS", inputs.toString());
        env.put("FAKE_WB_TOKEN", WB_TOKEN);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (output) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && System.nanoTime() < deadline) {
            synchronized (output) {
                if (startedMarker != null && output.toString().contains(startedMarker)) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        boolean started;
        synchronized (output) {
            started = startedMarker == null || output.toString().contains(startedMarker);
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // SIGTERM: run.sh's trap stops what it started
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        reader.join(5000);
        assertThat(started)
                .as("./run.sh " + command + " reached '" + startedMarker + "':\n" + output)
                .isTrue();
        return output.toString();
    }

    /** A copy of run.sh beside empty jars newer than every (absent) source, so it never builds. */
    private Path fakeCheckout() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        Files.copy(Path.of("..", "run.sh"), root.resolve("run.sh"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        for (String module : List.of("db", "server", "emulators", "bot", "desktop-console", "system-tests")) {
            Files.createDirectories(root.resolve(module + "/target"));
            Files.writeString(root.resolve(module + "/target/" + module + ".jar"), "");
        }
        script(root.resolve("mvnw"), "echo \"mvnw $*\" >> \"$FAKE_LOG\"");
        return root;
    }

    /** A JDK whose java reports version 25, records its command line and plays the long-running parts. */
    private Path fakeJdk() throws IOException {
        Path jdk = tmp.resolve("jdk");
        String java = """
                echo "java $*" >> "$FAKE_LOG"
                if [[ "$1" == -version ]]; then echo 'openjdk version "25" 2025-09-16' >&2; exit 0; fi
                args=("$@")
                for ((i = 0; i < ${#args[@]}; i++)); do
                  if [[ ${args[i]} == --demo-token-file ]]; then printf '%s' "$FAKE_WB_TOKEN" > "${args[i+1]}"; fi
                done
                case " $* " in
                  *" ru.wbassist.server.Main "*|*WbSandboxMain*|*TelegramEmulatorMain*) exec sleep 300 ;;
                esac
                exit 0
                """;
        script(jdk.resolve("bin/java"), java);
        script(jdk.resolve("bin/javac"), "exit 0");
        return jdk;
    }

    /** A curl that records its command line, and what it read from header files and standard input. */
    private Path fakeBin() throws IOException {
        Path bin = tmp.resolve("bin");
        String curl = """
                echo "curl $*" >> "$FAKE_LOG"
                if [[ " $* " == *"/sandbox/status "* ]]; then  # the sandbox is up once it wrote its token
                  for ((i = 0; i < 100; i++)); do [[ -s $DATA_DIR/sandbox-token ]] && break; sleep 0.05; done
                fi
                args=("$@")
                for ((i = 0; i < ${#args[@]}; i++)); do
                  a=${args[i]}; next=${args[i+1]:-}
                  if [[ ( $a == -H || $a == --header ) && $next == @* ]]; then cat "${next#@}" >> "$FAKE_INPUTS"; fi
                  if [[ ( $a == -d || $a == --data* || $a == -K || $a == --config ) && ( $next == @- || $next == - ) ]]; then
                    cat >> "$FAKE_INPUTS"; echo >> "$FAKE_INPUTS"
                  fi
                  if [[ $a == -w ]]; then printf 201; fi
                done
                exit 0
                """;
        script(bin.resolve("curl"), curl);
        return bin;
    }

    private static void script(Path path, String body) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    }
}
