package ru.wbassist.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ApiJsonTest {

    record Sample(long telegramId, Instant createdAt, OffsetDateTime sentAt) {}

    @Test
    void writesSnakeCaseAndInstantsInMoscowTimeWithTheirOffset() throws Exception {
        String json =
                ApiJson.clientMapper().writeValueAsString(new Sample(42, Instant.parse("2026-03-01T21:30:00Z"), null));
        assertThat(json)
                .isEqualTo("{\"telegram_id\":42,\"created_at\":\"2026-03-02T00:30:00+03:00\",\"sent_at\":null}");
    }

    @Test
    void clientsReadAnswersWithFieldsTheyDoNotKnowAndKeepTheServersOffset() throws Exception {
        Sample read = ApiJson.clientMapper()
                .readValue(
                        "{\"telegram_id\":42,\"created_at\":\"2026-03-02T00:30:00+03:00\","
                                + "\"sent_at\":\"2026-03-02T00:31:00+03:00\",\"added_later\":1}",
                        Sample.class);
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-01T21:30:00Z"));
        assertThat(read.sentAt().getOffset().getTotalSeconds()).isEqualTo(3 * 3600);
    }

    @Test
    void theSharedConventionsLeaveStrictnessToTheCaller() {
        ObjectMapper strict = ApiJson.conventions()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        assertThatThrownBy(() -> strict.readValue("{\"telegram_id\":1,\"extra\":2}", Sample.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
