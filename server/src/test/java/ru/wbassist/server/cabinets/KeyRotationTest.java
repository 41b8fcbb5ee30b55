package ru.wbassist.server.cabinets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.wbassist.api.Users;
import ru.wbassist.db.Database;
import ru.wbassist.db.DatabaseConfig;
import ru.wbassist.db.Sql;
import ru.wbassist.db.TestDatabases;
import ru.wbassist.server.TestTokens;
import ru.wbassist.server.users.UserRepository;

/**
 * Stored WB keys are bound to their cabinet and name the key-encryption key (KEK) they are written with; a rotation
 * re-encrypts them to a new KEK while a server that knows both keeps reading and connecting, on H2 and PostgreSQL.
 */
class KeyRotationTest {

    private static final byte[] OLD_KEK = kek(1);
    private static final byte[] NEW_KEK = kek(2);

    private DatabaseConfig config;
    private Database db;
    private UserRepository users;

    @AfterEach
    void close() {
        db.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aCiphertextCopiedIntoAnotherCabinetDoesNotDecrypt(DatabaseConfig.Vendor vendor) {
        open(vendor);
        CabinetRepository cabinets = new CabinetRepository(db, new KeyVault(OLD_KEK));
        String keyA = TestTokens.valid();
        long a = connect(cabinets, keyA);
        long b = connect(cabinets, TestTokens.valid());
        db.withConnection(c -> Sql.update(
                c,
                "UPDATE wb_cabinets SET api_key_encrypted ="
                        + " (SELECT api_key_encrypted FROM wb_cabinets WHERE id = ?) WHERE id = ?",
                a,
                b));
        assertThat(cabinets.apiKey(a)).isEqualTo(keyA);
        assertThatThrownBy(() -> cabinets.apiKey(b))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(keyA);
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void rotationMovesEveryKeyToTheNewKekWhileAServerKeepsReadingAndConnecting(DatabaseConfig.Vendor vendor)
            throws Exception {
        open(vendor);
        CabinetRepository before = new CabinetRepository(db, new KeyVault(OLD_KEK));
        Map<Long, String> keys = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            String key = TestTokens.valid();
            keys.put(connect(before, key), key);
        }
        long legacy = legacyCabinet(OLD_KEK, keys);

        // the servers restart with the new KEK and the old one as previous: everything stays readable
        KeyVault both = new KeyVault(NEW_KEK, List.of(OLD_KEK));
        CabinetRepository server = new CabinetRepository(db, both);
        keys.forEach((id, key) -> assertThat(server.apiKey(id)).isEqualTo(key));

        assertThat(server.keysToRotate()).isEqualTo(6);
        List<Long> stale = server.keysToRotate(0, 100);
        assertThat(stale).hasSize(6).contains(legacy);
        for (int i = 0; i < 3; i++) { // half-way through a rotation
            server.rotateKey(stale.get(i));
        }
        keys.forEach((id, key) ->
                assertThat(server.apiKey(id)).as("cabinet %d mid-rotation", id).isEqualTo(key));
        long joinedUser = users.register(new Users.Registration(9001L, "j", "J", null, "ru"))
                .user()
                .id();
        for (long id : List.of(stale.get(0), stale.get(5))) { // one rotated, one not: both still found by their key
            var joined = server.connect(joinedUser, keys.get(id), null, WbToken.parse(keys.get(id)));
            assertThat(joined.cabinet().id()).isEqualTo(id);
            assertThat(joined.outcome()).isEqualTo(CabinetRepository.Outcome.JOINED);
        }
        String added = TestTokens.valid();
        keys.put(connect(server, added), added);

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = KeyRotationMain.run(environment(), new PrintStream(output, true, StandardCharsets.UTF_8));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed)
                .contains("3 stored WB keys re-encrypted", "4 already were", "0 failed")
                .doesNotContain(base64(NEW_KEK), base64(OLD_KEK));
        keys.values().forEach(key -> assertThat(printed).doesNotContain(key));

        KeyVault newOnly = new KeyVault(NEW_KEK);
        CabinetRepository after = new CabinetRepository(db, newOnly);
        keys.forEach((id, key) -> assertThat(after.apiKey(id)).isEqualTo(key));
        List<String> stored = db.withConnection(
                c -> Sql.query(c, "SELECT api_key_encrypted FROM wb_cabinets", rs -> rs.getString(1)));
        assertThat(stored).hasSize(7).allMatch(newOnly::isCurrent);
        assertThat(after.keysToRotate()).isZero();
        List<String> hashes =
                db.withConnection(c -> Sql.query(c, "SELECT api_key_hash FROM wb_cabinets", rs -> rs.getString(1)));
        assertThat(hashes)
                .containsExactlyInAnyOrderElementsOf(
                        keys.values().stream().map(newOnly::hash).toList());
        CabinetRepository oldOnly = new CabinetRepository(db, new KeyVault(OLD_KEK));
        assertThatThrownBy(() -> oldOnly.apiKey(legacy)).hasMessageContaining("not configured");
        assertThat(KeyRotationMain.run(environment(), new PrintStream(new ByteArrayOutputStream())))
                .as("a second run")
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseConfig.Vendor.class)
    void aKeyNoConfiguredKekReadsIsReportedAndLeftAsItWas(DatabaseConfig.Vendor vendor) {
        open(vendor);
        long id = connect(new CabinetRepository(db, new KeyVault(kek(3))), TestTokens.valid());
        String stored = db.withConnection(c -> Sql.queryOne(
                        c, "SELECT api_key_encrypted FROM wb_cabinets WHERE id = ?", rs -> rs.getString(1), id))
                .orElseThrow();
        KeyRotation.Result result =
                new KeyRotation(new CabinetRepository(db, new KeyVault(NEW_KEK, List.of(OLD_KEK)))).rotateAll();
        assertThat(result.rotated()).isZero();
        assertThat(result.failures()).singleElement().asString().contains("cabinet " + id, "not configured");
        assertThat(db.withConnection(c -> Sql.queryOne(
                                c, "SELECT api_key_encrypted FROM wb_cabinets WHERE id = ?", rs -> rs.getString(1), id))
                        .orElseThrow())
                .isEqualTo(stored);
    }

