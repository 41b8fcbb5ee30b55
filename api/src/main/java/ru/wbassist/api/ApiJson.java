package ru.wbassist.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The API's JSON conventions, in one place for the server and its clients: snake_case names, ISO-8601 dates,
 * instants written in Moscow time with their offset. The server reads requests strictly; clients read answers
 * leniently, so a field the server adds never breaks a running bot or console.
 */
public final class ApiJson {

    /** Every time a user or operator sees is Moscow time. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private ApiJson() {}

    /** The conventions both sides share; callers add their own reading rules. */
    public static JsonMapper.Builder conventions() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("moscow-instants").addSerializer(Instant.class, new MoscowInstants()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Keep the +03:00 the server sends on OffsetDateTime values instead of moving them to UTC.
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** The mapper of the bot's and the console's server clients. */
    public static ObjectMapper clientMapper() {
        return conventions()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static final class MoscowInstants extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.atZone(MOSCOW).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }
}
