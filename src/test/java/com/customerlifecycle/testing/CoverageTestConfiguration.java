package com.customerlifecycle.testing;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test classes ({@code *ProcessTest}) record which flow nodes and sequence flows they drive; the report lands
 * in {@code target/process-test-coverage}. {@code ProcessCoverageGate} then requires, over all of them together, that
 * every element of every process in {@code processes/} was driven. Other Spring tests are not measured.
 */
@TestConfiguration
public class CoverageTestConfiguration {

    @Bean
    public ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder()
                .addInclusionPatternForTestClasses("*ProcessTest")
                .build();
    }
}
