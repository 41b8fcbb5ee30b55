package ru.wbassist.server.cabinets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.wbassist.api.Cabinets.Cabinet;
import ru.wbassist.db.DataAccessException;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** Cabinets, their users, and their (encrypted) keys. */
public final class CabinetRepository {

    private static final String VIEW = """
            SELECT c.id, c.name, cu.role, c.created_at, c.active, c.token_expires_at, c.key_invalid_since, c.key_error,
                   (SELECT MAX(l.completed_at) FROM wb_sync_logs l
                     WHERE l.cabinet_id = c.id AND l.status = 'success') AS last_sync_at,
                   (SELECT l.status FROM wb_sync_logs l WHERE l.cabinet_id = c.id
                     ORDER BY l.started_at DESC, l.id DESC LIMIT 1) AS last_sync_status
              FROM wb_cabinets c JOIN cabinet_users cu ON cu.cabinet_id = c.id
            """;

    private final Database db;
    private final KeyVault vault;

    public CabinetRepository(Database db, KeyVault vault) {
        this.db = db;
        this.vault = vault;
    }

    /** What connecting a key did. */
    public enum Outcome {
        CREATED,
        JOINED,
        ALREADY_LINKED,
        KEY_REPLACED
    }

    /** @param linkedBefore whether the user was already a user of the cabinet */
    public record Connected(Cabinet cabinet, Outcome outcome, boolean linkedBefore) {}

    /**
     * Connects a key for a user. A cabinet is one WB seller: the cabinet with this key (the user joins as member), else
     * the cabinet of the same seller, whose key this one replaces (WB keys expire after 180 days and sellers issue new
     * ones; history and users stay), else a new cabinet (the user is its owner). The unique key hash and seller id make
     * a second cabinet for one key or one seller impossible; a connect that loses that race to a concurrent one is
     * retried once and then finds the winner's cabinet.
     *
     * @param apiKey the key normalised by {@link WbToken#normalise}
     */
    public Connected connect(long userId, String apiKey, String name, WbToken token) {
        try {
            return db.inTransaction(c -> connect(c, userId, apiKey, name, token));
        } catch (DataAccessException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return db.inTransaction(c -> connect(c, userId, apiKey, name, token));
        }
    }

    private Connected connect(Connection c, long userId, String apiKey, String name, WbToken token)
            throws SQLException {
        List<String> hashes = vault.hashes(apiKey); // during a key rotation a row may carry the previous KEK's hash
        Optional<Long> sameKey = Sql.queryOne(
                c,
                "SELECT id FROM wb_cabinets WHERE api_key_hash IN (" + Sql.placeholders(hashes.size()) + ") FOR UPDATE",
                rs -> rs.getLong(1),
                hashes.toArray());
        if (sameKey.isPresent()) {
            boolean linked = link(c, sameKey.get(), userId);
            return new Connected(
                    find(c, sameKey.get(), userId).orElseThrow(),
                    linked ? Outcome.ALREADY_LINKED : Outcome.JOINED,
                    linked);
        }
        Optional<Long> sameSeller = token.sellerId() == null
                ? Optional.empty()
                : Sql.queryOne(
                        c,
                        "SELECT id FROM wb_cabinets WHERE seller_id = ? FOR UPDATE",
                        rs -> rs.getLong(1),
                        token.sellerId());
        if (sameSeller.isPresent()) {
            long cabinetId = sameSeller.get();
            Sql.update(
                    c,
                    "UPDATE wb_cabinets SET api_key_encrypted = ?, api_key_hash = ?, token_expires_at = ?,"
                            + " key_allows_answers = ?, key_invalid_since = NULL, key_error = NULL WHERE id = ?",
                    vault.encrypt(cabinetId, apiKey),
                    hashes.getFirst(),
                    token.expiresAt(),
                    token.allowsAnswers(),
                    cabinetId);
            boolean linked = link(c, cabinetId, userId);
            return new Connected(find(c, cabinetId, userId).orElseThrow(), Outcome.KEY_REPLACED, linked);
        }
        long count = Sql.queryLong(c, "SELECT COUNT(*) FROM cabinet_users WHERE user_id = ?", userId);
        String cabinetName = name != null ? name : "Кабинет " + (count + 1);
        long cabinetId = Sql.insert(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash, seller_id,"
                        + " token_expires_at, key_allows_answers, created_at) VALUES (?,?,?,?,?,?,?)",
                cabinetName,
                "",
                hashes.getFirst(),
                token.sellerId(),
                token.expiresAt(),
                token.allowsAnswers(),
                Instant.now());
        // the ciphertext is bound to the cabinet's id, known only now; the row is not visible before the commit
        Sql.update(
                c,
                "UPDATE wb_cabinets SET api_key_encrypted = ? WHERE id = ?",
                vault.encrypt(cabinetId, apiKey),
                cabinetId);
        Sql.update(
                c,
                "INSERT INTO cabinet_users (cabinet_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                cabinetId,
                userId,
                "owner",
                Instant.now());
        return new Connected(find(c, cabinetId, userId).orElseThrow(), Outcome.CREATED, false);
    }

