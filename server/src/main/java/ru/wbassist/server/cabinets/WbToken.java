package ru.wbassist.server.cabinets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ru.wbassist.api.InvalidRequest;

/**
 * What a WB API token says about itself. A WB token is a JWT whose payload carries {@code s} (a scope bitmask, bit n
 * read as {@code (s >> n) & 1}), {@code exp}, {@code sid} (seller id) and {@code acc} (token type); see
 * docs/wb-api.md, Tokens. The signature is WB's to check; we only read the payload to reject keys that cannot work.
 */
public record WbToken(
        Set<Scope> scopes, Instant expiresAt, String sellerId, boolean testToken, boolean readOnly, boolean baseToken) {

    /** Scope bits of the {@code s} claim. */
    public enum Scope {
        CONTENT(1),
        ANALYTICS(2),
        PRICES(3),
        MARKETPLACE(4),
        STATISTICS(5),
        PROMOTION(6),
        FEEDBACKS(7);

        private final int bit;

        Scope(int bit) {
            this.bit = bit;
        }

        public int bit() {
            return bit;
        }
    }

    /** The scopes a cabinet cannot work without: orders and sales, product cards, reviews. */
    public static final Set<Scope> REQUIRED = EnumSet.of(Scope.STATISTICS, Scope.CONTENT, Scope.FEEDBACKS);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int READ_ONLY_BIT = 30;
    /** {@code acc} of a plain Base token, which WB gives reduced limits. */
    private static final int BASE_TOKEN = 1;

    private static final int MAX_KEY_LENGTH = 4096;
    private static final Pattern BEARER = Pattern.compile("(?i)^bearer\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * The key as WB issues it: without an HTTP {@code Bearer } prefix and without whitespace (a JWT has none; copies
     * from the seller cabinet often carry line breaks or spaces). Hashing and storing the normalised key makes one key
     * one key, however it was pasted.
     */
    public static String normalise(String apiKey) {
        if (apiKey == null) {
            return null;
        }
        String key = BEARER.matcher(apiKey.strip()).replaceFirst("");
        return WHITESPACE.matcher(key).replaceAll("");
    }

    /** Whether the key may answer reviews and questions: the Feedbacks category, and not read-only. */
    public boolean allowsAnswers() {
        return scopes.contains(Scope.FEEDBACKS) && !readOnly;
    }

    /** The same token with the seller id WB's seller-info reported (it wins over the claim). */
    public WbToken withSellerId(String sid) {
        return sid == null ? this : new WbToken(scopes, expiresAt, sid, testToken, readOnly, baseToken);
    }

    /**
     * Reads and checks a key for connecting a cabinet.
     *
     * @throws InvalidRequest on {@code api_key} saying what is wrong (never echoing the key)
     */
    public static WbToken parseForConnect(String apiKey, Clock clock) {
        WbToken token = parse(apiKey);
        if (!token.expiresAt().isAfter(clock.instant())) {
            throw invalid("the WB API key has expired; create a new one in the seller cabinet");
        }
        Set<Scope> missing = EnumSet.copyOf(REQUIRED);
        missing.removeAll(token.scopes());
        if (!missing.isEmpty()) {
            throw invalid("the WB API key lacks the categories " + missing
                    + "; create a key with Statistics, Content and Feedbacks (Analytics for stocks)");
        }
        return token;
    }

    /** Decodes the payload. */
    public static WbToken parse(String apiKey) {
        String key = normalise(apiKey);
        if (key == null || key.isEmpty()) {
            throw new InvalidRequest("api_key", "api_key is required");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw invalid("the WB API key is too long to be a WB token");
        }
        String[] parts = key.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw invalid("the WB API key is not a WB token (expected a JWT of three dot-separated parts)");
        }
        JsonNode payload;
        try {
            payload = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid("the WB API key could not be decoded");
        }
        if (payload == null
                || !payload.isObject()
                || !payload.path("exp").canConvertToLong()
                || !payload.path("s").canConvertToLong()) {
            throw invalid("the WB API key has no expiry or scope claims");
        }
        long s = payload.path("s").asLong();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Scope scope : Scope.values()) {
            if (((s >> scope.bit()) & 1) == 1) {
                scopes.add(scope);
            }
        }
        return new WbToken(
                scopes,
                Instant.ofEpochSecond(payload.path("exp").asLong()),
                payload.path("sid").asText(null),
                payload.path("t").asBoolean(false),
                ((s >> READ_ONLY_BIT) & 1) == 1,
                payload.path("acc").asInt(0) == BASE_TOKEN);
    }

    /** The key's payload, or empty when it is not a readable WB token (WB will then answer for itself). */
    public static Optional<WbToken> tryParse(String apiKey) {
        try {
            return Optional.of(parse(apiKey));
        } catch (InvalidRequest notAJwt) {
            return Optional.empty();
        }
    }

    private static InvalidRequest invalid(String message) {
        return new InvalidRequest("api_key", message);
    }
}
