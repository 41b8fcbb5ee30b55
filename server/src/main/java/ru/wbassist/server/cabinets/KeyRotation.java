package ru.wbassist.server.cabinets;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import ru.wbassist.db.DataAccessException;

/**
 * Re-encrypts every stored WB key with the current key-encryption key (and re-hashes it), one cabinet per short
 * transaction, so servers keep reading and connecting while it runs: they know the previous key too
 * ({@code KEY_ENCRYPTION_KEY_PREVIOUS}). Rows already current are left alone, so a rotation may be run again.
 */
public final class KeyRotation {

    private static final System.Logger LOG = System.getLogger(KeyRotation.class.getName());
    private static final int BATCH = 100;

    private final CabinetRepository cabinets;

    public KeyRotation(CabinetRepository cabinets) {
        this.cabinets = cabinets;
    }

    /** What a pass did; {@code failures} name cabinets and reasons, never key material. */
    public record Result(int rotated, int alreadyCurrent, List<String> failures) {}

    /** Rotates every cabinet's key. */
    public Result rotateAll() {
        int rotated = 0;
        List<String> failures = new ArrayList<>();
        long after = 0;
        for (List<Long> batch = cabinets.keysToRotate(after, BATCH);
                !batch.isEmpty();
                batch = cabinets.keysToRotate(after, BATCH)) {
            for (long cabinetId : batch) {
                try {
                    cabinets.rotateKey(cabinetId);
                    rotated++;
                } catch (IllegalStateException | DataAccessException e) {
                    // KeyVault's and the database's messages carry no key material
                    LOG.log(Level.WARNING, "cabinet {0}: key not rotated: {1}", cabinetId, e.getMessage());
                    failures.add("cabinet " + cabinetId + ": " + e.getMessage());
                }
                after = cabinetId;
            }
        }
        return new Result(rotated, (int) (cabinets.count() - rotated - failures.size()), List.copyOf(failures));
    }
}
