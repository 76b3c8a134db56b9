package com.customerlifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each process key migrates on its own: moving {@code customer-journey} to a new version leaves the customer-success
 * instance it called running on its own version, still attached to the journey, and when it ends the journey carries
 * on in its new version.
 */
@ProcessTest
class CustomerJourneyMigrationProcessTest {

    private static final String RECORD_WHY_CUSTOMER_LEFT = "Task_RecordWhyCustomerLeft";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ProcessMigrations migrations;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        new ProcessDriver(processEngine).deleteRunningInstances(JourneyProcess.KEY);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void migratingTheJourneyKeepsTheCalledCustomerSuccessRunning() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Called Along GmbH", "low-touch", "amy");
        ProcessInstance journey = runtimeService.createProcessInstanceByKey(JourneyProcess.KEY)
                .businessKey(customer.leadId())
                .setVariables(Map.of("customerId", customer.customerId(), "company", customer.company(),
                        "touchTier", "low-touch", "accountManager", "amy", "subscriptionOwnerName", "Olga Owner",
                        "subscriptionOwnerEmail", customer.ownerEmail()))
                .startBeforeActivity("CallActivity_LookAfterCustomer")
                .execute();
        ProcessInstance care = runtimeService.createProcessInstanceQuery().superProcessInstanceId(journey.getId())
                .singleResult();
        String careVersion = care.getProcessDefinitionId();
        ProcessDefinition newJourney = DiagramChanges.of("customer-journey.bpmn")
                .addUserTaskAfter("CallActivity_LookAfterCustomer", RECORD_WHY_CUSTOMER_LEFT, "Record why ${company} left", "am")
                .deploy(repositoryService, "customer-journey changed by the process owner");
        deployments.add(newJourney.getDeploymentId());

        MigrationPlanner.Request request = new MigrationPlanner.Request(JourneyProcess.KEY, null, null, null, null);
        assertThat(migrations.dryRun(request).instances()).isEqualTo(new MigrationPlanner.Instances(1, 1, 0));
        ProcessMigrations.Started started = migrations.start(request, "olivia");
        new ProcessDriver(processEngine).runBatches();

        assertThat(migrations.progress(started.migrationId()).orElseThrow().state()).isEqualTo(MigrationState.COMPLETED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(journey.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(newJourney.getId());
        ProcessInstance careAfter = runtimeService.createProcessInstanceQuery().superProcessInstanceId(journey.getId())
                .singleResult();
        assertThat(careAfter.getId()).as("the same called instance, still attached").isEqualTo(care.getId());
        assertThat(careAfter.getProcessDefinitionId()).as("on its own version").isEqualTo(careVersion);
        assertThat(careAfter).isWaitingAt("Timer_CheckInDue");

        runtimeService.createMessageCorrelation(SuccessProcess.CUSTOMER_CHURNED_MESSAGE)
                .processInstanceBusinessKey(customer.leadId()).correlateAll();

        assertThat(careAfter).isEnded();
        assertThat(journey).isWaitingAt(RECORD_WHY_CUSTOMER_LEFT);
    }
}
