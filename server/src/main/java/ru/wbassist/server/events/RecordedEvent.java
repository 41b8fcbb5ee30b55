package ru.wbassist.server.events;

import java.time.Instant;

/** An event row just inserted into {@code events}: the unit that is fanned out to users. */
public record RecordedEvent(
        long id,
        long cabinetId,
        String cabinetName,
        EventType type,
        String externalId,
        EventFacts facts,
        Instant occurredAt) {}
