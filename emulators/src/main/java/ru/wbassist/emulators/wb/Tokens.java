package ru.wbassist.emulators.wb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks WB-style API tokens: HS256 JWTs signed with the sandbox secret, payload
 * {@code id, s, sid, exp, acc, for, t} as WB documents it (docs/wb-api.md). Revocation is by token id.
 */
final class Tokens {

    /** WB's token type in {@code acc}: Personal. */
    static final int PERSONAL = 3;
    /** WB's token type in {@code acc}: Base (no {@code for} claim, reduced limits). */
    static final int BASE = 1;

    /** The verified payload of a token. */
    record Claims(String id, long scopes, String sid, Instant expiresAt, int acc) {}

    /** Why a token was refused; the message becomes the 401 {@code detail}. */
    static final class Rejected extends Exception {
        Rejected(String detail) {
            super(detail, null, false, false);
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER =
            ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Set<String> revokedIds = ConcurrentHashMap.newKeySet();

    Tokens(ObjectMapper json, Clock clock, String secret) {
        this.json = json;
        this.clock = clock;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String mint(String sid, long scopes, Instant expiresAt) {
        return mint(sid, scopes, expiresAt, PERSONAL);
    }

    /** A token of the given type ({@link #PERSONAL} or {@link #BASE}). */
    String mint(String sid, long scopes, Instant expiresAt, int tokenType) {
        ObjectNode payload = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("s", scopes)
                .put("sid", sid)
                .put("exp", expiresAt.getEpochSecond())
                .put("acc", tokenType);
        if (tokenType != BASE) {
            payload.put("for", "self");
        }
        payload.put("t", false);
        String signingInput =
                HEADER + "." + ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
    }

    /** Revokes the token; false when it is not a token this sandbox signed. */
    boolean revoke(String token) {
        try {
            revokedIds.add(parse(token).id());
            return true;
        } catch (Rejected e) {
            return false;
        }
    }

    Claims verify(String token) throws Rejected {
        Claims claims = parse(token);
        if (!claims.expiresAt().isAfter(clock.instant())) {
            throw new Rejected("token problem; token is expired");
        }
        if (revokedIds.contains(claims.id())) {
            throw new Rejected("token problem; token is withdrawn");
        }
        return claims;
    }

    private Claims parse(String token) throws Rejected {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Rejected("token problem; token is malformed: token contains an invalid number of segments");
        }
        byte[] signature;
        JsonNode payload;
        try {
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Rejected("token problem; token is malformed: could not base64 decode signature");
        }
        if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
            throw new Rejected("token problem; token signature is invalid: signature is invalid");
        }
        try {
            payload = json.readTree(DECODER.decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new Rejected("token problem; token is malformed: could not decode claims");
        }
        if (!payload.path("id").isTextual()
                || !payload.path("sid").isTextual()
                || !payload.path("exp").canConvertToLong()) {
            throw new Rejected("token problem; token is malformed: required claims are missing");
        }
        return new Claims(
                payload.get("id").asText(),
                payload.path("s").asLong(),
                payload.get("sid").asText(),
                Instant.ofEpochSecond(payload.get("exp").asLong()),
                payload.path("acc").asInt());
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
