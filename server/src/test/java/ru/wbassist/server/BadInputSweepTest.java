package ru.wbassist.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;

/**
 * Hundreds of malformed requests over every endpoint: each gets a 4xx JSON error with a message, never a 5xx or a
 * stack trace, and no rejected request changes a single row.
 */
class BadInputSweepTest {

    private static final long USER = 5001;
    private static final String SQL_INJECTION = "1' OR '1'='1'; DROP TABLE users; --";
    private static final String HTML = "<script>alert(1)</script>";
    private static final List<String> BAD_NUMBERS = List.of(
            "abc",
            "-1",
            "0",
            "1.5",
            "1e3",
            "99999999999999999999999",
            urlEncode(SQL_INJECTION),
            urlEncode(HTML),
            "x".repeat(5000),
            "%ZZ",
            "%FF%FE",
            "%00");
    private static final List<String> BAD_DATES =
            List.of("yesterday", "2026-13-45", "2026-11-27T25:00:00", "1e10", urlEncode(SQL_INJECTION), "%FF%FE");

    private static TestServer server;
    private static long cabinetId;
    private static String cabinetKey;

    @BeforeAll
    static void start() {
        server = TestServer.start(DatabaseConfig.Vendor.H2);
        assertThat(server.post("/users/", Map.of("telegram_id", USER, "first_name", "Sweep"))
                        .status())
                .isEqualTo(201);
        cabinetKey = TestTokens.valid();
        var cabinet = server.post("/wb/cabinets/", Map.of("user_id", USER, "api_key", cabinetKey, "name", "Shop"));
        assertThat(cabinet.status()).as(cabinet.body()).isEqualTo(201);
        cabinetId = cabinet.json().path("cabinet").path("id").asLong();
        server.get("/api/v1/notifications/settings?telegram_id=" + USER); // creates the defaults before the snapshot
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyMalformedRequestGetsAJson4xxAndChangesNothing() {
        String before = snapshot();
        List<Probe> probes = probes();
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            TestServer.Response response = probe.send();
            String what = abbreviate(probe.description());
            if (response.status() < 400 || response.status() >= 500) {
                failures.add(what + " -> " + response.status() + " " + abbreviate(response.body()));
            } else if (response.json() == null
                    || !response.json().hasNonNull("error")
                    || response.json().path("message").asText().isBlank()) {
                failures.add(what + " -> not a JSON error: " + abbreviate(response.body()));
            } else if (response.body().contains("Exception") || response.body().contains("\tat ")) {
                failures.add(what + " -> leaks internals: " + abbreviate(response.body()));
            }
        }
        assertThat(probes).hasSizeGreaterThanOrEqualTo(300);
        assertThat(failures).isEmpty();
        assertThat(snapshot()).as("rows after the sweep").isEqualTo(before);
    }

