package com.customerlifecycle.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code processes/renewal-discount.dmn}, and the price it gives. */
class RenewalDiscountDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision discount;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = new FileInputStream("processes/renewal-discount.dmn")) {
            discount = engine.parseDecision(RenewalProcess.DISCOUNT_DECISION, dmn);
        }
    }

    @ParameterizedTest(name = "{0} year(s) -> {1} %")
    @CsvSource({"1, 0", "2, 10", "3, 15"})
    void multiYearTermsEarnADiscount(int years, int expectedPercent) {
        Object percent = engine.evaluateDecisionTable(discount, Variables.createVariables().putValue("renewalTermYears", years))
                .getSingleResult().getSingleEntry();

        assertThat(((Number) percent).intValue()).isEqualTo(expectedPercent);
    }

    @Test
    void noRuleForTermsOutsideOneToThreeYears() {
        assertThat(engine.evaluateDecisionTable(discount, Variables.createVariables().putValue("renewalTermYears", 4)))
                .isEmpty();
    }

    @Test
    void discountedValueIsRoundedToTheCent() {
        assertThat(RenewalPricing.afterDiscount(new BigDecimal("24000.00"), 15)).isEqualByComparingTo("20400.00");
        assertThat(RenewalPricing.afterDiscount(new BigDecimal("999.99"), 10)).isEqualByComparingTo("899.99");
    }
}
