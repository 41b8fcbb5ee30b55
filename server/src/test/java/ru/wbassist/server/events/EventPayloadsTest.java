package ru.wbassist.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored event payloads: versioned, independent of the HTTP API's JSON, readable after a facts field is added. */
class EventPayloadsTest {

    private static final Instant AT = Instant.parse("2026-03-01T21:30:00.123Z");
    private static final EventFacts.Runway RUNWAY =
            new EventFacts.Runway(42L, "Платье", "V-1", 37, new BigDecimal("9.2"), new BigDecimal("4.0"), null);

    @Test
    void everyKindOfFactsRoundTrips() {
        List<EventFacts> samples = List.of(
                new EventFacts.Order(
                        "srid-1",
                        42L,
                        "Платье <new>",
                        "V-1",
                        "M",
                        new BigDecimal("1990.00"),
                        10,
                        new BigDecimal("1791.00"),
                        new BigDecimal("1500.50"),
                        "Коледино",
                        "Москва",
                        AT,
                        null,
                        "https://img/1.jpg",
                        3,
                        new BigDecimal("4500.00"),
                        12,
                        new BigDecimal("6.0"),
                        new BigDecimal("0.9000"),
                        "Склад WB",
                        "receipt"),
                new EventFacts.Sale(
                        "S1",
                        "srid-1",
                        42L,
                        "Платье",
                        "V-1",
                        "M",
                        new BigDecimal("1791.00"),
                        new BigDecimal("1600.00"),
                        "Коледино",
                        "Москва",
                        AT,
                        null,
                        Boolean.TRUE),
                new EventFacts.Review("r1", 42L, "Платье", "V-1", 2, "плохо & дорого", "", "", "Анна", AT, null),
                new EventFacts.Question("q1", 42L, "Платье", "V-1", "маломерит?", AT, "https://img/1.jpg"),
                new EventFacts.Stock(
                        42L, "Платье", "V-1", 9, 3, List.of(new EventFacts.WarehouseLevel("Коледино", 3)), null),
                new EventFacts.Key("invalid", null, null),
                new EventFacts.Key("expiring", 5, AT),
                RUNWAY,
                new EventFacts.Price(
                        42L,
                        "Платье",
                        "V-1",
                        new BigDecimal("2490.00"),
                        30,
                        new BigDecimal("1743.00"),
                        null,
                        30,
                        new BigDecimal("435.00"),
                        null),
                new EventFacts.Digest(
                        LocalDate.of(2026, 3, 1),
                        LocalTime.of(21, 0),
                        new EventFacts.DigestFigures(
                                3,
                                new BigDecimal("4500.00"),
                                2,
                                new BigDecimal("3000.00"),
                                1,
                                0,
                                new BigDecimal("1.0000")),
                        new EventFacts.DigestFigures(0, new BigDecimal("0.00"), 0, new BigDecimal("0.00"), 0, 0, null),
                        List.of(new EventFacts.TopLine(42L, "Платье", 3, new BigDecimal("4500.00"))),
                        7,
                        List.of(RUNWAY),
                        4,
                        2,
                        List.of(new EventFacts.ChartDay(
                                LocalDate.of(2026, 3, 1),
                                new EventFacts.CountSum(3, new BigDecimal("4500.00")),
                                new EventFacts.CountSum(2, new BigDecimal("3000.00"))))));
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
        EventFacts facts = EventPayloads.read(
                EventType.KEY_INVALID,
                "{\"v\":1,\"reason\":\"invalid\",\"days_left\":null,\"expires_at\":null,\"added_later\":true}");
        assertThat(facts).isEqualTo(new EventFacts.Key("invalid", null, null));
    }

    @Test
    void readsOrderAndSalePayloadsStoredBeforeTheOrderFeedFieldsExisted() {
        EventFacts sale = EventPayloads.read(
                EventType.ORDER_RETURN,
                "{\"v\":1,\"sale_id\":\"R1\",\"srid\":\"s\","
                        + "\"nm_id\":42,\"sale_date\":\"2026-03-01T21:30:00.123Z\"}");
        assertThat(((EventFacts.Sale) sale).defective()).isNull();
        EventFacts order =
                EventPayloads.read(EventType.NEW_ORDER, "{\"v\":1,\"srid\":\"s\",\"nm_id\":42," + "\"day_orders\":3}");
        assertThat(((EventFacts.Order) order).cancelType()).isNull();
        assertThat(((EventFacts.Order) order).warehouseType()).isNull();
    }

    @Test
    void refusesAnUnknownVersionInsteadOfGuessing() {
        assertThatThrownBy(() -> EventPayloads.read(EventType.KEY_INVALID, "{\"v\":2,\"reason\":\"invalid\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> EventPayloads.read(EventType.KEY_INVALID, "{\"reason\":\"invalid\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 0");
    }

    private static EventType typeOf(EventFacts facts) {
        return switch (facts) {
            case EventFacts.Order o -> EventType.NEW_ORDER;
            case EventFacts.Sale s -> EventType.ORDER_BUYOUT;
            case EventFacts.Review r -> EventType.NEGATIVE_REVIEW;
            case EventFacts.Question q -> EventType.NEW_QUESTION;
            case EventFacts.Stock s -> EventType.CRITICAL_STOCK;
            case EventFacts.Runway r -> EventType.STOCK_RUNWAY;
            case EventFacts.Price p -> EventType.PRICE_CHANGED;
            case EventFacts.Digest d -> EventType.DAILY_DIGEST;
            case EventFacts.Key k -> EventType.KEY_EXPIRING;
            case EventFacts.Test t -> EventType.TEST;
        };
    }
}
