package com.customerlifecycle.migration;

import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.AGREE_INITIAL_USAGE_PLAN;
import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.CUSTOMIZE_PRODUCT;
import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.RUN_PRODUCT_TRAINING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.onboarding.OnboardingProcess;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
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
 * A customer whose customization is done waits at the join for the training: that wait is no active activity, yet the
 * engine needs the join mapped. A version that renames the join reports the customer blocked there, and with the
 * process owner's mapping the customer moves and the join still joins.
 */
@ProcessTest
class CustomerOnboardingMigrationProcessTest {

    private static final String JOIN = "Gateway_ImplementationReady";
    private static final String RENAMED_JOIN = "Gateway_ImplementationDone";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessMigrations migrations;

    private ProcessDriver driver;
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
        driver.deleteRunningInstances(OnboardingProcess.KEY);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void customerWaitingAtARenamedJoinIsBlockedUntilMappedAndTheJoinStillJoins() {
        ProcessInstance onboarding = runtimeService.createProcessInstanceByKey(OnboardingProcess.KEY)
                .setVariables(Map.of("company", "Joined Up GmbH"))
                .startBeforeActivity(RUN_PRODUCT_TRAINING)
                .startBeforeActivity(CUSTOMIZE_PRODUCT)
                .execute();
        driver.completeAs("dave", driver.openTask(CUSTOMIZE_PRODUCT, onboarding), withVariables("customizationNotes", "CRM sync"));
        assertThat(onboarding).isWaitingAt(RUN_PRODUCT_TRAINING).isNotWaitingAt(AGREE_INITIAL_USAGE_PLAN);
        ProcessDefinition v2 = DiagramChanges.of("customer-onboarding.bpmn").renameActivity(JOIN, RENAMED_JOIN)
                .deploy(repositoryService, "customer-onboarding with a renamed join");
        deployments.add(v2.getDeploymentId());

        MigrationPlanner.Report unmapped = migrations.dryRun(new MigrationPlanner.Request(OnboardingProcess.KEY, null,
                null, null, null));
        assertThat(unmapped.instances()).isEqualTo(new MigrationPlanner.Instances(1, 0, 1));
        assertThat(unmapped.blocked()).extracting(MigrationPlanner.Blocked::activityId).containsExactly(JOIN);

        MigrationPlanner.Request mapped = new MigrationPlanner.Request(OnboardingProcess.KEY, null, null,
                Map.of(JOIN, RENAMED_JOIN), null);
        assertThat(migrations.dryRun(mapped).instances()).isEqualTo(new MigrationPlanner.Instances(1, 1, 0));
        ProcessMigrations.Started started = migrations.start(mapped, "olivia");
        driver.runBatches();

        assertThat(migrations.progress(started.migrationId()).orElseThrow().state()).isEqualTo(MigrationState.COMPLETED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(onboarding.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(v2.getId());
        driver.completeAs("dave", driver.openTask(RUN_PRODUCT_TRAINING, onboarding), withVariables("trainingNotes", "12 admins"));
        assertThat(onboarding).hasPassed(RENAMED_JOIN).isWaitingAt(AGREE_INITIAL_USAGE_PLAN);
    }
}
