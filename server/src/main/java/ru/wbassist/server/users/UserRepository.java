package ru.wbassist.server.users;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import ru.wbassist.api.Users;
import ru.wbassist.db.Database;
import ru.wbassist.db.Sql;

/** Users by Telegram id. */
public final class UserRepository {

    private static final String COLUMNS =
            "id, telegram_id, username, first_name, last_name, language, created_at, bot_blocked_at";

    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    /** The outcome of a registration: the user and whether it was new. */
    public record Registered(User user, boolean created) {}

    /**
     * Creates the user or updates the fields the registration carries (a field left out keeps its value). Registering
     * again also clears a bot block: the user wrote to the bot, so they can be reached again.
     */
    public Registered register(Users.Registration r) {
        return db.inTransaction(c -> {
            Optional<User> existing = find(c, r.telegramId(), true);
            Instant now = Instant.now();
            if (existing.isEmpty()) {
                try {
                    Sql.update(
                            c,
                            "INSERT INTO users (telegram_id, username, first_name, last_name, language, created_at,"
                                    + " updated_at) VALUES (?,?,?,?,?,?,?)",
                            r.telegramId(),
                            r.username(),
                            r.firstName(),
                            r.lastName(),
                            r.language() == null ? "ru" : r.language(),
                            now,
                            now);
                    return new Registered(find(c, r.telegramId(), false).orElseThrow(), true);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // a concurrent registration of the same user won: fall through to the update
                }
            }
            Sql.update(
                    c,
                    "UPDATE users SET username = COALESCE(?, username), first_name = COALESCE(?, first_name),"
                            + " last_name = COALESCE(?, last_name),"
                            + " language = COALESCE(?, language), updated_at = ?, bot_blocked_at = NULL WHERE telegram_id = ?",
                    r.username(),
                    r.firstName(),
                    r.lastName(),
                    r.language(),
                    now,
                    r.telegramId());
            return new Registered(find(c, r.telegramId(), false).orElseThrow(), false);
        });
    }

    public Optional<User> find(long telegramId) {
        return db.withConnection(c -> find(c, telegramId, false));
    }

    /** Finds a user inside a caller's transaction. */
    public static Optional<User> find(Connection c, long telegramId, boolean forUpdate) throws SQLException {
        return Sql.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM users WHERE telegram_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                UserRepository::map,
                telegramId);
    }

    /**
     * The user blocked the bot: remember it and skip what is still queued for them, so the queue does not retry
     * a chat that cannot be reached.
     *
     * @return false when no such user exists
     */
    public boolean markBlocked(long telegramId) {
        return db.inTransaction(c -> {
            Optional<User> user = find(c, telegramId, true);
            if (user.isEmpty()) {
                return false;
            }
            Instant now = Instant.now();
            Sql.update(
                    c,
                    "UPDATE users SET bot_blocked_at = COALESCE(bot_blocked_at, ?) WHERE id = ?",
                    now,
                    user.get().id());
            Sql.update(
                    c,
                    "UPDATE notification_history SET status = 'skipped', suppressed_reason = 'bot_blocked',"
                            + " lease_until = NULL WHERE user_id = ? AND status = 'pending'",
                    user.get().id());
            return true;
        });
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getLong("telegram_id"),
                rs.getString("username"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("language"),
                Sql.instant(rs, "created_at"),
                rs.getObject("bot_blocked_at") != null);
    }
}
