package ru.wbassist.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StockRunwayTest {

    @Test
    void daysLeftIsTheStockOverTheDailyPaceOfFourteenDays() {
        StockRunway runway = new StockRunway(1, 37, 126); // 9 a day
        assertThat(runway.perDay()).isEqualByComparingTo("9.0");
        assertThat(runway.daysLeft()).isEqualByComparingTo("4.1");
        assertThat(new StockRunway(1, 10, 3).daysLeft()).isEqualByComparingTo(new BigDecimal("46.7"));
        assertThat(new StockRunway(1, 10, 0).daysLeft()).isNull();
    }

    @Test
    void theHorizonIsDecidedWithoutRounding() {
        assertThat(new StockRunway(1, 14, 28).within(7)).isTrue(); // exactly 7 days
        assertThat(new StockRunway(1, 15, 28).within(7)).isFalse(); // 7.5 days
        assertThat(new StockRunway(1, 0, 1).within(1)).isTrue();
        assertThat(new StockRunway(1, 0, 0).within(90)).isFalse(); // no pace, no runway
    }

    @Test
    void firesOnAFallIntoTheHorizonOnceAndReArmsAboveIt() {
        StockRunway at6Days = new StockRunway(1, 12, 28);
        assertThat(at6Days.judge(20, 7, false)).isEqualTo(StockRunway.Verdict.FIRE);
        assertThat(at6Days.judge(20, 7, true)).isEqualTo(StockRunway.Verdict.NONE);
        assertThat(at6Days.judge(12, 7, false)).isEqualTo(StockRunway.Verdict.NONE); // no fall
        assertThat(at6Days.judge(10, 7, false)).isEqualTo(StockRunway.Verdict.NONE); // a rise still within
        assertThat(at6Days.judge(20, 5, true)).isEqualTo(StockRunway.Verdict.REARM);
        assertThat(at6Days.judge(20, 5, false)).isEqualTo(StockRunway.Verdict.NONE);
        assertThat(new StockRunway(1, 2, 0).judge(20, 7, true)).isEqualTo(StockRunway.Verdict.NONE);
    }
}
