package ru.wbassist.server.wb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import ru.wbassist.server.time.Moscow;

/**
 * Reads WB payloads as WB sends them: unknown fields ignored (WB adds fields without notice), times through
 * {@link Moscow#parseWb} (naive statistics times are Moscow time; feedbacks and cards carry offsets;
 * {@code 0001-01-01T00:00:00} is "no date").
 */
public final class WbJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("wb-times").addDeserializer(Instant.class, new WbInstant()));

    private WbJson() {}

    private static final class WbInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            try {
                return Moscow.parseWb(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not a WB date-time");
            }
        }
    }
}