    private void open(DatabaseConfig.Vendor vendor) {
        config = TestDatabases.freshConfig(vendor);
        db = Database.open(config);
        users = new UserRepository(db);
    }

    private long connect(CabinetRepository cabinets, String key) {
        long telegramId = 1000 + db.withConnection(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM users"));
        long userId = users.register(new Users.Registration(telegramId, "u", "U", null, "ru"))
                .user()
                .id();
        return cabinets.connect(userId, key, null, WbToken.parse(key)).cabinet().id();
    }

    /** A cabinet stored the way keys were before versioning: base64(nonce || AES-GCM), no key id, no associated data. */
    private long legacyCabinet(byte[] kek, Map<Long, String> keys) throws Exception {
        String key = TestTokens.valid();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(hmac(kek, "wbassist/encrypt"), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(key.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, all, 0, nonce.length);
        System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
        String hash = java.util.HexFormat.of().formatHex(macOf(hmac(kek, "wbassist/lookup"), key));
        long id = db.withConnection(c -> Sql.insert(
                c,
                "INSERT INTO wb_cabinets (name, api_key_encrypted, api_key_hash)" + " VALUES (?,?,?)",
                "Legacy",
                Base64.getEncoder().encodeToString(all),
                hash));
        keys.put(id, key);
        return id;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", config.url());
        env.put("DATABASE_USER", config.username());
        env.put("DATABASE_PASSWORD", config.password());
        env.put("API_SECRET_KEY", "rotation-test-secret-0123");
        env.put("KEY_ENCRYPTION_KEY", base64(NEW_KEK));
        env.put("KEY_ENCRYPTION_KEY_PREVIOUS", base64(OLD_KEK));
        env.put(
                "DATA_DIR",
                System.getProperty("java.io.tmpdir") + "/wbassist-rotation-"
                        + ProcessHandle.current().pid());
        return env;
    }

    private static byte[] hmac(byte[] key, String label) throws Exception {
        return macOf(key, label);
    }

    private static byte[] macOf(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] kek(int seed) {
        byte[] kek = new byte[32];
        java.util.Arrays.fill(kek, (byte) seed);
        return kek;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
