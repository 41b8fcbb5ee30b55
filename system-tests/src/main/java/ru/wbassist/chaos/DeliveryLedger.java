package ru.wbassist.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what the server queued with what reached Telegram. Expected: every {@code notification_history} row that is
 * not {@code skipped} and is not a member of a group (its leader carries it), as (chat, text). Delivered: every message
 * the emulator accepted, as (chat, text or caption). Each delivered message consumes one expected row with the same
 * chat and text; a message with nothing left to consume is a duplicate (or, when no row ever had that text, unexpected),
 * and an expected row nothing consumed is lost.
 */
final class DeliveryLedger {

    /** The methods that deliver a notification (a photo card, or its text when the photo cannot be fetched). */
    private static final Set<String> SENDS = Set.of("sendMessage", "sendPhoto", "sendMediaGroup");

    private static final int SAMPLES = 10;

    record Row(long id, long chatId, String text, String status, int attempts, String lastError) {}

    private record Key(long chatId, String text) {}

    /**
     * @param samples a few lost/duplicated items, for the report and the owner of the bug
     */
    record Figures(
            long events,
            Map<String, Long> notificationsByStatus,
            int expected,
            int delivered,
            int lost,
            int duplicated,
            int unexpected,
            List<String> samples) {}

    private DeliveryLedger() {}

    static Figures audit(Connection db, JsonNode emulatorSent) throws SQLException {
        long events = count(db, "SELECT count(*) FROM events");
        Map<String, Long> byStatus = new LinkedHashMap<>();
        try (var st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT status, count(*) FROM notification_history GROUP BY status ORDER BY status")) {
            while (rs.next()) {
                byStatus.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<Row> expected = expectedRows(db);
        Map<Key, Deque<Row>> open = new HashMap<>();
        expected.forEach(row -> open.computeIfAbsent(new Key(row.chatId(), row.text()), k -> new ArrayDeque<>())
                .add(row));
        Map<Key, List<Long>> ever = new HashMap<>();
        expected.forEach(row -> ever.computeIfAbsent(new Key(row.chatId(), row.text()), k -> new ArrayList<>())
                .add(row.id()));
        int delivered = 0;
        int duplicated = 0;
        int unexpected = 0;
        List<String> samples = new ArrayList<>();
        Map<Key, List<String>> deliveredAt = new HashMap<>();
        for (JsonNode message : emulatorSent.path("sent")) {
            if (!SENDS.contains(message.path("method").asText())) {
                continue;
            }
            delivered++;
            String body = message.hasNonNull("text")
                    ? message.get("text").asText()
                    : message.path("caption").asText("");
            Key key = new Key(message.path("chat_id").asLong(), body);
            deliveredAt
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(message.path("at").asText());
            Deque<Row> rows = open.get(key);
            if (rows != null && !rows.isEmpty()) {
                rows.removeFirst();
            } else if (ever.containsKey(key)) {
                duplicated++;
                sample(
                        samples,
                        "DUPLICATE chat " + key.chatId() + " delivered at " + deliveredAt.get(key) + " for rows "
                                + ever.get(key) + ": " + head(body));
            } else {
                unexpected++;
                sample(samples, "UNEXPECTED chat " + key.chatId() + ": " + head(body));
            }
        }
        int lost = 0;
        for (Deque<Row> rows : open.values()) {
            for (Row row : rows) {
                lost++;
                sample(
                        samples,
                        "LOST row " + row.id() + " chat " + row.chatId() + " status " + row.status()
                                + " attempts " + row.attempts()
                                + (row.lastError() == null ? "" : " error " + row.lastError())
                                + ": " + head(row.text()));
            }
        }
        return new Figures(events, byStatus, expected.size(), delivered, lost, duplicated, unexpected, samples);
    }

    /** Rows still waiting to be delivered now (the drain is over when there are none). */
    static long pending(Connection db) throws SQLException {
        return count(
                db,
                "SELECT count(*) FROM notification_history WHERE status = 'pending'"
                        + " AND (group_id IS NULL OR group_id = id)");
    }

    private static List<Row> expectedRows(Connection db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (var st = db.createStatement();
                ResultSet rs = st.executeQuery("""
                SELECT n.id, u.telegram_id, COALESCE(n.group_text, n.text), n.status, n.attempts, n.last_error
                  FROM notification_history n JOIN users u ON u.id = n.user_id
                 WHERE n.status <> 'skipped' AND (n.group_id IS NULL OR n.group_id = n.id)
                 ORDER BY n.id""")) {
            while (rs.next()) {
                rows.add(new Row(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6)));
            }
        }
        return rows;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sample(List<String> samples, String line) {
        if (samples.size() < SAMPLES) {
            samples.add(line);
        }
    }

    private static String head(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
