package ru.wbassist.server.cabinets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ru.wbassist.api.InvalidRequest;
import ru.wbassist.server.TestTokens;

class KeyVaultTest {

    private final byte[] kek = new byte[32];

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        KeyVault vault = new KeyVault(kek);
        String a = vault.encrypt(7, "secret-key");
        String b = vault.encrypt(7, "secret-key");
        assertThat(a).isNotEqualTo(b).doesNotContain("secret-key").startsWith("v2:" + vault.keyId() + ":");
        assertThat(vault.keyId()).hasSize(16);
        assertThat(vault.isCurrent(a)).isTrue();
        assertThat(vault.decrypt(7, a)).isEqualTo("secret-key");
        assertThat(vault.hash("secret-key"))
                .isEqualTo(vault.hash("secret-key"))
                .hasSize(64)
                .doesNotContain("secret");
    }

    @Test
    void theCiphertextIsBoundToItsCabinetAndItsKeyIdCannotBeSwapped() {
        byte[] other = new byte[32];
        other[0] = 1;
        KeyVault vault = new KeyVault(kek, java.util.List.of(other));
        String sealed = vault.encrypt(7, "secret-key");
        assertThatThrownBy(() -> vault.decrypt(8, sealed))
                .hasMessageContaining("cabinet 8")
                .hasMessageNotContaining("secret-key");
        String relabelled = sealed.replace(vault.keyId(), new KeyVault(other).keyId());
        assertThatThrownBy(() -> vault.decrypt(7, relabelled)).isInstanceOf(IllegalStateException.class);
        assertThat(vault.hashes("secret-key"))
                .containsExactly(vault.hash("secret-key"), new KeyVault(other).hash("secret-key"));
    }

    @Test
    void anotherKeyEncryptionKeyCannotReadOrMatch() {
        byte[] other = new byte[32];
        other[0] = 1;
        String sealed = new KeyVault(kek).encrypt(1, "secret-key");
        assertThatThrownBy(() -> new KeyVault(other).decrypt(1, sealed))
                .hasMessageContaining("KEY_ENCRYPTION_KEY")
                .hasMessageNotContaining("secret-key");
        assertThat(new KeyVault(other, java.util.List.of(kek)).decrypt(1, sealed))
                .isEqualTo("secret-key");
        assertThat(new KeyVault(other).hash("secret-key")).isNotEqualTo(new KeyVault(kek).hash("secret-key"));
    }

    @Test
    void tokenScopesAreBitsOfS() {
        Clock now = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
        Instant exp = Instant.parse("2027-05-01T00:00:00Z");
        WbToken token = WbToken.parseForConnect(TestTokens.token(TestTokens.ALL_SCOPES | (1L << 30), exp), now);
        assertThat(token.scopes())
                .contains(
                        WbToken.Scope.STATISTICS,
                        WbToken.Scope.CONTENT,
                        WbToken.Scope.FEEDBACKS,
                        WbToken.Scope.ANALYTICS)
                .doesNotContain(WbToken.Scope.PRICES);
        assertThat(token.readOnly()).isTrue();
        assertThat(token.expiresAt()).isEqualTo(exp);
        assertThat(WbToken.parse("Bearer " + TestTokens.token(2, exp)).scopes()).containsExactly(WbToken.Scope.CONTENT);
        String noFeedbacks = TestTokens.token((1L << 5) | (1L << 1), exp);
        assertThatThrownBy(() -> WbToken.parseForConnect(noFeedbacks, now))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("FEEDBACKS")
                .hasMessageNotContaining(noFeedbacks);
    }
}