    private static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        Map<String, List<String>> numericParams = new LinkedHashMap<>();
        numericParams.put("/users/%s", List.of());
        numericParams.put("/wb/cabinets/?user_id=%s", List.of());
        numericParams.put("/api/v1/notifications/poll?telegram_id=%s", List.of());
        numericParams.put("/api/v1/notifications/poll?telegram_id=" + USER + "&cursor=%s", List.of());
        numericParams.put("/api/v1/notifications/poll?telegram_id=" + USER + "&cursor=0&limit=%s", List.of());
        numericParams.put("/api/v1/notifications/poll?telegram_id=" + USER + "&cursor=0&wait=%s", List.of());
        numericParams.put("/api/v1/notifications/poll?telegram_id=" + USER + "&cursor=0&lease=%s", List.of());
        numericParams.put("/api/v1/notifications/poll/batch?telegram_ids=%s", List.of());
        numericParams.put("/api/v1/notifications/pending?limit=%s", List.of());
        numericParams.put("/api/v1/notifications/pending?wait=%s", List.of());
        numericParams.put("/api/v1/notifications/settings?telegram_id=%s", List.of());
        numericParams.put("/api/v1/bot/dashboard?telegram_id=%s", List.of());
        numericParams.put("/api/v1/bot/dashboard?telegram_id=" + USER + "&cabinet_id=%s", List.of());
        numericParams.put("/api/v1/bot/orders/recent?telegram_id=" + USER + "&limit=%s", List.of());
        numericParams.put("/api/v1/bot/orders/recent?telegram_id=" + USER + "&offset=%s", List.of());
        numericParams.put("/api/v1/bot/stocks/critical?telegram_id=" + USER + "&limit=%s", List.of());
        numericParams.put("/api/v1/bot/reviews/summary?telegram_id=" + USER + "&limit=%s", List.of());
        numericParams.put("/api/v1/bot/analytics/sales?telegram_id=%s", List.of());
        numericParams.put("/api/v1/bot/sync/status?telegram_id=%s", List.of());
        numericParams.put("/api/v1/bot/sales/recent?user_id=" + USER + "&limit=%s", List.of());
        numericParams.put("/api/v1/bot/sales/statistics?user_id=%s", List.of());
        numericParams.put("/api/v1/admin/cabinets?limit=%s", List.of());
        numericParams.put("/api/v1/admin/cabinets?offset=%s", List.of());
        numericParams.put("/api/v1/admin/cabinets/%s/users", List.of());
        numericParams.put("/api/v1/admin/sync-logs?cabinet_id=%s", List.of());
        numericParams.put("/api/v1/admin/sync-logs?limit=%s", List.of());
        numericParams.put("/api/v1/admin/notifications?telegram_id=%s", List.of());
        numericParams.put("/api/v1/admin/notifications?offset=%s", List.of());
        numericParams.put("/api/v1/admin/users?limit=%s", List.of());
        for (String template : numericParams.keySet()) {
            for (String bad : BAD_NUMBERS) {
                if (bad.equals("0")
                        && (template.endsWith("offset=%s")
                                || template.endsWith("cursor=%s")
                                || template.endsWith("wait=%s"))) {
                    continue; // 0 is a valid offset, cursor and wait
                }
                probes.add(get(template.formatted(bad)));
            }
        }
        for (String template : List.of(
                "/api/v1/notifications/poll?telegram_id=" + USER + "&last_check=%s",
                "/api/v1/admin/sync-logs?from=%s",
                "/api/v1/admin/notifications?to=%s")) {
            for (String bad : BAD_DATES) {
                probes.add(get(template.formatted(bad)));
            }
        }
        for (String template : List.of(
                "/api/v1/bot/orders/recent?telegram_id=" + USER + "&status=%s",
                "/api/v1/bot/analytics/sales?telegram_id=" + USER + "&period=%s",
                "/api/v1/bot/sales/recent?user_id=" + USER + "&sale_type=%s",
                "/api/v1/bot/sales/statistics?user_id=" + USER + "&period=%s",
                "/api/v1/admin/sync-logs?status=%s",
                "/api/v1/admin/notifications?type=%s")) {
            for (String bad : List.of("weird", urlEncode(SQL_INJECTION), urlEncode(HTML), "%FF%FE")) {
                probes.add(get(template.formatted(bad)));
            }
        }
        probes.add(get("/api/v1/notifications/poll/batch?telegram_ids=" + "1,".repeat(1000) + "1"));
        probes.add(get("/api/v1/bot/dashboard?telegram_id=" + USER + "&cabinet_id=" + (cabinetId + 1000)));

