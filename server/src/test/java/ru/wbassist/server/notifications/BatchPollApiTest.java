package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.ApiAssertions.assertBad;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.server.TestServer;

/**
 * {@code POST /api/v1/notifications/poll/batch} with 10,000 Telegram ids over real HTTP, on H2 and PostgreSQL: every
 * id answers, exactly the deliverable items of the requested users come back (read-only and leased), and bad bodies
 * are JSON 4xx errors.
 */
class BatchPollApiTest {

    private static final String BATCH = "/api/v1/notifications/poll/batch";
    private static final long FIRST = 100_001;
    private static final int IDS = 10_000;

    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** The requested ids: {@code FIRST + i}; every tenth is not registered. */
    private static long telegramId(int i) {
        return FIRST + i;
    }

    private static boolean registered(int i) {
        return i % 10 != 9;
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void tenThousandIdsAnswerEveryIdWithExactlyItsDeliverableItems(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        Instant now = Instant.now();
        seed(now);
        List<Long> requested =
                LongStream.range(0, IDS).map(i -> telegramId((int) i)).boxed().toList();

        String lastCheck = now.minusSeconds(60).toString();
        TestServer.Response readOnly = server.post(BATCH, Map.of("telegram_ids", requested, "last_check", lastCheck));
        assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(200);
        JsonNode users = readOnly.json().path("users");
        assertThat(users.size())
                .as("every requested id answers, unknown ones too")
                .isEqualTo(IDS);
        assertThat(users.path(Long.toString(telegramId(9))))
                .as("not registered")
                .isEmpty();
        assertThat(readOnly.json().has("next_cursor")).isFalse();
        Map<Long, List<Long>> expected = expected("external_id LIKE 'due-%' OR external_id LIKE 'sent-%'");
        assertThat(expected).hasSize(110);
        assertThat(itemsByUser(users)).isEqualTo(expected);
        JsonNode item = users.path(Long.toString(telegramId(0))).get(0);
        assertThat(item.path("telegram_id").asLong()).isEqualTo(telegramId(0));
        assertThat(item.path("text").asText()).isEqualTo("<b>due</b>");
        assertThat(item.path("created_at").asText()).endsWith("+03:00");

        // a smaller batch answers what the large one did for its ids
        List<Long> small = requested.subList(0, 60);
        JsonNode smallAnswer = server.post(BATCH, Map.of("telegram_ids", small, "last_check", lastCheck))
                .json()
                .path("users");
        assertThat(smallAnswer.size()).isEqualTo(60);
        small.forEach(id -> assertThat(smallAnswer.path(id.toString())).isEqualTo(users.path(id.toString())));
        assertThat(itemsByUser(smallAnswer)).hasSize(1);

        // the GET answers the same as the body for as many ids as a 4 KiB request line holds
        List<Long> first = requested.subList(0, 400);
        JsonNode viaGet = server.get(BATCH + "?telegram_ids="
                        + first.stream().map(String::valueOf).collect(Collectors.joining(",")) + "&last_check="
                        + URLEncoder.encode(lastCheck, StandardCharsets.UTF_8))
                .json()
                .path("users");
        JsonNode viaPost = server.post(BATCH, Map.of("telegram_ids", first, "last_check", lastCheck))
                .json()
                .path("users");
        assertThat(viaPost.size()).isEqualTo(400);
        assertThat(viaGet).isEqualTo(viaPost);

        // leased: pages of 100, oldest first, each item once, until nothing is left
        List<Long> deliverable = expected("external_id LIKE 'due-%' OR external_id LIKE 'old-%'").values().stream()
                .flatMap(List::stream)
                .sorted()
                .toList();
        assertThat(deliverable).hasSize(310);
        List<Long> leased = new ArrayList<>();
        long cursor = 0;
        for (int page = 0; page < 5; page++) {
            TestServer.Response r =
                    server.post(BATCH, Map.of("telegram_ids", requested, "cursor", cursor, "limit", 100, "lease", 300));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("users").size()).isEqualTo(IDS);
            List<Long> ids = new ArrayList<>();
            itemsByUser(r.json().path("users")).values().forEach(ids::addAll);
            ids.sort(Long::compare);
            assertThat(ids.size()).isEqualTo(page < 3 ? 100 : page == 3 ? 10 : 0);
            leased.addAll(ids);
            cursor = r.json().path("next_cursor").asLong();
            assertThat(cursor).isEqualTo(leased.isEmpty() ? 0 : leased.getLast());
        }
        assertThat(leased).as("each deliverable item once, oldest first").isEqualTo(deliverable);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void moreThanTenThousandIdsAndBadBodiesAreJson4xx(DatabaseConfig.Vendor vendor) {
        server = TestServer.start(vendor);
        List<Long> tenThousand = LongStream.rangeClosed(1, IDS).boxed().toList();
        assertThat(server.post(BATCH, Map.of("telegram_ids", tenThousand)).status())
                .isEqualTo(200);
        List<Long> tooMany = LongStream.rangeClosed(1, IDS + 1).boxed().toList();
        assertBad(server.post(BATCH, Map.of("telegram_ids", tooMany)), "telegram_ids", "at most 10000");

        assertBad(server.post(BATCH, "{}"), "telegram_ids", "required");
        assertBad(server.post(BATCH, "{\"telegram_ids\":null}"), "telegram_ids", "required");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[]}"), "telegram_ids", "non-empty list");
        assertBad(server.post(BATCH, "{\"telegram_ids\":\"1,2\"}"), "telegram_ids", "non-empty list");
        assertBad(server.post(BATCH, "{\"telegram_ids\":{\"1\":2}}"), "telegram_ids", "non-empty list");
        for (String bad : List.of("0", "-5", "1.5", "\"7\"", "null", "true", "[1]", "99999999999999999999999")) {
            assertBad(server.post(BATCH, "{\"telegram_ids\":[1," + bad + "]}"), "telegram_ids", "positive integers");
        }
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"since\":\"x\"}"), "since", "unknown field");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"last_check\":\"yesterday\"}"), "last_check", "ISO-8601");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"last_check\":1764230400}"), "last_check", "ISO-8601");
        assertBad(
                server.post(BATCH, "{\"telegram_ids\":[1],\"last_check\":\"2026-11-27T10:00:00\",\"cursor\":0}"),
                "last_check",
                "combine");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"cursor\":-1}"), "cursor", "≥ 0");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"cursor\":\"5\"}"), "cursor", "≥ 0");
        assertBad(
                server.post(BATCH, "{\"telegram_ids\":[1],\"cursor\":0,\"limit\":101}"), "limit", "between 1 and 100");
        assertBad(
                server.post(BATCH, "{\"telegram_ids\":[1],\"cursor\":0,\"limit\":2.5}"), "limit", "between 1 and 100");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"limit\":10}"), "limit", "lossless");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"wait\":31}"), "wait", "between 0 and 30");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"wait\":\"1\"}"), "wait", "between 0 and 30");
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1],\"lease\":4}"), "lease", "between 5 and 600");
        for (String notAnObject : List.of("[]", "[1,2]", "42", "\"x\"", "null")) {
            assertBad(server.post(BATCH, notAnObject), null, "JSON object");
        }
        assertBad(server.post(BATCH, "{\"telegram_ids\":[1,"), null, "not valid JSON");
        assertBad(server.post(BATCH, ""), null, "empty");

        TestServer.Response plain = server.send(server.request(BATCH)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"telegram_ids\":[1]}"))
                .build());
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.json().path("error").asText()).isEqualTo("unsupported_media_type");

        // 10,000 ids of 19 digits fit, pretty-printed; a body beyond 512 KiB is refused before parsing
        String widest = LongStream.range(0, IDS)
                .mapToObj(i -> "    " + (Long.MAX_VALUE - i))
                .collect(Collectors.joining(",\n", "{\n  \"telegram_ids\": [\n", "\n  ]\n}"));
        assertThat(widest.length()).isGreaterThan(200_000);
        assertThat(server.post(BATCH, widest).status()).isEqualTo(200);
        TestServer.Response tooLarge = server.post(BATCH, "{\"telegram_ids\":[" + " ".repeat(600_000) + "1]}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("error").asText()).isEqualTo("payload_too_large");

        TestServer.Response unauthorized = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + BATCH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"telegram_ids\":[1]}"))
                .build());
        assertThat(unauthorized.status()).isEqualTo(401);
    }

    /**
     * 9,000 of the 10,000 requested ids registered, plus 50 users nobody asks for. Items of requested users: 3 due
     * now for every 100th, one sent a moment ago and one pending since long before last_check for every 1000th, and
     * for one user a skipped item, one not yet due and a grouped member, none of which any poll returns.
     */
    private void seed(Instant now) {
        server.db().inTransaction(c -> {
            long cabinet = Sql.insert(
                    c,
                    "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash) VALUES (?,?,?)",
                    "Shop",
                    "x",
                    "h");
            try (PreparedStatement user = c.prepareStatement("INSERT INTO users (telegram_id) VALUES (?)")) {
                for (int i = 0; i < IDS; i++) {
                    if (registered(i)) {
                        Sql.bind(user, telegramId(i));
                        user.addBatch();
                    }
                }
                for (long other = 200_001; other <= 200_050; other++) {
                    Sql.bind(user, other);
                    user.addBatch();
                }
                user.executeBatch();
            }
            try (PreparedStatement item = c.prepareStatement("INSERT INTO notification_history (user_id, cabinet_id,"
                    + " event_type, external_id, text, status, deliver_after, created_at)"
                    + " SELECT id, ?, 'new_order', ?, ?, ?, ?, ? FROM users WHERE telegram_id = ?")) {
                for (int i = 0; i < IDS; i += 100) {
                    for (int k = 0; k < 3; k++) {
                        add(item, cabinet, "due-" + k, "pending", now.minusSeconds(5), telegramId(i));
                    }
                }
                for (int i = 250; i < IDS; i += 1000) {
                    add(item, cabinet, "sent-1", "sent", now.minusSeconds(5), telegramId(i));
                    add(item, cabinet, "old-1", "pending", now.minusSeconds(7200), telegramId(i + 250));
                }
                add(item, cabinet, "skipped-1", "skipped", now.minusSeconds(5), telegramId(0));
                add(item, cabinet, "future-1", "pending", now.plusSeconds(3600), telegramId(0));
                add(item, cabinet, "member-1", "pending", now.minusSeconds(5), telegramId(0));
                for (long other = 200_001; other <= 200_050; other++) {
                    add(item, cabinet, "unrequested-1", "pending", now.minusSeconds(5), other);
                }
                item.executeBatch();
            }
            Sql.update(
                    c,
                    "UPDATE notification_history SET group_id = (SELECT MIN(id) FROM notification_history)"
                            + " WHERE external_id = 'member-1'");
            return null;
        });
    }

    private static void add(
            PreparedStatement item,
            long cabinet,
            String externalId,
            String status,
            Instant deliverAfter,
            long telegramId)
            throws java.sql.SQLException {
        Sql.bind(
                item,
                cabinet,
                externalId,
                "<b>" + externalId.substring(0, externalId.indexOf('-')) + "</b>",
                status,
                deliverAfter,
                deliverAfter,
                telegramId);
        item.addBatch();
    }

    /** Item ids by Telegram id for the seeded rows the condition picks, each user's in id order. */
    private Map<Long, List<Long>> expected(String condition) {
        return server
                .db()
                .withConnection(c -> Sql.query(
                        c,
                        "SELECT u.telegram_id, n.id FROM notification_history n"
                                + " JOIN users u ON u.id = n.user_id WHERE (" + condition + ") ORDER BY n.id",
                        rs -> Map.entry(rs.getLong(1), rs.getLong(2))))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, TreeMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The non-empty lists of an answer's {@code users}, checking each item belongs to the user it is listed under. */
    private static Map<Long, List<Long>> itemsByUser(JsonNode users) {
        Map<Long, List<Long>> items = new TreeMap<>();
        Set<Long> seen = new HashSet<>();
        users.properties().forEach(entry -> {
            long telegramId = Long.parseLong(entry.getKey());
            for (JsonNode item : entry.getValue()) {
                assertThat(item.path("telegram_id").asLong()).isEqualTo(telegramId);
                assertThat(seen.add(item.path("id").asLong())).as("listed once").isTrue();
                items.computeIfAbsent(telegramId, k -> new ArrayList<>())
                        .add(item.path("id").asLong());
            }
        });
        return items;
    }
}
