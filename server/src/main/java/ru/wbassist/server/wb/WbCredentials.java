package ru.wbassist.server.wb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A WB key and who it belongs to. {@code limitKey} names the rate-limit buckets: WB counts limits per seller, so
 * all calls of one cabinet share them; a key not yet stored (being connected) gets buckets named by its digest.
 */
public record WbCredentials(String limitKey, String token) {

    public static WbCredentials ofCabinet(long cabinetId, String token) {
        return new WbCredentials("cabinet:" + cabinetId, token);
    }

    /** A key being checked before it belongs to a cabinet. */
    public static WbCredentials unsaved(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new WbCredentials("key:" + HexFormat.of().formatHex(digest, 0, 8), token);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "WbCredentials[" + limitKey + "]";
    }
}
