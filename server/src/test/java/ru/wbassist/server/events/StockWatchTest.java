package ru.wbassist.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.wbassist.server.events.StockWatch.Verdict.FIRE;
import static ru.wbassist.server.events.StockWatch.Verdict.NONE;
import static ru.wbassist.server.events.StockWatch.Verdict.REARM;

import org.junit.jupiter.api.Test;

class StockWatchTest {

    @Test
    void firesOnceWhenTheTotalFallsToTheThreshold() {
        assertThat(StockWatch.judge(6, 5, 5, false)).isEqualTo(FIRE);
        assertThat(StockWatch.judge(20, 0, 5, false)).isEqualTo(FIRE);
        assertThat(StockWatch.judge(5, 4, 5, true)).isEqualTo(NONE);
        assertThat(StockWatch.judge(7, 6, 5, false)).isEqualTo(NONE);
    }

    @Test
    void reArmsOnlyAboveTheThreshold() {
        assertThat(StockWatch.judge(3, 5, 5, true)).isEqualTo(NONE);
        assertThat(StockWatch.judge(3, 6, 5, true)).isEqualTo(REARM);
        assertThat(StockWatch.judge(3, 6, 5, false)).isEqualTo(NONE);
    }

    @Test
    void aRiseThatStaysLowIsNotAFall() {
        assertThat(StockWatch.judge(2, 4, 5, false)).isEqualTo(NONE);
        assertThat(StockWatch.judge(4, 4, 5, false)).isEqualTo(NONE);
    }
}
