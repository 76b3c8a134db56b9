package com.customerlifecycle.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of {@code processes/touch-tier.dmn}, at its boundaries. */
class TouchTierDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision touchTier;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = new FileInputStream("processes/touch-tier.dmn")) {
            touchTier = engine.parseDecision(OnboardingProcess.TOUCH_TIER_DECISION, dmn);
        }
    }

    @ParameterizedTest(name = "strategic={0}, {1} a year, {2} seats -> {3}")
    @CsvSource({
            "false, 9999.99, 5, tech-touch",
            "false, 10000, 5, low-touch",
            "false, 49999.99, 200, low-touch",
            "false, 50000, 10, high-touch",
            "false, 250000, 800, high-touch",
            "true, 1200, 3, high-touch",
            "false, 0.01, 1, tech-touch"})
    void decidesTier(boolean strategicAccount, double annualValue, int seats, String expectedTier) {
        String tier = engine.evaluateDecisionTable(touchTier, Variables.createVariables()
                        .putValue("strategicAccount", strategicAccount)
                        .putValue("annualValue", annualValue)
                        .putValue("seats", seats))
                .getSingleResult().getSingleEntry();

        assertThat(tier).isEqualTo(expectedTier);
    }
}
