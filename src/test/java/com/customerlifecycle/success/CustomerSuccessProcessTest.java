package com.customerlifecycle.success;

import static com.customerlifecycle.success.SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN;
import static com.customerlifecycle.success.SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN;
import static com.customerlifecycle.success.SuccessProcess.Tasks.RESCUE_AT_RISK_ACCOUNT;
import static com.customerlifecycle.success.SuccessProcess.Tasks.REVIEW_AT_RISK_ACCOUNT;
import static com.customerlifecycle.success.SuccessProcess.Tasks.RUN_BUSINESS_REVIEW;
import static com.customerlifecycle.success.SuccessProcess.Tasks.SEND_NEWSLETTER;
import static com.customerlifecycle.success.SuccessProcess.Tasks.SEND_ONE_TO_MANY_WELCOME;
import static com.customerlifecycle.success.SuccessProcess.Tasks.SEND_SELF_STUDY_MATERIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.engine.TaskEscalation;
import com.customerlifecycle.expansion.ExpansionProcess;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DecisionChanges;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestCustomers;
import com.customerlifecycle.testing.TestMailbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code customer-success} per touch tier, over several timer cycles. */
@ProcessTest
class CustomerSuccessProcessTest {

    /** Monday 2 November 2026, 10:00 in the business time zone: quarter 2026-Q4. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerMail customerMail;
    @Autowired
    RepositoryService repositoryService;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void highTouchCustomerGetsSuccessPlanMonthlyCheckInsAndQuarterlyReviews() {
        Care care = startCare("Big Brand AG", "high-touch");
        ProcessInstance instance = care.instance();
        Task plan = driver.openTask(DEFINE_SUCCESS_PLAN, instance);
        assertThat(plan).hasCandidateGroup("csm").hasName("Define success plan with Big Brand AG");

        driver.completeAs("chris", plan, withVariables("successGoals", "Forecast accuracy 90% by Q2",
                "firstTargetDate", Date.from(START.plusMonths(6).toInstant())));
        assertThat(customer(care).csm()).isEqualTo("chris");
        assertThat(instance).isWaitingAt("Timer_CheckInDue", "Timer_BusinessReviewDue");

        for (int cycle = 1; cycle <= 3; cycle++) {
            driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(30));
            Task checkIn = driver.openTask(HOLD_SUCCESS_CHECK_IN, instance);
            assertThat(checkIn).isAssignedTo("chris");
            driver.completeAs("chris", checkIn, checkIn(70 + cycle * 5, false));
            assertThat(instance).isWaitingAt("Timer_CheckInDue");
        }
        assertThat(customer(care).healthBand()).isEqualTo("green");

        driver.fireTimer(instance.getId(), "Timer_BusinessReviewDue", Duration.ofDays(2));
        Task review = driver.openTask(RUN_BUSINESS_REVIEW, instance);
        assertThat(review).isAssignedTo("chris").hasName("Run business review with Big Brand AG");
        driver.completeAs("chris", review, withVariables("businessReviewNotes", "On track"));
        assertThat(instance).isWaitingAt("Timer_CheckInDue", "Timer_BusinessReviewDue");
    }

    @Test
    void redHealthStartsARescueAndInformsTheAccountManager() {
        Care care = startCare("Wobbly Ltd", "high-touch");
        ProcessInstance instance = care.instance();
        driver.completeAs("chris", driver.openTask(DEFINE_SUCCESS_PLAN, instance), withVariables("successGoals", "Adoption",
                "firstTargetDate", Date.from(START.plusMonths(3).toInstant())));
        driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(30));

        driver.completeAs("chris", driver.openTask(HOLD_SUCCESS_CHECK_IN, instance), checkIn(35, false));

        Task rescue = driver.openTask(RESCUE_AT_RISK_ACCOUNT, instance);
        Task informAm = driver.openTask(REVIEW_AT_RISK_ACCOUNT, instance);
        Date inFiveDays = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(5)));
        assertThat(rescue).isAssignedTo("chris").hasDueDate(inFiveDays);
        assertThat(driver.candidateGroups(rescue)).containsExactly("csm");
        assertThat(informAm).isAssignedTo("amy").hasName("Review at-risk account Wobbly Ltd");
        assertThat(driver.candidateGroups(informAm)).containsExactly("am");
        assertThat(customer(care).healthBand()).isEqualTo("red");
        assertThat(instance).isWaitingAt("Timer_CheckInDue");
        assertThatThrownBy(() -> driver.completeAs("chris", rescue, withVariables("rescuePlan", "")))
                .isInstanceOf(FormFieldValidationException.class);
        driver.completeAs("chris", rescue, withVariables("rescuePlan", "Weekly calls with the sponsor"));
        driver.completeAs("amy", informAm, withVariables("atRiskReviewNotes", "Will join the next call"));
        assertThat(instance).hasPassed("EndEvent_RescuePlanned", "EndEvent_AmInformed").isWaitingAt("Timer_CheckInDue");
    }

    @Test
    void expansionSpottedAtCheckInGoesToTheAccountManager() {
        Care care = startCare("Growing GmbH", "high-touch");
        ProcessInstance instance = care.instance();
        driver.completeAs("chris", driver.openTask(DEFINE_SUCCESS_PLAN, instance), withVariables("successGoals", "Roll out",
                "firstTargetDate", Date.from(START.plusMonths(3).toInstant())));
        driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(30));

        driver.completeAs("chris", driver.openTask(HOLD_SUCCESS_CHECK_IN, instance), checkIn(90, true));

        assertThat(instance).hasPassed("Task_HandExpansionToAm", "EndEvent_ExpansionHandedOver");
        ProcessInstance expansion = runtimeService.createProcessInstanceQuery().processDefinitionKey(ExpansionProcess.KEY)
                .processInstanceBusinessKey(care.customer().leadId()).singleResult();
        Task discuss = taskQuery().processInstanceId(expansion.getId()).singleResult();
        assertThat(discuss).isAssignedTo("amy").hasName("Discuss expansion with Growing GmbH");
        assertThat(driver.candidateGroups(discuss)).containsExactly("am");
        assertThat(runtimeService.getVariable(expansion.getId(), "expansionReasons").toString())
                .contains("Marketing wants 15 more seats").contains("CSM check-in by chris");
    }

    @Test
    void lowTouchCsmWorksWithinTheQuarterlyBudgetThenSelfStudyMaterialGoesOut() {
        Care care = startCare("Budget Ltd", "low-touch");
        ProcessInstance instance = care.instance();
        assertThat(instance).isWaitingAt("Timer_CheckInDue").hasNotPassed(DEFINE_SUCCESS_PLAN);

        driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(90));
        Task checkIn = driver.openTask(HOLD_SUCCESS_CHECK_IN, instance);
        assertThat(checkIn).hasCandidateGroup("csm");
        Map<String, Object> tooLong = checkIn(60, false);
        tooLong.put("hoursUsed", 41);
        assertThatThrownBy(() -> driver.completeAs("chris", checkIn, tooLong))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("hoursUsed");
        Map<String, Object> withoutHours = checkIn(60, false);
        withoutHours.remove("hoursUsed");
        assertThatThrownBy(() -> driver.completeAs("chris", checkIn, withoutHours))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("hoursUsed");
        driver.completeAs("chris", checkIn, checkIn(60, false));
        assertThat(customer(care).csm()).as("the CSM of the first check-in").isEqualTo("chris");
        assertThat(customer(care).healthBand()).isEqualTo("yellow");

        // the process owner lowers this customer's budget to what is already used
        runtimeService.setVariable(instance.getId(), "csmHoursPerQuarter", 0);
        driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(90));

        assertThat(instance).isWaitingAt(SEND_SELF_STUDY_MATERIAL);
        assertThat(runtimeService.getVariable(instance.getId(), "csmWorkRefusedReason").toString())
                .contains("CSM hours of 2027-Q2 are used up");
        driver.runJob(instance.getId(), SEND_SELF_STUDY_MATERIAL);
        assertThat(TestMailbox.subjectsTo(care.customer().ownerEmail())).containsExactly("Self-study material for Budget Ltd");
        assertThat(instance).isWaitingAt("Timer_CheckInDue");
    }

    @Test
    void theProcessOwnerGivesLowTouchCustomersSixCsmHoursAndDailyCheckInsInTheSuccessCadenceTable() {
        try (DecisionChanges.Deployed sixHours = DecisionChanges.of("success-cadence.dmn")
                .setCell("LiteralExpression_LowTouchCsmHours", "6")
                .setCell("LiteralExpression_LowTouch", "\"P1D\"").deploy(repositoryService)) {
            Care care = startCare("Six Hours Ltd", "low-touch");
            ProcessInstance instance = care.instance();
            assertThat(runtimeService.getVariable(instance.getId(), "csmHoursPerQuarter")).isEqualTo(6.0);

            driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(1));
            Map<String, Object> fiveHours = checkIn(80, false);
            fiveHours.put("hoursUsed", 5);
            driver.completeAs("chris", driver.openTask(HOLD_SUCCESS_CHECK_IN, instance), fiveHours);
            driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(1));
            assertThat(instance).as("5 of 6 hours used: one more check-in").isWaitingAt(HOLD_SUCCESS_CHECK_IN);
            driver.completeAs("chris", driver.openTask(HOLD_SUCCESS_CHECK_IN, instance), checkIn(80, false));
            driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(1));

            assertThat(instance).isWaitingAt(SEND_SELF_STUDY_MATERIAL);
            assertThat(runtimeService.getVariable(instance.getId(), "csmWorkRefusedReason").toString())
                    .contains("The 6 CSM hours of 2026-Q4 are used up (6.5 h)");
        }
    }

    @Test
    void aCheckInNotHeldOnItsDayIsEscalatedAndStaysOpen() {
        ProcessInstance instance = startCare("Missed Call Ltd", "low-touch").instance();
        driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(90));
        Task checkIn = driver.openTask(HOLD_SUCCESS_CHECK_IN, instance);
        assertThat(checkIn.getDueDate()).as("the end of its day").isEqualTo(Date.from(START.plusDays(91).toLocalDate()
                .atStartOfDay(START.getZone()).toInstant()));

        driver.fireTimer(instance.getId(), "BoundaryEvent_HoldSuccessCheckInOverdue", Duration.ofDays(1));

        Task overdue = driver.openTask(HOLD_SUCCESS_CHECK_IN, instance);
        assertThat(overdue.getName()).isEqualTo("Hold success check-in with Missed Call Ltd (overdue)");
        assertThat(overdue.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
        assertThat(instance).hasPassed("Task_EscalateOverdueHoldSuccessCheckIn");
    }

    @Test
    void techTouchCustomerGetsTheOneToManyProgrammeByMail() {
        Care care = startCare("Tiny Co", "tech-touch");
        ProcessInstance instance = care.instance();

        driver.runJob(instance.getId(), SEND_ONE_TO_MANY_WELCOME);
        assertThat(instance).isWaitingAt("Timer_NewsletterDue");
        for (int month = 1; month <= 2; month++) {
            driver.fireTimer(instance.getId(), "Timer_NewsletterDue", Duration.ofDays(31));
            driver.runJob(instance.getId(), SEND_NEWSLETTER);
        }

        assertThat(TestMailbox.subjectsTo(care.customer().ownerEmail())).containsExactly(
                "Welcome to our customer community, Tiny Co", "Newsletter 2026-12 for Tiny Co", "Newsletter 2027-01 for Tiny Co");
        assertThat(TestMailbox.bodiesTo(care.customer().ownerEmail()).get(1)).contains("Webinars you can join");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).as("no personal CSM").isZero();
        boolean again = customerMail.sendOnce(care.customer().customerId(), "newsletter-2027-01",
                new CustomerMail.Mail(care.customer().ownerEmail(), "again", "again"), ClockUtil.getCurrentTime().toInstant());
        assertThat(again).as("a retried newsletter job sends nothing more").isFalse();
    }

    @Test
    void careStopsCleanlyWhenTheCustomerChurns() {
        Care care = startCare("Leaving Ltd", "high-touch");
        ProcessInstance instance = care.instance();
        driver.completeAs("chris", driver.openTask(DEFINE_SUCCESS_PLAN, instance), withVariables("successGoals", "Adoption",
                "firstTargetDate", Date.from(START.plusMonths(3).toInstant())));
        driver.fireTimer(instance.getId(), "Timer_CheckInDue", Duration.ofDays(30));

        runtimeService.createMessageCorrelation(SuccessProcess.CUSTOMER_CHURNED_MESSAGE)
                .processInstanceBusinessKey(care.customer().leadId()).correlate();

        assertThat(instance).hasPassed("EndEvent_CareStopped").isEnded();
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    record Care(ProcessInstance instance, TestCustomers.TestCustomer customer) {
    }

    private Care startCare(String company, String touchTier) {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, company, touchTier, "amy");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(SuccessProcess.KEY, customer.leadId(), Map.of(
                "customerId", customer.customerId(), "company", company, "touchTier", touchTier,
                "accountManager", "amy", "subscriptionOwnerName", "Olga Owner",
                "subscriptionOwnerEmail", customer.ownerEmail()));
        return new Care(instance, customer);
    }

    private Customer customer(Care care) {
        return customers.findById(care.customer().customerId()).orElseThrow();
    }

    private static Map<String, Object> checkIn(int healthScore, boolean expansion) {
        Map<String, Object> variables = new HashMap<>(Map.of("healthScore", healthScore, "checkInNotes", "Monthly call",
                "hoursUsed", 1.5, "expansionOpportunity", expansion));
        if (expansion) {
            variables.put("expansionNotes", "Marketing wants 15 more seats");
        }
        return variables;
    }
}
