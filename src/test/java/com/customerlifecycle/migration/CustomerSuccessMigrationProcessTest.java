package com.customerlifecycle.migration;

import static com.customerlifecycle.success.SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN;
import static com.customerlifecycle.success.SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner changes {@code customer-success} — a new step after the success plan, check-ins every 14 days instead
 * of the tier's interval — deploys it beside the running version and moves the customers already in it: their open
 * tasks, timers and variables survive, the changed timer is recomputed, and the new step is reached afterwards. A
 * version that renames an activity blocks the customers waiting there until the process owner maps it.
 */
@ProcessTest
class CustomerSuccessMigrationProcessTest {

    /** Monday 2 November 2026, 10:00 in the business time zone. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    private static final String SHARE_SUCCESS_PLAN = "Task_ShareSuccessPlan";
    private static final String AGREE_SUCCESS_PLAN = "Task_AgreeSuccessPlan";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ProcessMigrations migrations;

    private ProcessDriver driver;
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        // Instances of other tests in this shared context are not ours to move.
        driver.deleteRunningInstances(SuccessProcess.KEY);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        ClockUtil.reset();
    }

    @Test
    void customersWaitingAtDifferentPointsMoveWithTheirTasksTimersAndVariables() {
        ProcessInstance planning = startCare("Plan Stage AG", "high-touch");
        ProcessInstance caredFor = startCare("Cared For GmbH", "high-touch");
        driver.completeAs("chris", driver.openTask(DEFINE_SUCCESS_PLAN, caredFor), withVariables("successGoals", "Adoption",
                "firstTargetDate", Date.from(START.plusMonths(3).toInstant())));
        ProcessInstance checkingIn = startCare("Check In Ltd", "low-touch");
        driver.fireTimer(checkingIn.getId(), "Timer_CheckInDue", Duration.ofDays(90));
        Task openCheckIn = driver.openTask(HOLD_SUCCESS_CHECK_IN, checkingIn);
        taskService.claim(openCheckIn.getId(), "chris");
        Job businessReviewBefore = timer(caredFor, "Timer_BusinessReviewDue");

        ClockUtil.setCurrentTime(Date.from(START.plusDays(100).toInstant()));
        ProcessDefinition v2 = deploy(DiagramChanges.of("customer-success.bpmn")
                .addUserTaskAfter(DEFINE_SUCCESS_PLAN, SHARE_SUCCESS_PLAN, "Share success plan with ${company}", "csm")
                .setTimer("Timer_CheckInDue", "P14D"));

        MigrationPlanner.Request request = new MigrationPlanner.Request(SuccessProcess.KEY, null, null, Map.of(),
                Map.of("successPlanShared", false));
        MigrationPlanner.Report dryRun = migrations.dryRun(request);
        assertThat(dryRun.targetVersion()).isEqualTo(v2.getVersion());
        assertThat(dryRun.instances()).isEqualTo(new MigrationPlanner.Instances(3, 3, 0));
        assertThat(dryRun.blocked()).isEmpty();
        assertThat(dryRun.instructions()).extracting(MigrationPlanner.Instruction::source)
                .contains(DEFINE_SUCCESS_PLAN, HOLD_SUCCESS_CHECK_IN, "Timer_CheckInDue");
        assertThat(dryRun.instructions()).filteredOn(MigrationPlanner.Instruction::updateEventTrigger)
                .extracting(MigrationPlanner.Instruction::source).containsOnly("Timer_CheckInDue");
        assertThat(onVersion(v2)).as("a dry run moves nothing").isZero();

        ProcessMigrations.Started started = driver.callAs("olivia", () -> migrations.start(request, "olivia"));
        assertThat(progress(started).state()).isEqualTo(MigrationState.RUNNING);
        driver.runBatches();

        ProcessMigrations.Progress done = progress(started);
        assertThat(done.state()).isEqualTo(MigrationState.COMPLETED);
        assertThat(done.total()).isEqualTo(3);
        assertThat(done.migrated()).isEqualTo(3);
        assertThat(done.failures()).isEmpty();
        assertThat(onVersion(v2)).isEqualTo(3);

        // the open task is the same task, still claimed, with the form input it had
        Task sameCheckIn = driver.openTask(HOLD_SUCCESS_CHECK_IN, checkingIn);
        assertThat(sameCheckIn.getId()).isEqualTo(openCheckIn.getId());
        assertThat(sameCheckIn).isAssignedTo("chris");
        assertThat(sameCheckIn.getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(runtimeService.getVariable(checkingIn.getId(), "company")).isEqualTo("Check In Ltd");
        assertThat(runtimeService.getVariable(checkingIn.getId(), "successPlanShared")).isEqualTo(false);

        // the changed check-in timer is recomputed from the migration; the unchanged business review keeps its date
        assertThat(timer(caredFor, "Timer_CheckInDue").getDuedate())
                .isEqualTo(Date.from(START.plusDays(100).plusDays(14).toInstant()));
        assertThat(timer(caredFor, "Timer_BusinessReviewDue").getDuedate()).isEqualTo(businessReviewBefore.getDuedate());

        // the new step is reached by the customer who was still planning
        driver.completeAs("chris", driver.openTask(DEFINE_SUCCESS_PLAN, planning), withVariables("successGoals", "Go live",
                "firstTargetDate", Date.from(START.plusMonths(6).toInstant())));
        assertThat(planning).isWaitingAt(SHARE_SUCCESS_PLAN);
        assertThat(driver.openTask(SHARE_SUCCESS_PLAN, planning)).hasName("Share success plan with Plan Stage AG");

        // who moved them is in Camunda's user operation log
        assertThat(historyService.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
                .processDefinitionKey(SuccessProcess.KEY).userId("olivia")
                .afterTimestamp(Date.from(START.plusDays(99).toInstant())).count()).isPositive();

        // the same migration again finds nothing to move
        ProcessMigrations.Started again = driver.callAs("olivia", () -> migrations.start(request, "olivia"));
        assertThat(again.report().instances().total()).isZero();
        assertThat(progress(again).state()).isEqualTo(MigrationState.COMPLETED);
    }

    @Test
    void customerAtARemovedActivityIsBlockedAndUntouchedUntilTheProcessOwnerMapsIt() {
        ProcessInstance planning = startCare("Renamed Step AG", "high-touch");
        ProcessInstance lowTouch = startCare("Unaffected Ltd", "low-touch");
        ProcessDefinition v1 = definitionOf(planning);
        ProcessDefinition v2 = deploy(DiagramChanges.of("customer-success.bpmn")
                .renameActivity(DEFINE_SUCCESS_PLAN, AGREE_SUCCESS_PLAN));
        Task planTask = driver.openTask(DEFINE_SUCCESS_PLAN, planning);

        MigrationPlanner.Request unmapped = new MigrationPlanner.Request(SuccessProcess.KEY, v1.getVersion(),
                v2.getVersion(), Map.of(), null);
        MigrationPlanner.Report report = migrations.dryRun(unmapped);
        assertThat(report.instances()).isEqualTo(new MigrationPlanner.Instances(2, 1, 1));
        assertThat(report.blocked()).containsExactly(new MigrationPlanner.Blocked(v1.getVersion(), DEFINE_SUCCESS_PLAN, 1,
                DEFINE_SUCCESS_PLAN + " has no counterpart in version " + v2.getVersion()
                        + ": map it to an activity of version " + v2.getVersion()));
        assertThat(report.targetActivities()).extracting(MigrationPlanner.Activity::id).contains(AGREE_SUCCESS_PLAN);

        driver.callAs("olivia", () -> migrations.start(unmapped, "olivia"));
        driver.runBatches();
        assertThat(definitionOf(lowTouch).getId()).isEqualTo(v2.getId());
        assertThat(definitionOf(planning).getId()).as("blocked: untouched").isEqualTo(v1.getId());
        assertThat(driver.openTask(DEFINE_SUCCESS_PLAN, planning).getId()).isEqualTo(planTask.getId());

        MigrationPlanner.Request mapped = new MigrationPlanner.Request(SuccessProcess.KEY, v1.getVersion(),
                v2.getVersion(), Map.of(DEFINE_SUCCESS_PLAN, AGREE_SUCCESS_PLAN), null);
        assertThat(migrations.dryRun(mapped).instances()).isEqualTo(new MigrationPlanner.Instances(1, 1, 0));
        ProcessMigrations.Started started = driver.callAs("olivia", () -> migrations.start(mapped, "olivia"));
        driver.runBatches();
        assertThat(progress(started).state()).isEqualTo(MigrationState.COMPLETED);
        Task agree = driver.openTask(AGREE_SUCCESS_PLAN, planning);
        assertThat(agree.getId()).as("the same task, now at the mapped activity").isEqualTo(planTask.getId());
        assertThat(agree.getProcessDefinitionId()).isEqualTo(v2.getId());
        assertThat(planning).isWaitingAt(AGREE_SUCCESS_PLAN);
    }

    @Test
    void anInstanceTheEngineCannotMoveIsReportedFailedWithTheEnginesReasonAndTheOutcomeStays() {
        ProcessInstance staying = startCare("Moves Along Ltd", "low-touch");
        ProcessInstance vanishing = startCare("Gone Before Its Turn Ltd", "low-touch");
        ProcessDefinition v2 = deploy(DiagramChanges.of("customer-success.bpmn").setTimer("Timer_CheckInDue", "P14D"));
        MigrationPlanner.Request request = new MigrationPlanner.Request(SuccessProcess.KEY, null, null, null, null);
        ProcessMigrations.Started started = migrations.start(request, "olivia");

        assertThatThrownBy(() -> migrations.start(request, "olivia"))
                .as("one migration of a process at a time").isInstanceOf(ProcessMigrations.MigrationInProgressException.class);
        runtimeService.deleteProcessInstance(vanishing.getId(), "the customer left before the batch reached it");
        driver.runBatches();

        ProcessMigrations.Progress failed = progress(started);
        assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.total()).isEqualTo(2);
        assertThat(failed.migrated()).isEqualTo(1);
        assertThat(failed.failed()).isEqualTo(1);
        assertThat(failed.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.processInstanceId()).isEqualTo(vanishing.getId());
            assertThat(failure.message()).contains(vanishing.getId());
        });
        assertThat(definitionOf(staying).getId()).isEqualTo(v2.getId());

        // the outcome is written down: it does not change when the batch and the failed jobs are gone
        managementService.createBatchQuery().list().forEach(batch -> managementService.deleteBatch(batch.getId(), true));
        assertThat(progress(started)).isEqualTo(failed);
    }

    @Test
    void aMappedTimerWhoseDefinitionChangedIsRecomputed() {
        ProcessInstance lowTouch = startCare("Remapped Timer Ltd", "low-touch");
        deploy(DiagramChanges.of("customer-success.bpmn").renameActivity("Timer_CheckInDue", "Timer_FortnightPassed")
                .setTimer("Timer_FortnightPassed", "P14D"));

        MigrationPlanner.Report report = migrations.dryRun(new MigrationPlanner.Request(SuccessProcess.KEY, null, null,
                Map.of("Timer_CheckInDue", "Timer_FortnightPassed"), null));
        assertThat(report.instructions()).filteredOn(instruction -> instruction.source().equals("Timer_CheckInDue"))
                .singleElement().satisfies(instruction -> {
                    assertThat(instruction.target()).isEqualTo("Timer_FortnightPassed");
                    assertThat(instruction.updateEventTrigger()).isTrue();
                });
        migrations.start(new MigrationPlanner.Request(SuccessProcess.KEY, null, null,
                Map.of("Timer_CheckInDue", "Timer_FortnightPassed"), null), "olivia");
        driver.runBatches();
        assertThat(timer(lowTouch, "Timer_FortnightPassed").getDuedate())
                .isEqualTo(Date.from(START.plusDays(14).toInstant()));
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndMoveNothing() {
        startCare("Stays Put Ltd", "low-touch");
        ProcessDefinition v2 = deploy(DiagramChanges.of("customer-success.bpmn").setTimer("Timer_CheckInDue", "P7D"));
        int v1 = v2.getVersion() - 1;

        assertThatThrownBy(() -> migrations.dryRun(new MigrationPlanner.Request("no-such-process", null, null, null, null)))
                .isInstanceOf(MigrationPlanner.UnknownProcessException.class);
        assertThatThrownBy(() -> migrations.dryRun(new MigrationPlanner.Request(SuccessProcess.KEY, v2.getVersion(), v1,
                null, null))).isInstanceOf(MigrationPlanner.InvalidMigrationException.class).hasMessageContaining("newer");
        assertThatThrownBy(() -> migrations.dryRun(new MigrationPlanner.Request(SuccessProcess.KEY, 99, null, null, null)))
                .hasMessageContaining("Version 99 of");
        assertThatThrownBy(() -> migrations.dryRun(new MigrationPlanner.Request(SuccessProcess.KEY, null, null,
                Map.of("Task_Nowhere", DEFINE_SUCCESS_PLAN), null))).hasMessageContaining("Task_Nowhere");
        assertThatThrownBy(() -> migrations.dryRun(new MigrationPlanner.Request(SuccessProcess.KEY, null, null,
                Map.of(DEFINE_SUCCESS_PLAN, "Task_Gone"), null))).hasMessageContaining("Task_Gone");
        assertThatThrownBy(() -> migrations.start(new MigrationPlanner.Request(SuccessProcess.KEY, null, null,
                Map.of(DEFINE_SUCCESS_PLAN, "Timer_CheckInDue"), null), "olivia"))
                .isInstanceOf(MigrationPlanner.InvalidMigrationException.class).hasMessageContaining(DEFINE_SUCCESS_PLAN);
        assertThatThrownBy(() -> migrations.dryRun(new MigrationPlanner.Request(SuccessProcess.KEY, null, null, null,
                Map.of("note", "${evil}")))).hasMessageContaining("variables.note");
        assertThatThrownBy(() -> migrations.start(new MigrationPlanner.Request(SuccessProcess.KEY, null, null, null,
                Map.of("company", "Everyone GmbH")), "olivia"))
                .as("a migration does not overwrite a customer's data").hasMessageContaining("variables.company");

        assertThat(onVersion(v2)).isZero();
        assertThat(managementService.createBatchQuery().count()).isZero();
    }


    private ProcessInstance startCare(String company, String touchTier) {
        return TestCustomers.inCustomerSuccess(signUps, customers, runtimeService, company, touchTier);
    }

    private ProcessDefinition deploy(DiagramChanges changed) {
        ProcessDefinition definition = changed.deploy(repositoryService, "customer-success changed by the process owner");
        deployments.add(definition.getDeploymentId());
        return definition;
    }

    private ProcessDefinition definitionOf(ProcessInstance instance) {
        String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId();
        return repositoryService.getProcessDefinition(definitionId);
    }

    private long onVersion(ProcessDefinition definition) {
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
                .singleResult();
    }

    private ProcessMigrations.Progress progress(ProcessMigrations.Started started) {
        return migrations.progress(started.migrationId()).orElseThrow();
    }
}
