package ru.wbassist.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The stored form of {@code events.payload}: a facts record as JSON with a format version {@code "v"}. It has its
 * own mapper, fixed here, so that a change to the HTTP API's JSON never makes stored events unreadable; a new
 * format gets a new version and a reader for the old one.
 */
final class EventPayloads {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // A field added to a facts record must not break reading events stored before it.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventPayloads() {}

    static String write(EventFacts facts) {
        try {
            // Every facts record has fields, so its JSON is a non-empty object: the version goes first.
            return "{\"v\":" + VERSION + "," + MAPPER.writeValueAsString(facts).substring(1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "facts not serializable: " + facts.getClass().getSimpleName(), e);
        }
    }

    static EventFacts read(EventType type, String payload) {
        try {
            int version = MAPPER.readTree(payload).path("v").asInt(0);
            if (version != VERSION) {
                throw new IllegalStateException("a " + type.code() + " event has payload version " + version
                        + "; this server reads version " + VERSION);
            }
            return MAPPER.readValue(payload, type.factsType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable payload of a " + type.code() + " event", e);
        }
    }
}
