package ru.wbassist.server.cabinets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps WB keys encrypted at rest (AES-256-GCM) and finds them by a keyed hash (HMAC-SHA256), so equal keys are
 * found without decrypting every row and the hash is useless without the key-encryption key (KEK). Two sub-keys are
 * derived from each KEK, one per purpose.
 *
 * <p>Stored form: {@code v2:<key id>:base64(nonce || ciphertext || tag)}. The key id names the KEK (a hash of it, not
 * the key), so a rotation can tell which rows still need re-encrypting and a reader which KEK to use; the associated
 * data binds the ciphertext to its cabinet, so a ciphertext copied into another cabinet's row does not decrypt.
 * Rows written before versioning ({@code base64(...)} alone, no associated data) are still read, with any known KEK.
 */
public final class KeyVault {

    private static final String VERSION = "v2";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Kek current;
    /** Every readable KEK by key id, the current one first. */
    private final Map<String, Kek> readable = new LinkedHashMap<>();

    private final SecureRandom random = new SecureRandom();

    /**
     * @param keyEncryptionKey the KEK new ciphertexts are written with
     * @param previous         KEKs that stored keys may still be encrypted with (during a rotation)
     */
    public KeyVault(byte[] keyEncryptionKey, List<byte[]> previous) {
        this.current = new Kek(keyEncryptionKey);
        readable.put(current.id, current);
        for (byte[] key : previous) {
            Kek kek = new Kek(key);
            readable.putIfAbsent(kek.id, kek);
        }
    }

    public KeyVault(byte[] keyEncryptionKey) {
        this(keyEncryptionKey, List.of());
    }

    /** The id of the KEK new ciphertexts are written with. */
    public String keyId() {
        return current.id;
    }

    /** Encrypts a cabinet's WB key with the current KEK, bound to that cabinet. */
    public String encrypt(long cabinetId, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.encryption, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(current.id, cabinetId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + ":" + current.id + ":"
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a cabinet's stored key; the message of a failure names the key id, never key material. */
    public String decrypt(long cabinetId, String stored) {
        if (stored.startsWith(VERSION + ":")) {
            String[] parts = stored.split(":", 3);
            Kek kek = parts.length == 3 ? readable.get(parts[1]) : null;
            if (kek == null) {
                throw new IllegalStateException(
                        "the WB key of cabinet " + cabinetId + " is encrypted with key-encryption"
                                + " key " + (parts.length == 3 ? parts[1] : "?")
                                + ", which is not configured (KEY_ENCRYPTION_KEY"
                                + " or KEY_ENCRYPTION_KEY_PREVIOUS)");
            }
            try {
                return open(kek, associatedData(kek.id, cabinetId), parts[2]);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("the WB key of cabinet " + cabinetId + " does not decrypt with"
                        + " key-encryption key " + kek.id + " (altered, or copied from another cabinet)");
            }
        }
        for (Kek kek : readable.values()) { // written before versioning: no key id, no associated data
            try {
                return open(kek, null, stored);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next KEK
            }
        }
        throw new IllegalStateException(
                "the WB key of cabinet " + cabinetId + " could not be decrypted with any"
                        + " configured key-encryption key (was KEY_ENCRYPTION_KEY changed without KEY_ENCRYPTION_KEY_PREVIOUS?)");
    }

    /** Whether a stored key is written with the current KEK in the current format. */
    public boolean isCurrent(String stored) {
        return stored.startsWith(currentPrefix());
    }

    /** How every stored key written with the current KEK begins. */
    String currentPrefix() {
        return VERSION + ":" + current.id + ":";
    }

    /** The look-up hash of a key (hex) under the current KEK. */
    public String hash(String plaintext) {
        return current.hash(plaintext);
    }

    /** The look-up hashes of a key under every readable KEK: during a rotation a row may carry any of them. */
    public List<String> hashes(String plaintext) {
        List<String> all = new ArrayList<>();
        readable.values().forEach(kek -> all.add(kek.hash(plaintext)));
        return all;
    }

    private static String open(Kek kek, byte[] associatedData, String encoded) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(encoded);
        if (all.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, kek.encryption, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String keyId, long cabinetId) {
        return ("wbassist/wb-key/" + VERSION + "/" + keyId + "/cabinet/" + cabinetId).getBytes(StandardCharsets.UTF_8);
    }

    /** One KEK's derived keys and its id. */
    private static final class Kek {
        private final SecretKeySpec encryption;
        private final SecretKeySpec lookup;
        private final String id;

        Kek(byte[] master) {
            this.encryption = new SecretKeySpec(derive(master, "wbassist/encrypt"), "AES");
            this.lookup = new SecretKeySpec(derive(master, "wbassist/lookup"), "HmacSHA256");
            this.id = HexFormat.of().formatHex(derive(master, "wbassist/key-id"), 0, 8);
        }

        String hash(String plaintext) {
            return HexFormat.of().formatHex(mac(lookup, plaintext.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static byte[] derive(byte[] master, String label) {
        return mac(new SecretKeySpec(master, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
