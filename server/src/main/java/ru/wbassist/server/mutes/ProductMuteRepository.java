package ru.wbassist.server.mutes;

import java.time.Clock;
import java.util.List;
import ru.wbassist.api.NotFound;
import ru.wbassist.api.Notifications.ProductMute;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/**
 * A user's muted products. The fan-out reads {@code product_mutes} itself (in the detecting transaction) and marks
 * stock alerts about them {@code skipped} with the reason {@code product_muted}.
 */
public final class ProductMuteRepository {

    private final Database db;
    private final Clock clock;

    public ProductMuteRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<ProductMute> list(long userId) {
        return db.withConnection(c -> Sql.query(
                c, """
                        SELECT m.cabinet_id, w.name, m.nm_id, p.title
                          FROM product_mutes m JOIN wb_cabinets w ON w.id = m.cabinet_id
                          LEFT JOIN wb_products p ON p.cabinet_id = m.cabinet_id AND p.nm_id = m.nm_id
                         WHERE m.user_id = ? ORDER BY m.muted_at, m.cabinet_id, m.nm_id""", rs -> new ProductMute(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), userId));
    }

    /**
     * Mutes a product of one of the user's cabinets; muting it again changes nothing.
     *
     * @throws NotFound when the user is not in that cabinet
     */
    public void mute(long userId, long cabinetId, long nmId) {
        db.inTransaction(c -> {
            if (Sql.queryLong(
                            c,
                            "SELECT COUNT(*) FROM cabinet_users WHERE cabinet_id = ? AND user_id = ?",
                            cabinetId,
                            userId)
                    == 0) {
                throw new NotFound("the user has no cabinet " + cabinetId);
            }
            // the user's row lock keeps two presses of the button from both inserting
            Sql.query(c, "SELECT id FROM users WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), userId);
            if (Sql.queryLong(
                            c,
                            "SELECT COUNT(*) FROM product_mutes WHERE user_id = ? AND cabinet_id = ? AND nm_id = ?",
                            userId,
                            cabinetId,
                            nmId)
                    == 0) {
                Sql.update(
                        c,
                        "INSERT INTO product_mutes (user_id, cabinet_id, nm_id, muted_at) VALUES (?,?,?,?)",
                        userId,
                        cabinetId,
                        nmId,
                        clock.instant());
            }
            return null;
        });
    }

    /** Unmutes; true when it was muted. */
    public boolean unmute(long userId, long cabinetId, long nmId) {
        return db.inTransaction(c -> Sql.update(
                        c,
                        "DELETE FROM product_mutes WHERE user_id = ? AND cabinet_id = ?" + " AND nm_id = ?",
                        userId,
                        cabinetId,
                        nmId)
                > 0);
    }
}
