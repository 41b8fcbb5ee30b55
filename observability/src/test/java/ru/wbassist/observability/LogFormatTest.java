package ru.wbassist.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonLinesParseAndCarryTheContextAndTheWholeStackTrace() throws Exception {
        LogRecord record = record(Level.WARNING, "orders failed: \"quoted\"\nsecond line {0}", 42);
        record.setThrown(new IllegalStateException("boom", new java.io.IOException("reset")));
        String line;
        try (LogContext.Scope cabinet = LogContext.with("cabinet_id", 7);
                LogContext.Scope dataSet = LogContext.with("data_set", "orders")) {
            line = LogFormat.JSON.formatter().format(record);
        }

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = MAPPER.readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("test.logger");
        assertThat(json.path("cabinet_id").asText()).isEqualTo("7");
        assertThat(json.path("data_set").asText()).isEqualTo("orders");
        assertThat(json.path("message").asText()).isEqualTo("orders failed: \"quoted\"\nsecond line 42");
        assertThat(json.path("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(json.path("stack").asText())
                .contains("Caused by: java.io.IOException: reset")
                .contains("LogFormatTest");
        assertThat(json.path("ts").asText()).isEqualTo(record.getInstant().toString());
    }

    @Test
    void textIsOneLinePerEventWithTheFieldsBeforeTheMessage() {
        LogRecord record = record(Level.SEVERE, "line one\nline two");
        record.setThrown(new RuntimeException("bad"));
        String line;
        try (LogContext.Scope run = LogContext.with("run_id", "r1")) {
            line = LogFormat.TEXT.formatter().format(record);
        }

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r");
        assertThat(line)
                .startsWith(record.getInstant() + " ERROR test.logger run_id=r1 - line one\\nline two | "
                        + "java.lang.RuntimeException: bad\\n\tat ".replace("\t", " "));
    }

    @Test
    void scopesRestoreWhatWasThere() {
        try (LogContext.Scope outer = LogContext.with("data_set", "orders")) {
            try (LogContext.Scope inner = LogContext.with("data_set", "sales")) {
                assertThat(LogContext.fields()).containsEntry("data_set", "sales");
            }
            assertThat(LogContext.fields()).containsEntry("data_set", "orders");
        }
        assertThat(LogContext.fields()).isEmpty();
    }

    @Test
    void logFormatIsTextByDefaultAndRefusesUnknownNames() {
        assertThat(LogFormat.of(null)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.of(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.of("xml")).hasMessage("LOG_FORMAT must be text or json, got xml");
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(BuildInfo.version()).isNotBlank().doesNotContain("${");
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("test.logger");
        record.setParameters(parameters);
        return record;
    }
}