    /** Makes the user a member of the cabinet unless they are linked already; returns whether they were. */
    private static boolean link(Connection c, long cabinetId, long userId) throws SQLException {
        boolean linked = Sql.queryLong(
                        c, "SELECT COUNT(*) FROM cabinet_users WHERE cabinet_id = ? AND user_id = ?", cabinetId, userId)
                > 0;
        if (!linked) {
            Sql.update(
                    c,
                    "INSERT INTO cabinet_users (cabinet_id, user_id, role, joined_at) VALUES (?,?,?,?)",
                    cabinetId,
                    userId,
                    "member",
                    Instant.now());
        }
        return linked;
    }

    /** The cabinets of a user (internal user id). */
    public List<Cabinet> listForUser(long userId) {
        return db.withConnection(
                c -> Sql.query(c, VIEW + " WHERE cu.user_id = ? ORDER BY c.id", CabinetRepository::map, userId));
    }

    /**
     * Unlinks a user; when nobody is left, deletes the cabinet and all its data
     * (its events and notifications explicitly, everything else by cascade).
     *
     * @return false when the user was not linked to that cabinet
     */
    public boolean unlink(long cabinetId, long userId) {
        return db.inTransaction(c -> {
            if (Sql.update(c, "DELETE FROM cabinet_users WHERE cabinet_id = ? AND user_id = ?", cabinetId, userId)
                    == 0) {
                return false;
            }
            if (Sql.queryLong(c, "SELECT COUNT(*) FROM cabinet_users WHERE cabinet_id = ?", cabinetId) == 0) {
                // Notifications and events have no foreign keys (they dominated fan-out's insert cost).
                Sql.update(c, "DELETE FROM notification_history WHERE cabinet_id = ?", cabinetId);
                Sql.update(c, "DELETE FROM events WHERE cabinet_id = ?", cabinetId);
                Sql.update(c, "DELETE FROM wb_cabinets WHERE id = ?", cabinetId);
            }
            return true;
        });
    }

    /** The decrypted key of a cabinet, for the WB client only. */
    public String apiKey(long cabinetId) {
        String stored = db.withConnection(c -> Sql.queryOne(
                        c, "SELECT api_key_encrypted FROM wb_cabinets WHERE id = ?", rs -> rs.getString(1), cabinetId))
                .orElseThrow(() -> new IllegalArgumentException("no cabinet " + cabinetId));
        return vault.decrypt(cabinetId, stored);
    }

    /** How many stored keys are not yet written with the current key-encryption key (or in the current format). */
    public long keysToRotate() {
        return db.withConnection(c -> Sql.queryLong(
                c, "SELECT COUNT(*) FROM wb_cabinets WHERE api_key_encrypted NOT LIKE ?", vault.currentPrefix() + "%"));
    }

    /** Up to {@code limit} ids after {@code afterId} whose key waits for a rotation, in id order. */
    public List<Long> keysToRotate(long afterId, int limit) {
        return db.withConnection(c -> Sql.query(
                c,
                "SELECT id FROM wb_cabinets WHERE id > ? AND api_key_encrypted NOT LIKE ?" + " ORDER BY id LIMIT ?",
                rs -> rs.getLong(1),
                afterId,
                vault.currentPrefix() + "%",
                limit));
    }

    /**
     * Re-encrypts and re-hashes one cabinet's key with the current key-encryption key, in its own short transaction
     * (servers keep reading the row meanwhile). A cabinet gone or already current is left alone.
     *
     * @throws IllegalStateException when no configured key-encryption key reads it (the message names no key material)
     */
    public void rotateKey(long cabinetId) {
        db.inTransaction(c -> {
            Optional<String> stored = Sql.queryOne(
                    c,
                    "SELECT api_key_encrypted FROM wb_cabinets WHERE id = ? FOR UPDATE",
                    rs -> rs.getString(1),
                    cabinetId);
            if (stored.isPresent() && !vault.isCurrent(stored.get())) {
                String key = vault.decrypt(cabinetId, stored.get());
                Sql.update(
                        c,
                        "UPDATE wb_cabinets SET api_key_encrypted = ?, api_key_hash = ? WHERE id = ?",
                        vault.encrypt(cabinetId, key),
                        vault.hash(key),
                        cabinetId);
            }
            return null;
        });
    }

    /** How many cabinets there are. */
    public long count() {
        return db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"));
    }

    /** Ids of the cabinets that are synced. */
    public List<Long> activeIds() {
        return db.withConnection(
                c -> Sql.query(c, "SELECT id FROM wb_cabinets WHERE active ORDER BY id", rs -> rs.getLong(1)));
    }

    private static Optional<Cabinet> find(Connection c, long cabinetId, long userId) throws SQLException {
        return Sql.queryOne(c, VIEW + " WHERE c.id = ? AND cu.user_id = ?", CabinetRepository::map, cabinetId, userId);
    }

    private static Cabinet map(ResultSet rs) throws SQLException {
        return new Cabinet(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("role"),
                Sql.instant(rs, "created_at"),
                rs.getBoolean("active"),
                Sql.instant(rs, "token_expires_at"),
                rs.getObject("key_invalid_since") == null,
                rs.getString("key_error"),
                Sql.instant(rs, "last_sync_at"),
                rs.getString("last_sync_status"));
    }
}
