package ru.wbassist.server.metrics;

import io.helidon.metrics.api.Metrics;

/** Meters on a registry of their own, for tests that wire parts by hand and do not look at metrics. */
public final class TestMeters {

    private TestMeters() {}

    public static ServerMeters detached() {
        return new ServerMeters(Metrics.createMeterRegistry());
    }
}
