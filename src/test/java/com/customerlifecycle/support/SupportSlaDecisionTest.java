package com.customerlifecycle.support;

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

/** Every rule of {@code processes/support-sla.dmn}. */
class SupportSlaDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision sla;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = new FileInputStream("processes/support-sla.dmn")) {
            sla = engine.parseDecision(SupportProcess.SLA_DECISION, dmn);
        }
    }

    @ParameterizedTest(name = "{0}, {1} -> {2} h")
    @CsvSource({
            "high-touch, question, 4", "high-touch, bug, 4", "high-touch, payment, 4",
            "low-touch, question, 8", "low-touch, bug, 8",
            "tech-touch, question, 24", "tech-touch, setup-advice, 24", "tech-touch, bug, 8", "tech-touch, payment, 8",
            "trial, question, 24", "trial, integration, 24", "trial, bug, 8", "trial, payment, 8"})
    void firstResponseDeadlineByTierAndCategory(String tier, String category, int hours) {
        Object result = engine.evaluateDecisionTable(sla, Variables.createVariables()
                .putValue("touchTier", tier).putValue("category", category)).getSingleResult().getSingleEntry();

        assertThat(((Number) result).intValue()).isEqualTo(hours);
    }
}
