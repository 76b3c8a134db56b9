package com.customerlifecycle.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test classes ({@code *ProcessTest}) must drive every flow node and sequence flow of the processes they start;
 * the report lands in {@code target/process-test-coverage}. Other Spring tests are not measured.
 */
@TestConfiguration
public class CoverageTestConfiguration {

    @Bean
    public ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder()
                .addInclusionPatternForTestClasses("*ProcessTest")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}
