package ru.wbassist.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Notifications.Settings settings(boolean runway, boolean prices, String digestTime) {
        return new Notifications.Settings(
                true,
                true,
                true,
                true,
                true,
                true,
                true,
                runway,
                prices,
                true,
                false,
                5,
                300,
                3,
                5,
                7,
                null,
                null,
                digestTime,
                "ru");
    }

    @Test
    void runwayAndPricesFollowTheirSwitchesAndTheDigestNeedsATime() {
        Notifications.Settings off = settings(false, false, null);
        assertThat(off.wants(Notifications.Types.STOCK_RUNWAY)).isFalse();
        assertThat(off.wants(Notifications.Types.PRICE_CHANGED)).isFalse();
        assertThat(off.wants(Notifications.Types.PRICE_QUARANTINE)).isFalse();
        assertThat(off.wants(Notifications.Types.DAILY_DIGEST)).isFalse();
        assertThat(off.wants(Notifications.Types.CRITICAL_STOCK)).isTrue();
        Notifications.Settings on = settings(true, true, "09:00");
        assertThat(on.wants(Notifications.Types.STOCK_RUNWAY)).isTrue();
        assertThat(on.wants(Notifications.Types.PRICE_QUARANTINE)).isTrue();
        assertThat(on.wants(Notifications.Types.DAILY_DIGEST)).isTrue();
    }
}
