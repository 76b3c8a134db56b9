package com.customerlifecycle.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

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
    void medianSecondsBecomeHoursOrDaysWithOneDecimal() {
        assertThat(Figures.hours(5400)).isEqualTo(1.5);
        assertThat(Figures.hours(5579)).as("1.55 hours").isEqualTo(1.5);
        assertThat(Figures.hours(5580)).as("1.55 hours").isEqualTo(1.6);
        assertThat(Figures.days(129600.0)).isEqualTo(1.5);
        assertThat(Figures.hours(null)).isNull();
        assertThat(Figures.days(null)).isNull();
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
