package com.customerlifecycle.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rounding and summary rules the README states for every KPI. */
class FiguresTest {

    @Test
    void ratesHaveFourDecimalsAndNoDenominatorMeansNoRate() {
        assertThat(Figures.rate(2, 3)).isEqualTo(0.6667);
        assertThat(Figures.rate(0, 5)).isEqualTo(0.0);
        assertThat(Figures.rate(0, 0)).isNull();
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnesWithOneDecimal() {
        assertThat(Figures.median(List.of(30.0, 2.0, 4.0))).isEqualTo(4.0);
        assertThat(Figures.median(List.of(10.0, 4.0))).isEqualTo(7.0);
        assertThat(Figures.median(List.of(1.0, 2.0, 2.0, 3.25))).isEqualTo(2.0);
        assertThat(Figures.median(List.of(1.04, 1.06))).isEqualTo(1.1);
        assertThat(Figures.median(List.of())).isNull();
    }

    @Test
    void durationsCountMinutes() {
        Instant start = Instant.parse("2035-01-08T08:00:00Z");
        assertThat(Figures.hoursBetween(start, start.plusSeconds(90 * 60 + 59))).isEqualTo(1.5);
        assertThat(Figures.daysBetween(start, start.plusSeconds(36 * 3600))).isEqualTo(1.5);
    }

    @Test
    void reasonsChosenFromAListCountAsTheyAreFreeTextFromBeforeAsOther() {
        assertThat(Figures.reasonCode("price")).isEqualTo("price");
        assertThat(Figures.reasonCode("budget-cut")).isEqualTo("budget-cut");
        assertThat(Figures.reasonCode("No budget this year")).isEqualTo("other");
        assertThat(Figures.reasonCode(null)).isEqualTo("other");
    }

    @Test
    void moneyHasTwoDecimals() {
        assertThat(Figures.money(new BigDecimal("75000"))).isEqualTo(new BigDecimal("75000.00"));
    }
}
