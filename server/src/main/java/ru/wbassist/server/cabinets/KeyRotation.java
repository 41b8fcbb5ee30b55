package ru.wbassist.server.cabinets;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ru.wbassist.db.DataAccessException;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * Re-encrypts every stored WB key with the current key-encryption key (and re-hashes it), one cabinet per short
 * transaction, so servers keep reading and connecting while it runs: they know the previous key too
 * ({@code KEY_ENCRYPTION_KEY_PREVIOUS}). Rows already current are left alone, so a rotation may be run again.
 */
public final class KeyRotation {

    private static final System.Logger LOG = System.getLogger(KeyRotation.class.getName());

    private final Database db;
    private final KeyVault vault;

    public KeyRotation(Database db, KeyVault vault) {
        this.db = db;
        this.vault = vault;
    }

    /** What a pass did; {@code failures} name cabinets and reasons, never key material. */
    public record Result(int rotated, int alreadyCurrent, List<String> failures) {
    }

    /** Rotates every cabinet's key. */
    public Result rotateAll() {
        int rotated = 0;
        List<String> failures = new ArrayList<>();
        long after = 0;
        for (List<Long> batch = staleIds(after, 100); !batch.isEmpty(); batch = staleIds(after, 100)) {
            for (long cabinetId : batch) {
                Optional<String> failure = rotate(cabinetId);
                if (failure.isEmpty()) {
                    rotated++;
                } else {
                    failures.add(failure.get());
                }
                after = cabinetId;
            }
        }
        long total = db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets"));
        return new Result(rotated, (int) (total - rotated - failures.size()), List.copyOf(failures));
    }

    /** How many stored keys are not yet written with the current KEK (or in the current format). */
    public long staleCount() {
        return db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM wb_cabinets WHERE api_key_encrypted NOT LIKE ?",
                currentPrefix()));
    }

    private String currentPrefix() {
        return "v2:" + vault.keyId() + ":%";
    }

    /** Up to {@code limit} ids after {@code afterId} whose key is not written with the current KEK. */
    List<Long> staleIds(long afterId, int limit) {
        return db.withConnection(c -> Sql.query(c, "SELECT id FROM wb_cabinets WHERE id > ? AND api_key_encrypted NOT LIKE ?"
                + " ORDER BY id LIMIT ?", rs -> rs.getLong(1), afterId, currentPrefix(), limit));
    }

    /** Re-encrypts one cabinet's key; empty on success (or when it is gone or already current), else why not. */
    Optional<String> rotate(long cabinetId) {
        try {
            return db.inTransaction(c -> {
                Optional<String> stored = Sql.queryOne(c, "SELECT api_key_encrypted FROM wb_cabinets WHERE id = ? FOR UPDATE",
                        rs -> rs.getString(1), cabinetId);
                if (stored.isEmpty() || vault.isCurrent(stored.get())) {
                    return Optional.empty();
                }
                String key = vault.decrypt(cabinetId, stored.get());
                Sql.update(c, "UPDATE wb_cabinets SET api_key_encrypted = ?, api_key_hash = ? WHERE id = ?",
                        vault.encrypt(cabinetId, key), vault.hash(key), cabinetId);
                return Optional.empty();
            });
        } catch (IllegalStateException | DataAccessException e) {
            // KeyVault's and the database's messages carry no key material
            LOG.log(Level.WARNING, "cabinet {0}: key not rotated: {1}", cabinetId, e.getMessage());
            return Optional.of("cabinet " + cabinetId + ": " + e.getMessage());
        }
    }
}
