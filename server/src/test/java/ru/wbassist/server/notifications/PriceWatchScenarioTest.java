package ru.wbassist.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.api.Users;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.emulators.wb.Product;
import ru.wbassist.emulators.wb.SandboxSeller;
import ru.wbassist.emulators.wb.SandboxShop;
import ru.wbassist.emulators.wb.Scope;
import ru.wbassist.emulators.wb.WbSandbox;
import ru.wbassist.server.cabinets.CabinetRepository;
import ru.wbassist.server.cabinets.KeyVault;
import ru.wbassist.server.cabinets.WbToken;
import ru.wbassist.server.events.EventDetector;
import ru.wbassist.server.http.Json;
import ru.wbassist.server.metrics.TestMeters;
import ru.wbassist.server.sync.CabinetSync;
import ru.wbassist.server.sync.SyncSettings;
import ru.wbassist.server.users.UserRepository;
import ru.wbassist.server.wb.RateLimiter;
import ru.wbassist.server.wb.WbClient;
import ru.wbassist.server.wb.WbHosts;

/**
 * Price watch through the real sync against the WB sandbox, with real detection and fan-out, on H2 and PostgreSQL:
 * the first prices are a baseline, a change and a quarantine are told once, the switch holds them back, and a key
 * without the Prices category skips the data set.
 */
class PriceWatchScenarioTest {

    private WbSandbox sandbox;
    private Database db;

    @AfterEach
    void stop() {
        sandbox.close();
        db.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void changesAndQuarantinesAreToldOnceAfterTheBaseline(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(11)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(0));
        SandboxSeller seller = sandbox.createSeller("ИП Цены");
        SandboxShop shop = seller.shop();
        db = TestDatabases.fresh(vendor);
        UserRepository users = new UserRepository(db);
        CabinetRepository cabinets = new CabinetRepository(db, new KeyVault(new byte[32]));
        CabinetSync sync = sync(cabinets);

        long anna = users.register(new Users.Registration(601L, "anna", "Анна", null, "ru"))
                .user()
                .id();
        long boris = users.register(new Users.Registration(602L, "boris", "Борис", null, "en"))
                .user()
                .id();
        String key = sandbox.mintToken(
                seller, Scope.mask(Scope.CONTENT, Scope.PRICES), Instant.now().plus(Duration.ofDays(30)));
        long cabinet = cabinets.connect(anna, key, "Цены", WbToken.parse(key))
                .cabinet()
                .id();
        cabinets.connect(boris, key, null, WbToken.parse(key));
        new SettingsRepository(db, Clock.systemUTC())
                .update(
                        boris,
                        SettingsPatch.parse(Json.MAPPER.createObjectNode().put("price_changes_enabled", false)));

        assertThat(sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        assertThat(count("SELECT COUNT(*) FROM wb_prices WHERE cabinet_id = ?", cabinet))
                .isEqualTo(shop.products().size());
        assertThat(count("SELECT COUNT(*) FROM notification_history")).isZero();

        Product dress = shop.products().get(0);
        Product mug = shop.products().get(1);
        SandboxShop.PriceLevel was = shop.price(dress.nmId());
        int discount = was.discount() >= 50 ? was.discount() - 10 : was.discount() + 10;
        assertThat(shop.setPrice(dress.nmId(), was.price(), discount)).isTrue();
        SandboxShop.PriceLevel mugWas = shop.price(mug.nmId());
        assertThat(shop.setPrice(mug.nmId(), Math.max(1, mugWas.price() / 4), mugWas.discount()))
                .isFalse();
        sync.sync(cabinet);

        assertThat(rows(anna)).containsExactly("price_changed:pending", "price_quarantine:pending");
        assertThat(rows(boris)).containsExactly("price_changed:skipped", "price_quarantine:skipped");
        String changed = text(anna, "price_changed");
        assertThat(changed)
                .contains("Цена изменилась")
                .contains(dress.vendorCode())
                .contains("Скидка: " + was.discount() + "% → " + discount + "%")
                .as("the price before discount did not change: no arrow")
                .containsPattern("Цена до скидки: [^\\n]+ ₽\\n")
                .doesNotContainPattern("Цена до скидки: [^\\n]*→");
        assertThat(text(anna, "price_quarantine")).contains("Цена в карантине").contains("по старой цене");

        sync.sync(cabinet);
        assertThat(rows(anna)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aKeyWithoutThePricesCategorySkipsTheDataSet(DatabaseConfig.Vendor vendor) {
        sandbox = WbSandbox.start(WbSandbox.Options.defaults()
                .port(0)
                .seed(11)
                .acceleration(0)
                .relaxedLimits(true)
                .historyDays(0));
        SandboxSeller seller = sandbox.createSeller("ИП Без цен");
        db = TestDatabases.fresh(vendor);
        long anna = new UserRepository(db)
                .register(new Users.Registration(603L, "anna", "Анна", null, "ru"))
                .user()
                .id();
        CabinetRepository cabinets = new CabinetRepository(db, new KeyVault(new byte[32]));
        long cabinet = cabinets.connect(anna, seller.token(), "Без цен", WbToken.parse(seller.token()))
                .cabinet()
                .id();
        CabinetSync sync = sync(cabinets);

        assertThat(sync.sync(cabinet)).isEqualTo(CabinetSync.Outcome.SUCCESS);
        assertThat(count("SELECT COUNT(*) FROM wb_prices")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wb_sync_logs WHERE data_set = 'prices'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM wb_sync_logs WHERE data_set = 'products'"))
                .isEqualTo(1);
        assertThat(sandbox.requestCount("/api/v2/list/goods/filter")).isZero();
    }

    /** The real sync with real detection and fan-out, against the sandbox (relaxed limits). */
    private CabinetSync sync(CabinetRepository cabinets) {
        WbClient wb = new WbClient(
                WbHosts.allAt(sandbox.baseUrl()),
                RateLimiter.uniform(new RateLimiter.Limit(Duration.ZERO, 1000)),
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                80_000,
                WbClient.DEFAULT_MAX_RESPONSE_BYTES,
                TestMeters.detached());
        FanOut fanOut = new FanOut(
                new QueueWakeups(db, new QueueSignal(), Clock.systemUTC(), Duration.ofSeconds(1)),
                Clock.systemUTC(),
                TestMeters.detached());
        return new CabinetSync(
                db,
                cabinets,
                wb,
                new EventDetector(fanOut, Clock.systemUTC(), TestMeters.detached()),
                new SyncSettings(false, Duration.ofSeconds(1), Duration.ofMinutes(60), 90, 1, Duration.ofMillis(100)),
                Clock.systemUTC(),
                TestMeters.detached());
    }

    private long count(String sql, Object... params) {
        return db.withConnection(c -> Sql.queryLong(c, sql, params));
    }

    private List<String> rows(long userId) {
        return db.withConnection(c -> Sql.query(
                c,
                "SELECT event_type || ':' || status FROM notification_history" + " WHERE user_id = ? ORDER BY id",
                rs -> rs.getString(1),
                userId));
    }

    private String text(long userId, String type) {
        return db.withConnection(c -> Sql.queryOne(
                        c,
                        "SELECT text FROM notification_history WHERE user_id = ?"
                                + " AND event_type = ? ORDER BY id DESC LIMIT 1",
                        rs -> rs.getString(1),
                        userId,
                        type)
                .orElseThrow());
    }
}
