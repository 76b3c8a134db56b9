package com.customerlifecycle.renewal;

import static com.customerlifecycle.renewal.RenewalProcess.Tasks.ESCALATE_EXPIRED_CONTRACT;
import static com.customerlifecycle.renewal.RenewalProcess.Tasks.EXTEND_CONTRACT;
import static com.customerlifecycle.renewal.RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER;
import static com.customerlifecycle.renewal.RenewalProcess.Tasks.NEGOTIATE_RENEWAL;
import static com.customerlifecycle.renewal.RenewalProcess.Tasks.RUN_EXIT_INTERVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.engine.TaskEscalation;
import com.customerlifecycle.expansion.ExpansionSignals;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DecisionChanges;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code subscription-renewal}, by time travel: the engine clock moves to each timer's date and the due
 * jobs run. The test customer's contract runs from 1 November 2026 to 1 November 2027.
 */
@ProcessTest
class SubscriptionRenewalProcessTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, BERLIN);
    private static final LocalDate END = LocalDate.of(2027, 11, 1);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ExpansionSignals expansionSignals;
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

    @ParameterizedTest(name = "{0} year(s) at {1} a year")
    @CsvSource({"1, 24000.00", "2, 21600.00", "3, 20400.00"})
    void renewedContractGetsTheNextTermAtTheDiscountedValue(int years, String expectedValue) {
        TestCustomers.TestCustomer customer = customer("Renewer " + years + " Ltd");
        ProcessInstance renewal = startRenewal(customer);
        assertThat(renewal).isWaitingAt(RenewalProcess.Timers.RENEWAL_WINDOW_OPENS);
        assertThat(timer(renewal, "Timer_RenewalWindowOpens").getDuedate()).isEqualTo(at(END.minusDays(90)));

        travelTo(renewal, END.minusDays(90));
        Task introduce = driver.openTask(INTRODUCE_RENEWAL_MANAGER, renewal);
        assertThat(introduce).hasCandidateGroup("renewal").hasName("Introduce yourself to Olga Owner at Renewer " + years + " Ltd")
                .hasDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(5))));
        driver.completeAs("rita", introduce, withVariables("introductionNotes", "Happy so far, budget in September"));
        assertThat(renewal).isWaitingAt(RenewalProcess.Timers.PRICE_NEGOTIATION_OPENS);

        travelTo(renewal, END.minusDays(60));
        assertThat(runtimeService.getVariable(renewal.getId(), "renewalOffersSummary")).isEqualTo("""
                1 year: €24,000.00 a year  \n\
                2 years: €21,600.00 a year (10 % off)  \n\
                3 years: €20,400.00 a year (15 % off)""");
        assertThat(runtimeService.getVariable(renewal.getId(), "renewalOffers").toString())
                .contains("{\"label\":\"2 years: €21,600.00 a year (10 % off)\",\"value\":2}");
        driver.completeAs("rita", driver.openTask(NEGOTIATE_RENEWAL, renewal), withVariables("renewalOutcome", "renewed",
                "renewalTermYears", years, "renewalAnnualValue", 24000.0));
        driver.runJob(renewal.getId(), EXTEND_CONTRACT);

        assertThat(renewal).hasPassed("Task_ApplyMultiYearDiscount", "EndEvent_ContractRenewed").isEnded();
        Customer.Contract next = customers.activeContract(customer.customerId());
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.startDate()).isEqualTo(END);
        assertThat(next.endDate()).isEqualTo(END.plusYears(years));
        assertThat(next.annualValue()).isEqualByComparingTo(expectedValue);
        assertThat(next.changedBy()).isEqualTo("rita");
        assertThat(managementService.createJobQuery().processInstanceId(renewal.getId()).count()).isZero();
        String again = customers.renewContract(customer.customerId(), years, next.annualValue(), "renewal:" + renewal.getId(),
                "rita", ClockUtil.getCurrentTime().toInstant());
        assertThat(again).as("a re-executed extension changes nothing").isEqualTo(next.contractId());
        assertThat(customers.findById(customer.customerId()).orElseThrow().contracts()).hasSize(2);
    }

    @Test
    void aFiveYearRowInTheDiscountTableIsOfferedAndSold() {
        TestCustomers.TestCustomer customer = customer("Long Term Ltd");
        ProcessInstance renewal = startRenewal(customer);
        try (DecisionChanges.Deployed fiveYears = DecisionChanges.of("renewal-discount.dmn")
                .addRule("Rule_FiveYears", "5", "20").deploy(repositoryService)) {
            driveToNegotiation(renewal);

            assertThat(runtimeService.getVariable(renewal.getId(), "renewalOffersSummary").toString())
                    .endsWith("3 years: €20,400.00 a year (15 % off)  \n5 years: €19,200.00 a year (20 % off)");
            driver.completeAs("rita", driver.openTask(NEGOTIATE_RENEWAL, renewal), withVariables("renewalOutcome", "renewed",
                    "renewalTermYears", 5, "renewalAnnualValue", 24000.0));
            driver.runJob(renewal.getId(), EXTEND_CONTRACT);
        }

        Customer.Contract next = customers.activeContract(customer.customerId());
        assertThat(next.endDate()).isEqualTo(END.plusYears(5));
        assertThat(next.annualValue()).isEqualByComparingTo("19200.00");
    }

    @Test
    void aNegotiationStillOpenTwoWeeksBeforeTheEndDateIsEscalated() {
        ProcessInstance renewal = startRenewal(customer("Slow Talks Ltd"));
        driveToNegotiation(renewal);
        Task negotiation = driver.openTask(NEGOTIATE_RENEWAL, renewal);
        assertThat(negotiation.getDueDate()).isEqualTo(at(END.minusDays(14)));

        driver.fireTimer(renewal.getId(), "BoundaryEvent_NegotiateRenewalOverdue", Duration.ofDays(46));

        Task overdue = driver.openTask(NEGOTIATE_RENEWAL, renewal);
        assertThat(overdue.getName()).isEqualTo("Negotiate renewal with Slow Talks Ltd — ends 1 Nov 2027 (overdue)");
        assertThat(overdue.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
        assertThat(renewal).hasPassed("Task_EscalateOverdueNegotiateRenewal").isWaitingAt(NEGOTIATE_RENEWAL);
    }

    @Test
    void aTermTheTableDoesNotOfferIsRefused() {
        ProcessInstance renewal = startRenewal(customer("Odd Term Ltd"));
        driveToNegotiation(renewal);

        assertThatThrownBy(() -> driver.completeAs("rita", driver.openTask(NEGOTIATE_RENEWAL, renewal),
                withVariables("renewalOutcome", "renewed", "renewalTermYears", 4, "renewalAnnualValue", 24000.0)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("renewalTermYears");
        assertThat(renewal).isWaitingAt(NEGOTIATE_RENEWAL);
    }

    @Test
    void churnedCustomerGetsAnExitInterviewAndCustomerSuccessStops() {
        TestCustomers.TestCustomer customer = customer("Goodbye GmbH");
        ProcessInstance success = runtimeService.startProcessInstanceByKey(SuccessProcess.KEY, customer.leadId(), Map.of(
                "customerId", customer.customerId(), "company", customer.company(), "touchTier", "tech-touch",
                "accountManager", "amy", "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", customer.ownerEmail()));
        ProcessInstance renewal = startRenewal(customer);
        driveToNegotiation(renewal);

        assertThatThrownBy(() -> driver.completeAs("rita", driver.openTask(NEGOTIATE_RENEWAL, renewal),
                withVariables("renewalOutcome", "churned"))).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("churnReason");
        driver.completeAs("rita", driver.openTask(NEGOTIATE_RENEWAL, renewal),
                withVariables("renewalOutcome", "churned", "churnReason", "missing-capability",
                        "churnNotes", "Moving to an in-house tool"));
        Task exit = driver.openTask(RUN_EXIT_INTERVIEW, renewal);
        assertThat(exit).isAssignedTo("amy").hasName("Run exit interview with Goodbye GmbH");
        driver.completeAs("amy", exit, withVariables("exitInterviewNotes", "Missing offline mode"));

        assertThat(renewal).hasPassed("Task_MarkCustomerChurned", "EndEvent_CustomerChurned").isEnded()
                .variables().containsEntry("renewalOutcome", "churned");
        assertThat(customers.findById(customer.customerId()).orElseThrow().status()).isEqualTo(CustomerStatus.CHURNED);
        assertThat(success).hasPassed("EndEvent_CareStopped").isEnded();
    }

    @Test
    void unresolvedContractIsEscalatedAtItsEndDateAndNotDropped() {
        TestCustomers.TestCustomer customer = customer("Undecided Ltd");
        ProcessInstance renewal = startRenewal(customer);
        driveToNegotiation(renewal);

        travelTo(renewal, END);

        Task escalation = driver.openTask(ESCALATE_EXPIRED_CONTRACT, renewal);
        assertThat(driver.candidateGroups(escalation)).containsExactlyInAnyOrder("renewal", "am");
        assertThat(renewal).isWaitingAt(NEGOTIATE_RENEWAL, ESCALATE_EXPIRED_CONTRACT);
        driver.completeAs("pat", escalation, withVariables("escalationNotes", "CFO call on Monday"));
        assertThat(renewal).hasPassed("EndEvent_ExpiryEscalated").isWaitingAt(NEGOTIATE_RENEWAL);
        assertThat(customers.activeContract(customer.customerId()).version()).as("not silently extended").isEqualTo(1);
    }

    @Test
    void amRenewalBeforeTheWindowPreventsAnyContact() {
        TestCustomers.TestCustomer customer = customer("Early Extension AG");
        ProcessInstance renewal = startRenewal(customer);

        extendByAm(customer, 1);

        assertThat(renewal).hasPassed("Task_RecordRenewalByAm", "EndEvent_RenewedByAm").hasNotPassed(INTRODUCE_RENEWAL_MANAGER)
                .isEnded().variables().containsEntry("renewalOutcome", "renewed-by-am");
        assertThat(managementService.createJobQuery().processInstanceId(renewal.getId()).count()).isZero();
    }

    @Test
    void amRenewalInsideTheWindowCancelsTheRenewalManagersTasks() {
        TestCustomers.TestCustomer customer = customer("Late Extension AG");
        ProcessInstance renewal = startRenewal(customer);
        travelTo(renewal, END.minusDays(90));
        assertThat(renewal).isWaitingAt(INTRODUCE_RENEWAL_MANAGER);

        extendByAm(customer, 2);

        assertThat(renewal).hasPassed("EndEvent_RenewedByAm").isEnded();
        assertThat(taskQuery().processInstanceId(renewal.getId()).count()).isZero();
        ProcessInstance next = startRenewal(customer);
        assertThat(timer(next, "Timer_RenewalWindowOpens").getDuedate())
                .as("the next cycle counts from the end date the AM moved").isEqualTo(at(END.plusYears(2).minusDays(90)));
    }

    @Test
    void contractSignedLateOpensItsWindowsAtOnce() {
        LocalDate start = START.toLocalDate().minusMonths(11).minusDays(20);
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Last Minute Ltd", "tech-touch", "amy", start);
        ProcessInstance renewal = startRenewal(customer);

        runDueJobs(renewal);
        assertThat(renewal).isWaitingAt(INTRODUCE_RENEWAL_MANAGER);
        driver.completeAs("rita", driver.openTask(INTRODUCE_RENEWAL_MANAGER, renewal), withVariables("introductionNotes", "Short notice"));
        runDueJobs(renewal);

        assertThat(renewal).isWaitingAt(NEGOTIATE_RENEWAL).hasPassed(INTRODUCE_RENEWAL_MANAGER);
    }

    @Test
    void oneCustomerRenewsThreeCyclesInARow() {
        TestCustomers.TestCustomer customer = customer("Loyal Ltd");
        LocalDate end = END;
        for (int cycle = 1; cycle <= 3; cycle++) {
            ProcessInstance renewal = startRenewal(customer);
            assertThat(timer(renewal, "Timer_RenewalWindowOpens").getDuedate()).isEqualTo(at(end.minusDays(90)));
            travelTo(renewal, end.minusDays(90));
            driver.completeAs("rita", driver.openTask(INTRODUCE_RENEWAL_MANAGER, renewal), withVariables("introductionNotes", "Cycle " + cycle));
            travelTo(renewal, end.minusDays(60));
            driver.completeAs("pat", driver.openTask(NEGOTIATE_RENEWAL, renewal), withVariables("renewalOutcome", "renewed",
                    "renewalTermYears", 1, "renewalAnnualValue", 24000.0));
            driver.runJob(renewal.getId(), EXTEND_CONTRACT);
            assertThat(renewal).isEnded();
            end = end.plusYears(1);
            assertThat(customers.activeContract(customer.customerId()).endDate()).isEqualTo(end);
        }
        assertThat(customers.findById(customer.customerId()).orElseThrow().contracts()).hasSize(4);
    }

    private TestCustomers.TestCustomer customer(String company) {
        return TestCustomers.active(signUps, customers, company, "low-touch", "amy");
    }

    private ProcessInstance startRenewal(TestCustomers.TestCustomer customer) {
        return TestCustomers.inRenewal(runtimeService, customer);
    }

    private void driveToNegotiation(ProcessInstance renewal) {
        travelTo(renewal, END.minusDays(90));
        driver.completeAs("rita", driver.openTask(INTRODUCE_RENEWAL_MANAGER, renewal), withVariables("introductionNotes", "Met"));
        travelTo(renewal, END.minusDays(60));
        assertThat(renewal).isWaitingAt(NEGOTIATE_RENEWAL);
    }

    /** The AM agrees an expansion that extends the term, as in account-expansion. */
    private void extendByAm(TestCustomers.TestCustomer customer, int years) {
        ExpansionSignals.Result expansion = expansionSignals.signal(customer.customerId(),
                new ExpansionSignals.Signal("Wants a longer term", null, "test"));
        Task discuss = taskQuery().processInstanceId(expansion.processInstanceId()).singleResult();
        driver.completeAs("amy", discuss, withVariables("expansionAgreed", true, "plan", "business", "seats", 20,
                "annualValue", 24000.0, "extendTerm", true, "termYears", years));
    }

    /** Moves the engine clock to the start of that day (or keeps it if later) and runs the renewal's timers now due. */
    private void travelTo(ProcessInstance renewal, LocalDate day) {
        Date target = at(day);
        if (target.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(target);
        }
        runDueJobs(renewal);
    }

    /** Runs the renewal's due timers one by one, as the job executor would (one may remove another). */
    private void runDueJobs(ProcessInstance renewal) {
        Job due;
        while ((due = managementService.createJobQuery().processInstanceId(renewal.getId()).timers()
                .duedateLowerThen(new Date(ClockUtil.getCurrentTime().getTime() + 1)).listPage(0, 1).stream()
                .findFirst().orElse(null)) != null) {
            managementService.executeJob(due.getId());
        }
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(BERLIN).toInstant());
    }
}
