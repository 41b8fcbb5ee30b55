package ru.wbassist.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** WB-shaped JWTs for tests that need a key without the sandbox (the signature is not checked by us). */
public final class TestTokens {

    /** Statistics (5), Content (1), Feedbacks (7), Analytics (2). */
    public static final long ALL_SCOPES = (1L << 1) | (1L << 2) | (1L << 5) | (1L << 7);

    private TestTokens() {}

    public static String token(long scopes, Instant expiresAt) {
        return token(scopes, expiresAt, UUID.randomUUID().toString());
    }

    /** A key of the seller {@code sellerId} (WB's {@code sid} claim). */
    public static String token(long scopes, Instant expiresAt, String sellerId) {
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"test\",\"typ\":\"JWT\"}");
        String payload = b64("{\"id\":\"" + UUID.randomUUID() + "\",\"s\":" + scopes + ",\"sid\":\"" + sellerId
                + "\",\"exp\":" + expiresAt.getEpochSecond() + ",\"acc\":3,\"for\":\"self\"}");
        return header + "." + payload + "." + b64("signature-" + UUID.randomUUID());
    }

    public static String valid() {
        return token(ALL_SCOPES, Instant.now().plusSeconds(180L * 24 * 3600));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
