package ru.wbassist.server.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.wbassist.db.Sql;

/**
 * Records events under their unique key (cabinet, type, external id). Portable check-then-insert (H2 has no
 * {@code ON CONFLICT (col)}): ids already recorded are skipped, so repeating a sync over the same rows records
 * nothing new. Only one sync of a cabinet runs at a time (db-scheduler), so the check cannot race; if it ever did,
 * the unique key fails the whole transaction rather than duplicating an event.
 */
public final class EventLog {

    /** An event about to be recorded. */
    public record Candidate(String externalId, EventFacts facts, Instant occurredAt) {}

    /**
     * Inserts the candidates not yet recorded.
     *
     * @return the events inserted now, in candidate order
     */
    public List<RecordedEvent> record(
            Connection c, long cabinetId, String cabinetName, EventType type, List<Candidate> candidates, Instant now)
            throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<RecordedEvent> recorded = new ArrayList<>(candidates.size());
        for (int from = 0; from < candidates.size(); from += Sql.MAX_LIST) {
            List<Candidate> chunk = candidates.subList(from, Math.min(candidates.size(), from + Sql.MAX_LIST));
            Set<String> known = existing(
                    c,
                    cabinetId,
                    type,
                    chunk.stream().map(Candidate::externalId).toList());
            List<Candidate> fresh = new ArrayList<>();
            Set<String> seen = new HashSet<>(known);
            for (Candidate candidate : chunk) {
                if (seen.add(candidate.externalId())) {
                    fresh.add(candidate);
                }
            }
            if (fresh.isEmpty()) {
                continue;
            }
            List<Long> ids = insert(c, cabinetId, type, fresh, now);
            for (int i = 0; i < fresh.size(); i++) {
                Candidate candidate = fresh.get(i);
                recorded.add(new RecordedEvent(
                        ids.get(i),
                        cabinetId,
                        cabinetName,
                        type,
                        candidate.externalId(),
                        candidate.facts(),
                        candidate.occurredAt()));
            }
        }
        return recorded;
    }

    /** Reads the facts stored with an event. */
    public static EventFacts facts(EventType type, String payload) {
        return EventPayloads.read(type, payload);
    }

    /** Inserts the rows as one batch; returns their ids in the order given (the batch's generated keys). */
    private static List<Long> insert(Connection c, long cabinetId, EventType type, List<Candidate> fresh, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (cabinet_id, event_type, external_id, payload,"
                        + " occurred_at, detected_at) VALUES (?,?,?,?,?,?)",
                new String[] {"id"})) {
            for (Candidate candidate : fresh) {
                Sql.bind(
                        ps,
                        cabinetId,
                        type.code(),
                        candidate.externalId(),
                        EventPayloads.write(candidate.facts()),
                        candidate.occurredAt(),
                        now);
                ps.addBatch();
            }
            ps.executeBatch();
            List<Long> ids = new ArrayList<>(fresh.size());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != fresh.size()) {
                throw new IllegalStateException(
                        "the driver returned " + ids.size() + " keys for " + fresh.size() + " events");
            }
            return ids;
        }
    }

    private static Set<String> existing(Connection c, long cabinetId, EventType type, List<String> externalIds)
            throws SQLException {
        List<Object> params = new ArrayList<>(externalIds);
        params.add(cabinetId);
        params.add(type.code());
        return new HashSet<>(Sql.query(
                c,
                "SELECT e.external_id FROM " + Sql.keyList(externalIds.size()) + " JOIN events e"
                        + " ON e.cabinet_id = ? AND e.event_type = ? AND e.external_id = k.ext_id",
                rs -> rs.getString(1),
                params.toArray()));
    }
}
