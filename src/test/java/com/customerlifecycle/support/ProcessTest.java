package com.customerlifecycle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A process test: the demo application with process test coverage measured, reported under
 * {@code target/process-test-coverage} and required to be complete (see {@link CoverageTestConfiguration}). Name the
 * class {@code *ProcessTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DemoApplicationTest
@Import({CoverageTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
public @interface ProcessTest {
}
