package ru.wbassist.server;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every route test shares: the shape of a JSON error. */
public final class ApiAssertions {

    private ApiAssertions() {}

    /** A 400 JSON error naming {@code field} (unless null) whose message contains {@code messagePart}; no stack trace. */
    public static void assertBad(TestServer.Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("bad_request");
        assertThat(response.json().path("message").asText()).contains(messagePart);
        if (field != null) {
            assertThat(response.json().path("field").asText()).isEqualTo(field);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
