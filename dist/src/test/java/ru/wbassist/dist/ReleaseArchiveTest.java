package ru.wbassist.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an operator gets it: unpacked into an empty directory, its {@code bin/wb-assist-server}
 * started with nothing but a Java on the machine, answering health with the build's version and logging JSON lines.
 * Runs after {@code package} (./run.sh release-test; CI runs it).
 */
class ReleaseArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ARCHIVE = Path.of(System.getProperty("release.archive"));
    private static final String VERSION = System.getProperty("release.version");

    @Test
    void unpackedAnywhereTheServerStartsAndAnswersHealth(@TempDir Path dir) throws Exception {
        run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", dir.toString()), dir);
        Path home = dir.resolve("wb-assist-" + VERSION);
        for (String part : List.of("server", "bot", "console", "sandbox")) {
            assertThat(home.resolve("bin/wb-assist-" + part)).isExecutable();
        }
        assertThat(home.resolve("systemd/wb-assist-server.service"))
                .content()
                .contains("ExecStart=/opt/wb-assist/bin/wb-assist-server");
        assertThat(home.resolve("systemd/wb-assist-bot.service"))
                .content()
                .contains("ExecStart=/opt/wb-assist/bin/wb-assist-bot");
        try (var jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()).toList())
                    .contains(
                            "server-" + VERSION + ".jar",
                            "bot-" + VERSION + ".jar",
                            "desktop-console-" + VERSION + ".jar",
                            "emulators-" + VERSION + ".jar");
        }

        int port = freePort();
        Path log = dir.resolve("server.log");
        ProcessBuilder start = launcher(home, "wb-assist-server", dir, log);
        Map<String, String> env = start.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SYNC_ENABLED", "false");
        env.put("LOG_FORMAT", "json");
        Process server = start.start();
        try {
            JsonNode health = awaitJson(port, "/observe/health", null, server, log);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(Files.exists(dir.resolve("data/api-secret"))).isTrue();
            // the version is a detail: behind the secret
            JsonNode details = awaitJson(
                    port,
                    "/observe/health/details",
                    Files.readString(dir.resolve("data/api-secret")).strip(),
                    server,
                    log);
            assertThat(details.path("checks").findValuesAsText("version")).containsExactly(VERSION);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // the key rotation runs from the release too, on the same data directory and database
        Path rotationLog = dir.resolve("rotate-key.log");
        ProcessBuilder rotate = launcher(home, "wb-assist", dir, rotationLog);
        rotate.command().add("rotate-key");
        Process rotation = rotate.start();
        assertThat(rotation.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rotation.exitValue()).as(Files.readString(rotationLog)).isZero();
        assertThat(Files.readString(rotationLog)).contains("0 stored WB keys re-encrypted", "0 failed");

        List<String> lines = Files.readAllLines(log);
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("WB Assist server " + VERSION + " on http://"));
        List<String> logLines = lines.stream()
                .filter(line -> !line.startsWith("WB Assist server "))
                .toList();
        assertThat(logLines).as("log lines").isNotEmpty().allSatisfy(line -> {
            JsonNode record = JSON.readTree(line);
            assertThat(record.path("ts").asText()).isNotBlank();
            assertThat(record.path("level").asText()).isIn("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
            assertThat(record.has("message")).isTrue();
        });
    }

    @Test
    void theBotAndTheSandboxStartFromBinTooAndABadSettingIsOneLine(@TempDir Path dir) throws Exception {
        run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", dir.toString()), dir);
        Path home = dir.resolve("wb-assist-" + VERSION);

        Path serverLog = dir.resolve("server.log");
        ProcessBuilder badFormat = launcher(home, "wb-assist-server", dir, serverLog);
        badFormat.environment().put("LOG_FORMAT", "xml");
        Process server = badFormat.start();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(Files.readString(serverLog).strip())
                .isEqualTo("wb-assist server: LOG_FORMAT must be text or json, got xml");

        // the bot's classes and libraries are there: it starts, and refuses to run without a token in one line
        Path botLog = dir.resolve("bot.log");
        Process bot = launcher(home, "wb-assist-bot", dir, botLog).start();
        assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bot.exitValue()).isEqualTo(2);
        assertThat(Files.readString(botLog)).startsWith("wb-assist bot: TELEGRAM_BOT_TOKEN is not set");

        int port = freePort();
        Path sandboxLog = dir.resolve("sandbox.log");
        ProcessBuilder start = launcher(home, "wb-assist-sandbox", dir, sandboxLog);
        start.command().addAll(List.of("--port", Integer.toString(port)));
        Process sandbox = start.start();
        try {
            assertThat(awaitJson(port, "/sandbox/status", null, sandbox, sandboxLog)
                            .isObject())
                    .isTrue();
        } finally {
            sandbox.destroy();
            assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theEnvironmentFileDocumentsEveryVariableOfTheReadme(@TempDir Path dir) throws Exception {
        run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", dir.toString()), dir);
        String example = Files.readString(dir.resolve("wb-assist-" + VERSION + "/config/wb-assist.env.example"));
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Architecture"));
        TreeSet<String> variables = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(table);
        while (m.find()) {
            variables.add(m.group(1));
        }
        assertThat(variables)
                .contains("DATABASE_URL", "LOG_FORMAT", "BOT_METRICS_PORT")
                .allSatisfy(name -> assertThat(example).containsPattern("(?m)^#?" + name + "="));
    }

    /** A launcher from bin/ in an environment as bare as a clean machine's: a PATH, a HOME and a Java. */
    private static ProcessBuilder launcher(Path home, String script, Path dir, Path log) {
        ProcessBuilder start = new ProcessBuilder(new ArrayList<>(
                        List.of(home.resolve("bin").resolve(script).toString())))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = start.environment();
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return start;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Polls the path (with the secret unless null) until it answers 200; its JSON. Fails when the process ends first. */
    private static JsonNode awaitJson(int port, String path, String secret, Process process, Path log)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the process exited " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
                if (secret != null) {
                    request.header("X-API-SECRET-KEY", secret);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer at " + path + " within 90 s:\n" + Files.readString(log));
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
