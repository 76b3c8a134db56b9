package com.customerlifecycle.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** Values as a person reads them on a form, in a task name or in a mail. */
class DisplayTest {

    private final Display display = new Display(ZoneId.of("Europe/Berlin"), Currency.getInstance("EUR"));

    @Test
    void aContractEndDateIsADayInTheBusinessTimeZoneNotAnInstantInUtc() {
        Date endsAt = Date.from(Instant.parse("2027-12-01T23:00:00Z"));

        assertThat(display.of("contractEndDate", endsAt)).isEqualTo("Thursday 2 December 2027");
        assertThat(display.shortDate(endsAt)).isEqualTo("2 Dec 2027");
    }

    @Test
    void aDeadlineWithATimeOfDayKeepsItsTimeAndZone() {
        assertThat(display.of("firstResponseDueAt", Date.from(Instant.parse("2026-11-24T08:30:00Z"))))
                .isEqualTo("Tuesday 24 November 2026, 09:30 CET");
        assertThat(display.dateTime(Instant.parse("2026-06-02T07:00:00Z"))).isEqualTo("Tuesday 2 June 2026, 09:00 CEST");
    }

    @Test
    void amountsHaveThousandsSeparatorsAndTheCurrency() {
        assertThat(display.of("currentAnnualValue", 60000.0)).isEqualTo("€60,000.00");
        assertThat(new Display(ZoneId.of("UTC"), Currency.getInstance("USD")).money(1234.5)).isEqualTo("$1,234.50");
    }

    @Test
    void percentagesCountsAndYesOrNo() {
        assertThat(display.of("discountPercent", 10)).isEqualTo("10 %");
        assertThat(display.of("termYears", 1)).isEqualTo("1 year");
        assertThat(display.of("termYears", 3)).isEqualTo("3 years");
        assertThat(display.of("slaHours", 8)).isEqualTo("8 hours");
        assertThat(display.of("seats", 12000)).isEqualTo("12,000");
        assertThat(display.of("solutionFeasible", true)).isEqualTo("yes");
    }

    @Test
    void codesInWordsAndOtherTextAsItIs() {
        assertThat(display.of("touchTier", "high-touch")).isEqualTo("High-touch (personal CSM)");
        assertThat(display.of("category", "setup-advice")).isEqualTo("Setup advice");
        assertThat(display.of("channel", "email")).isEqualTo("E-mail");
        assertThat(display.of("plan", "professional")).isEqualTo("Professional");
        assertThat(display.of("company", "Acme GmbH")).isEqualTo("Acme GmbH");
        assertThat(display.of("anything", null)).isEmpty();
    }
}