        List<String> badBodies = List.of(
                "",
                "{",
                "[]",
                "null",
                "42",
                "\"text\"",
                "{\"telegram_id\":\"abc\"}",
                "{\"telegram_id\":1e400}",
                "{\"telegram_id\":-7}",
                "{\"telegram_id\":1001.7}",
                "{\"telegram_id\":\"1002\"}",
                "{\"telegram_id\":" + USER + ",\"username\":42}",
                "{\"unknown_field\":true}",
                "{\"telegram_id\":1,\"username\":\"" + "x".repeat(300) + "\"}",
                "{\"telegram_id\":1,\"first_name\":" + "[".repeat(2000) + "}",
                "{\"user_id\":" + USER + ",\"api_key\":\"" + SQL_INJECTION + "\"}",
                "{\"user_id\":" + USER + ",\"api_key\":\"" + HTML + "\"}",
                "{\"delivered\":[{\"id\":\"x\"}]}",
                "{\"failed\":[{\"id\":1,\"error\":[]}]}",
                "{\"max_group_size\":0}",
                "{\"max_group_size\":51}",
                "{\"group_timeout\":-1}",
                "{\"group_timeout\":3601}",
                "{\"negative_review_threshold\":6}",
                "{\"critical_stock_threshold\":-1}",
                "{\"quiet_hours_start\":\"25:00\",\"quiet_hours_end\":\"07:00\"}",
                "{\"quiet_hours_start\":\"23:00\"}",
                "{\"language\":\"de\"}",
                "{\"notifications_enabled\":\"maybe\"}");
        for (String path : List.of(
                "/users/",
                "/wb/cabinets/",
                "/api/v1/notifications/ack",
                "/api/v1/notifications/settings?telegram_id=" + USER,
                "/api/v1/notifications/poll/batch")) {
            for (String body : badBodies) {
                probes.add(post(path, body, "application/json"));
            }
            probes.add(post(path, "{\"telegram_id\":" + USER + "}", "text/plain"));
            probes.add(new Probe("POST " + path + " (2 MB body, raw)", () -> rawOversizedPost(path)));
            probes.add(post(
                    path,
                    new String(new byte[] {(byte) 0xFF, (byte) 0xFE, '{'}, StandardCharsets.ISO_8859_1),
                    "application/json"));
        }
        // the connected key again, pasted differently: the same key (409), never a second cabinet
        for (String pasted : List.of(
                "Bearer " + cabinetKey,
                "bearer\\n" + cabinetKey,
                " " + cabinetKey.replace(".", ".\\n") + " ",
                "Bearer ",
                "  \\t ")) {
            probes.add(post(
                    "/wb/cabinets/", "{\"user_id\":" + USER + ",\"api_key\":\"" + pasted + "\"}", "application/json"));
        }
        String ids = "{\"telegram_ids\":[" + USER;
        for (String body : List.of(
                "{\"telegram_ids\":[]}",
                "{\"telegram_ids\":[0]}",
                "{\"telegram_ids\":[\"1\"]}",
                "{\"telegram_ids\":[1.5]}",
                "{\"telegram_ids\":\"1,2\"}",
                "{\"telegram_ids\":[[1]]}",
                "{\"telegram_ids\":[\"" + SQL_INJECTION + "\"]}",
                "{\"telegram_ids\":[" + "1,".repeat(10_000) + "1]}",
                ids + "],\"last_check\":\"yesterday\"}",
                ids + "],\"last_check\":\"" + SQL_INJECTION + "\"}",
                ids + "],\"cursor\":-1}",
                ids + "],\"cursor\":0,\"limit\":101}",
                ids + "],\"wait\":\"x\"}",
                ids + "],\"lease\":601}",
                ids + "],\"limit\":5}",
                ids + "],\"last_check\":\"2026-11-27T10:00:00\",\"lease\":60}",
                "{\"telegram_ids\":[1" + " ".repeat(600_000) + "]}")) {
            probes.add(post("/api/v1/notifications/poll/batch", body, "application/json"));
        }
        for (String type : List.of("", "weird", urlEncode(HTML), urlEncode(SQL_INJECTION))) {
            probes.add(post("/api/v1/notifications/test?telegram_id=" + USER + "&type=" + type, "", null));
            probes.add(post("/api/v1/admin/users/" + USER + "/test-notification?type=" + type, "", null));
            probes.add(post("/api/v1/admin/users/" + USER + "/test-notification/preview?type=" + type, "", null));
        }
        probes.add(post("/api/v1/admin/users/" + USER + "/test-notification/preview", "", null));
        for (String bad : BAD_NUMBERS) {
            if (!bad.equals("%ZZ")) { // java.net.http refuses to send a malformed escape in a POST
                probes.add(post("/api/v1/admin/users/" + bad + "/test-notification/preview?type=test", "", null));
            }
        }
        probes.add(post("/api/v1/notifications/test?telegram_id=999999&type=new_order", "", null));
        probes.add(post("/api/v1/admin/users/999999/test-notification?type=new_order", "", null));
        probes.add(post("/api/v1/admin/users/999999/test-notification/preview?type=new_order", "", null));
        probes.add(post("/api/v1/bot/sync/start?telegram_id=999999", "", null));
        probes.add(post("/api/v1/admin/cabinets/999999/sync", "", null));
        probes.add(post("/users/abc/blocked", "", null));
        // the key and the other fields of a connection in the JSON body only, never in the URL
        for (String query : List.of(
                "?api_key=" + TestTokens.valid(),
                "?api_key=",
                "?user_id=" + USER,
                "?telegram_id=" + USER,
                "?name=Shop",
                "?user_id=" + USER + "&api_key=" + urlEncode(SQL_INJECTION))) {
            probes.add(post("/wb/cabinets/" + query, "", null));
            probes.add(post(
                    "/wb/cabinets/" + query,
                    "{\"user_id\":" + USER + ",\"api_key\":\"" + TestTokens.valid() + "\"}",
                    "application/json"));
        }
        probes.add(delete("/wb/cabinets/" + cabinetId + "?user_id=999999"));
        probes.add(delete("/wb/cabinets/" + cabinetId));
        probes.add(delete("/wb/cabinets/abc?user_id=" + USER));
        // the secret
        for (String path : List.of(
                "/users/" + USER,
                "/api/v1/bot/dashboard?telegram_id=" + USER,
                "/api/v1/admin/overview",
                "/api/v1/notifications/pending",
                "/observe/metrics",
                "/observe/health/details",
                "/observe/health/live",
                "/observe/health/ready",
                "/observe/health/check/database")) {
            probes.add(Probe.of(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .GET()
                    .build()));
            probes.add(Probe.of(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("X-API-SECRET-KEY", "wrong")
                    .GET()
                    .build()));
            probes.add(Probe.of(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("X-API-SECRET-KEY", SQL_INJECTION)
                    .GET()
                    .build()));
        }
        probes.add(Probe.of(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/users/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"telegram_id\":77}"))
                .build()));
        // wrong methods
        probes.add(Probe.of(server.request("/users/")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build()));
        probes.add(Probe.of(server.request("/wb/cabinets/")
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build()));
        probes.add(Probe.of(server.request("/api/v1/bot/dashboard?telegram_id=" + USER)
                .DELETE()
                .build()));
        probes.add(Probe.of(server.request("/api/v1/admin/overview")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));
        probes.add(get("/api/v1/admin/users/" + USER + "/test-notification/preview?type=test"));
        return probes;
    }

    /** One malformed request and how to send it. */
    private record Probe(String description, java.util.function.Supplier<TestServer.Response> sender) {
        static Probe of(HttpRequest request) {
            return new Probe(request.method() + " " + request.uri(), () -> server.send(request));
        }

        TestServer.Response send() {
            return sender.get();
        }
    }

    /** A GET; targets java.net.http refuses to send (malformed escapes) go over a raw socket instead. */
    private static Probe get(String path) {
        try {
            URI.create(server.baseUrl() + path);
        } catch (IllegalArgumentException malformed) {
            return new Probe("GET " + path + " (raw)", () -> rawGet(path));
        }
        return Probe.of(server.request(path).GET().build());
    }

    private static TestServer.Response rawGet(String target) {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-SECRET-KEY: " + TestServer.SECRET
                + "\r\nConnection: close\r\n\r\n";
        return raw(request.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    /** Sends bytes over a raw socket and reads the whole answer, even when the server stops reading early. */
    private static TestServer.Response raw(byte[] head, byte[] body) {
        URI base = URI.create(server.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head);
            try {
                socket.getOutputStream().write(body);
            } catch (java.io.IOException closedEarly) {
                // the server answered before reading it all; its answer is still in the socket
            }
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            String answer = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            com.fasterxml.jackson.databind.JsonNode json = null;
            try {
                json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer);
            } catch (java.io.IOException notJson) {
                // asserted by the caller
            }
            return new TestServer.Response(status, answer, json, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A 2 MB JSON body. The server may answer 413 and close before the body is fully sent, which java.net.http
     * reports as an I/O error; a raw socket reads the answer regardless.
     */
    private static TestServer.Response rawOversizedPost(String target) {
        byte[] body = ("{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-SECRET-KEY: " + TestServer.SECRET
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        return raw(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static Probe post(String path, String body, String contentType) {
        HttpRequest.Builder builder =
                server.request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return Probe.of(builder.build());
    }

    private static Probe delete(String path) {
        return Probe.of(server.request(path).DELETE().build());
    }

    /** Every row of every table, hashed per table. */
    private static String snapshot() {
        return server.db().withConnection(c -> {
            StringBuilder all = new StringBuilder();
            List<String> tables = Sql.query(
                    c,
                    "SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_name NOT LIKE 'flyway%' ORDER BY table_name",
                    rs -> rs.getString(1));
            for (String table : tables) {
                MessageDigest digest = sha256();
                long rows = 0;
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<String> lines = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            line.append(rs.getString(i)).append('|');
                        }
                        lines.add(line.toString());
                        rows++;
                    }
                    lines.sort(String::compareTo);
                    lines.forEach(l -> digest.update(l.getBytes(StandardCharsets.UTF_8)));
                }
                all.append(table)
                        .append(' ')
                        .append(rows)
                        .append(' ')
                        .append(HexFormat.of().formatHex(digest.digest()))
                        .append('\n');
            }
            return all.toString();
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
