package ru.wbassist.server.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import ru.wbassist.api.Users;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.KeyVault;
import ru.wbassist.server.cabinets.WbToken;
import ru.wbassist.server.metrics.ServerMeters;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.wb.RateLimiter;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbHosts;

/** A fresh database, a WB sandbox with one seller, and the real sync between them (events go to a recorder). */
final class SyncFixture implements AutoCloseable {

    static final SyncSettings SETTINGS =
            new SyncSettings(false, Duration.ofSeconds(1), Duration.ofMinutes(60), 3, 1, Duration.ofMillis(100));

    final WbSandbox sandbox;
    final SandboxSeller seller;
    final Database db;
    final CabinetRepository cabinets;
    final RecordingEventSink events = new RecordingEventSink();
    final CabinetSync sync;
    private final UserRepository users;
    private long nextTelegramId = 1000;

    SyncFixture(DatabaseConfig.Vendor vendor, int historyDays) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(42)
                .pageCap(80_000)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(historyDays));
        seller = sandbox.createSeller("ИП Синхронов");
        db = TestDatabases.fresh(vendor);
        users = new UserRepository(db);
        cabinets = new CabinetRepository(db, new KeyVault(new byte[32]));
        WbClient wb = relaxedClient(sandbox.baseUrl(), TestMeters.detached());
        sync = new CabinetSync(db, cabinets, wb, events, SETTINGS, Clock.systemUTC(), TestMeters.detached());
    }

    /** The production client at {@code baseUrl} without our own rate limits (the sandbox's relaxed ones apply). */
    static WbClient relaxedClient(String baseUrl, ServerMeters meters) {
        return new WbClient(
                WbHosts.allAt(baseUrl),
                RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000)),
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                80_000,
                WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                meters);
    }

    /** Connects a cabinet with this key for a new user and returns its id. */
    long connect(String token) {
        long userId = users.register(new Users.Registration(nextTelegramId++, "u", "U", null, "ru"))
                .user()
                .id();
        return cabinets.connect(userId, token, "Тест", WbToken.parse(token))
                .cabinet()
                .id();
    }

    long count(String sql, Object... params) {
        return db.withConnection(c -> Sql.queryLong(c, sql, params));
    }

    List<List<Object>> rows(String sql, Object... params) {
        return db.withConnection(c -> Sql.query(
                c,
                sql,
                rs -> {
                    int n = rs.getMetaData().getColumnCount();
                    List<Object> row = new java.util.ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object value = rs.getObject(i);
                        row.add(
                                value instanceof java.math.BigDecimal d
                                        ? d.stripTrailingZeros()
                                        : String.valueOf(value));
                    }
                    return row;
                },
                params));
    }

    @Override
    public void close() {
        sandbox.close();
        db.close();
    }
}
