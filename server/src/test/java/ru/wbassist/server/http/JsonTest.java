package ru.wbassist.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

    private record Stamped(Instant createdAt) {}

    @Test
    void instantsAreWrittenInMoscowTimeAlwaysWithSeconds() throws Exception {
        assertThat(Json.MAPPER.writeValueAsString(new Stamped(Instant.parse("2026-11-27T07:00:00Z"))))
                .isEqualTo("{\"created_at\":\"2026-11-27T10:00:00+03:00\"}");
        assertThat(Json.MAPPER.writeValueAsString(new Stamped(Instant.parse("2026-11-27T07:00:00.25Z"))))
                .isEqualTo("{\"created_at\":\"2026-11-27T10:00:00.25+03:00\"}");
    }
}
