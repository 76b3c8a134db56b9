package com.customerlifecycle.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: the application in a mock servlet environment (process tests drive the engine's Java API, as
 * Tasklist would) with the demo users, a fresh database, the test SMTP server, the job executor off, and process test
 * coverage recorded in {@code target/process-test-coverage} (see {@link CoverageTestConfiguration}). Name the class
 * {@code *ProcessTest}. Without a web server, the Camunda webapps of the HTTP tests' context stay the only ones in the
 * JVM (their filters are registered JVM-wide).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class})
@TestExecutionListeners(listeners = CurrentProcessEngineListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@Import({CoverageTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
public @interface ProcessTest {
}
