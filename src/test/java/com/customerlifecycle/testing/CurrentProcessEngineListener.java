package com.customerlifecycle.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The REST API and the webapps find the engine by name in Camunda's static registry. Tests keep several Spring
 * contexts in one JVM (with and without process test coverage, production start-ups), each with an engine named
 * "default", and the last one started wins the name. Before each test, the engine of the test's own context is
 * registered again, so that HTTP calls reach the same engine and database as the test.
 */
public class CurrentProcessEngineListener implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ProcessEngines.registerProcessEngine(testContext.getApplicationContext().getBean(ProcessEngine.class));
    }
}
