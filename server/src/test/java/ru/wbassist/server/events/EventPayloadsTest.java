package ru.wbassist.server.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored event payloads: versioned, independent of the HTTP API's JSON, readable after a facts field is added. */
class EventPayloadsTest {

    private static final Instant AT = Instant.parse("2026-03-01T21:30:00.123Z");

    @Test
    void everyKindOfFactsRoundTrips() {
        List<EventFacts> samples = List.of(
                new EventFacts.Order("srid-1", 42L, "Платье <new>", "V-1", "M", new BigDecimal("1990.00"), 10,
                        new BigDecimal("1791.00"), new BigDecimal("1500.50"), "Коледино", "Москва", AT, null,
                        "https://img/1.jpg", 3, new BigDecimal("4500.00")),
                new EventFacts.Sale("S1", "srid-1", 42L, "Платье", "V-1", "M", new BigDecimal("1791.00"),
                        new BigDecimal("1600.00"), "Коледино", "Москва", AT, null),
                new EventFacts.Review("r1", 42L, "Платье", "V-1", 2, "плохо & дорого", "", "", "Анна", AT, null),
                new EventFacts.Question("q1", 42L, "Платье", "V-1", "маломерит?", AT, "https://img/1.jpg"),
                new EventFacts.Stock(42L, "Платье", "V-1", 9, 3,
                        List.of(new EventFacts.WarehouseLevel("Коледино", 3)), null),
                new EventFacts.Key("invalid", null, null),
                new EventFacts.Key("expiring", 5, AT));
        for (EventFacts facts : samples) {
            EventType type = typeOf(facts);
            assertThat(EventPayloads.read(type, EventPayloads.write(facts))).isEqualTo(facts);
        }
    }

    @Test
    void writesTheFormatVersionAndUtcInstants() {
        String stored = EventPayloads.write(new EventFacts.Key("expiring", 5, AT));
        assertThat(stored).startsWith("{\"v\":1,").contains("\"days_left\":5", "\"2026-03-01T21:30:00.123Z\"");
    }

    @Test
    void readsPayloadsWithFieldsThisVersionDoesNotKnow() {
        EventFacts facts = EventPayloads.read(EventType.KEY_INVALID,
                "{\"v\":1,\"reason\":\"invalid\",\"days_left\":null,\"expires_at\":null,\"added_later\":true}");
        assertThat(facts).isEqualTo(new EventFacts.Key("invalid", null, null));
    }

    @Test
    void refusesAnUnknownVersionInsteadOfGuessing() {
        assertThatThrownBy(() -> EventPayloads.read(EventType.KEY_INVALID, "{\"v\":2,\"reason\":\"invalid\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> EventPayloads.read(EventType.KEY_INVALID, "{\"reason\":\"invalid\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 0");
    }

    private static EventType typeOf(EventFacts facts) {
        return switch (facts) {
            case EventFacts.Order o -> EventType.NEW_ORDER;
            case EventFacts.Sale s -> EventType.ORDER_BUYOUT;
            case EventFacts.Review r -> EventType.NEGATIVE_REVIEW;
            case EventFacts.Question q -> EventType.NEW_QUESTION;
            case EventFacts.Stock s -> EventType.CRITICAL_STOCK;
            case EventFacts.Key k -> EventType.KEY_EXPIRING;
            case EventFacts.Test t -> EventType.TEST;
        };
    }
}
