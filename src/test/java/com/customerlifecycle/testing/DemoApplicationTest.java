package com.customerlifecycle.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on a random port with the demo users, a fresh database (H2, or PostgreSQL in the second test
 * run, see {@link TestDatabase}), a test SMTP server and the job executor off. All tests using it share one Spring context; each creates its own leads, so they do not see each
 * other's work.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class})
@TestExecutionListeners(listeners = CurrentProcessEngineListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface DemoApplicationTest {
}
