package com.customerlifecycle.support;

import static com.customerlifecycle.support.SupportProcess.Tasks.FOLLOW_UP_SETUP_ADVICE;
import static com.customerlifecycle.support.SupportProcess.Tasks.FOLLOW_UP_SETUP_ADVICE_AS_AM;
import static com.customerlifecycle.support.SupportProcess.Tasks.FOLLOW_UP_SETUP_ADVICE_AS_SDR;
import static com.customerlifecycle.support.SupportProcess.Tasks.RESOLVE_ESCALATED_CASE;
import static com.customerlifecycle.support.SupportProcess.Tasks.RESOLVE_PAYMENT_QUESTION;
import static com.customerlifecycle.support.SupportProcess.Tasks.REVIEW_MISSED_FIRST_RESPONSE;
import static com.customerlifecycle.support.SupportProcess.Tasks.REVIEW_PAYMENT_ISSUE;
import static com.customerlifecycle.support.SupportProcess.Tasks.SEND_RESOLUTION_EMAIL;
import static com.customerlifecycle.support.SupportProcess.Tasks.TRIAGE_SUPPORT_CASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.engine.TaskEscalation;
import com.customerlifecycle.lead.TrialSignUp;
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

/** Every path of {@code support-case}, opened through the service the helpdesk API uses. */
@ProcessTest
class SupportCaseProcessTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    SupportCases supportCases;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    SupportCaseRepository caseRecords;
    @Autowired
    RepositoryService repositoryService;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void questionResolvedAtLineOneIsAnsweredByMailOnce() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Curious Ltd", "low-touch", "amy");
        SupportCase opened = open(customer.customerId(), null, "question");
        ProcessInstance instance = instanceOf(opened);
        Task triage = driver.openTask(TRIAGE_SUPPORT_CASE, instance);
        assertThat(triage).hasCandidateGroup("support").hasName("Triage support case of Curious Ltd: Case " + opened.category())
                .hasDueDate(Date.from(opened.firstResponseDueAt()));
        assertThat(Duration.between(opened.openedAt(), opened.firstResponseDueAt()).toMinutes()).isEqualTo(8 * 60);

        driver.completeAs("sam", triage, withVariables("resolution", "Use the export button", "line1Outcome", "resolved"));
        driver.runJob(instance.getId(), SEND_RESOLUTION_EMAIL);

        assertThat(instance).hasPassed("Task_RecordFirstResponse", "EndEvent_CaseClosed").isEnded();
        SupportCase closed = supportCases.find(opened.caseId()).orElseThrow();
        assertThat(closed.status()).isEqualTo("resolved");
        assertThat(closed.line()).isEqualTo(1);
        assertThat(closed.firstResponseAt()).isNotNull();
        assertThat(closed.firstResponseMissed()).isFalse();
        assertThat(TestMailbox.subjectsTo(customer.ownerEmail())).containsExactly("Your support case: Case question");
        assertThat(caseRecords.resolve(opened.caseId(), 1, "again", null, ClockUtil.getCurrentTime().toInstant()))
                .as("a retried mail job finds the case resolved and sends nothing more").isFalse();
    }

    @Test
    void bugEscalatedToLineTwoNeedsABugReference() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Buggy GmbH", "tech-touch", "amy");
        SupportCase opened = open(customer.customerId(), null, "bug");
        ProcessInstance instance = instanceOf(opened);
        driver.completeAs("sam", driver.openTask(TRIAGE_SUPPORT_CASE, instance),
                withVariables("resolution", "We are looking into it", "line1Outcome", "escalate"));

        Task lineTwo = driver.openTask(RESOLVE_ESCALATED_CASE, instance);
        assertThat(lineTwo).hasCandidateGroup("support");
        assertThatThrownBy(() -> driver.completeAs("sam", lineTwo, withVariables("technicalResolution", "Fixed")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("productBugReference");
        driver.completeAs("sam", lineTwo, withVariables("technicalResolution", "Fixed in 4.2.1", "productBugReference", "BUG-1234"));
        driver.runJob(instance.getId(), SEND_RESOLUTION_EMAIL);

        SupportCase closed = supportCases.find(opened.caseId()).orElseThrow();
        assertThat(closed.line()).isEqualTo(2);
        assertThat(closed.productBugReference()).isEqualTo("BUG-1234");
        assertThat(closed.outcome()).isEqualTo("Fixed in 4.2.1");
    }

    @Test
    void paymentQuestionOnAnActiveContractReachesTheAccountManager() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Payer Ltd", "low-touch", "amy");
        ProcessInstance instance = instanceOf(open(customer.customerId(), null, "payment"));
        Task payment = driver.openTask(RESOLVE_PAYMENT_QUESTION, instance);
        assertThat(payment).hasCandidateGroup("support");

        driver.completeAs("sam", payment, withVariables("resolution", "The invoice was sent twice; ignore the second"));

        Task review = driver.openTask(REVIEW_PAYMENT_ISSUE, instance);
        assertThat(review).isAssignedTo("amy").hasName("Review payment issue of Payer Ltd");
        driver.completeAs("amy", review, withVariables("amPaymentNotes", "Credit note issued"));
        driver.runJob(instance.getId(), SEND_RESOLUTION_EMAIL);
        assertThat(instance).hasPassed("EndEvent_PaymentAnswered", "EndEvent_CaseClosed").isEnded();
    }

    @Test
    void paymentQuestionOfATrialLeadNeedsNoAccountManager() {
        String leadId = lead("Trial Payer");
        ProcessInstance instance = instanceOf(open(null, leadId, "payment"));

        driver.completeAs("sam", driver.openTask(RESOLVE_PAYMENT_QUESTION, instance), withVariables("resolution", "Trials are free"));

        assertThat(instance).hasNotPassed(REVIEW_PAYMENT_ISSUE).isWaitingAt(SEND_RESOLUTION_EMAIL);
    }

    @Test
    void setupAdviceIsFollowedUpByTheCsmTheAmOrTheSdr() {
        TestCustomers.TestCustomer withCsm = TestCustomers.active(signUps, customers, "Has CSM Ltd", "high-touch", "amy");
        customers.assignCsmIfNone(withCsm.customerId(), "chris", ClockUtil.getCurrentTime().toInstant());
        TestCustomers.TestCustomer techTouch = TestCustomers.active(signUps, customers, "Small Setup Ltd", "tech-touch", "amy");
        String leadId = lead("Trial Setup Inc");

        ProcessInstance csmCase = adviseSetup(open(withCsm.customerId(), null, "setup-advice"));
        ProcessInstance amCase = adviseSetup(open(techTouch.customerId(), null, "setup-advice"));
        ProcessInstance sdrCase = adviseSetup(open(null, leadId, "setup-advice"));

        assertThat(driver.openTask(FOLLOW_UP_SETUP_ADVICE, csmCase)).isAssignedTo("chris").hasName("Follow up setup advice with Has CSM Ltd");
        assertThat(driver.openTask(FOLLOW_UP_SETUP_ADVICE_AS_AM, amCase)).isAssignedTo("amy");
        assertThat(driver.openTask(FOLLOW_UP_SETUP_ADVICE_AS_SDR, sdrCase)).isAssignedTo("sara");
        driver.completeAs("chris", driver.openTask(FOLLOW_UP_SETUP_ADVICE, csmCase), withVariables("followUpNotes", "Working now"));
        driver.completeAs("amy", driver.openTask(FOLLOW_UP_SETUP_ADVICE_AS_AM, amCase), withVariables("followUpNotes", "Sent a video"));
        driver.completeAs("sara", driver.openTask(FOLLOW_UP_SETUP_ADVICE_AS_SDR, sdrCase), withVariables("followUpNotes", "Booked a demo"));
        assertThat(csmCase).isWaitingAt(SEND_RESOLUTION_EMAIL);
        assertThat(amCase).isWaitingAt(SEND_RESOLUTION_EMAIL);
        assertThat(sdrCase).isWaitingAt(SEND_RESOLUTION_EMAIL);
    }

    @Test
    void theProcessOwnerHandsTechTouchSetupAdviceToTheCsmInTheFollowUpTable() {
        TestCustomers.TestCustomer techTouch = TestCustomers.active(signUps, customers, "Small Advice Ltd", "tech-touch", "amy");
        try (DecisionChanges.Deployed toCsm = DecisionChanges.of("support-follow-up.dmn")
                .setCell("LiteralExpression_SetupAdviceTechTouch", "\"csm\"").deploy(repositoryService)) {
            ProcessInstance instance = adviseSetup(open(techTouch.customerId(), null, "setup-advice"));

            Task followUp = driver.openTask(FOLLOW_UP_SETUP_ADVICE, instance);
            assertThat(followUp).hasCandidateGroup("csm");
            assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(FOLLOW_UP_SETUP_ADVICE_AS_AM).count())
                    .isZero();
        }
    }

    @Test
    void aFollowUpNotDoneWithinTwoWorkingDaysIsEscalated() {
        TestCustomers.TestCustomer withCsm = TestCustomers.active(signUps, customers, "Late CSM Ltd", "high-touch", "amy");
        TestCustomers.TestCustomer techTouch = TestCustomers.active(signUps, customers, "Late AM Ltd", "tech-touch", "amy");
        Map<String, ProcessInstance> cases = Map.of(
                FOLLOW_UP_SETUP_ADVICE, adviseSetup(open(withCsm.customerId(), null, "setup-advice")),
                FOLLOW_UP_SETUP_ADVICE_AS_AM, adviseSetup(open(techTouch.customerId(), null, "setup-advice")),
                FOLLOW_UP_SETUP_ADVICE_AS_SDR, adviseSetup(open(null, lead("Late Lead Inc"), "setup-advice")));

        cases.forEach((followUp, instance) -> {
            driver.fireTimer(instance.getId(), "BoundaryEvent_" + followUp.substring("Task_".length()) + "Overdue",
                    Duration.ofDays(5));
            Task overdue = driver.openTask(followUp, instance);
            assertThat(overdue.getName()).as(followUp).endsWith("(overdue)");
            assertThat(overdue.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
            assertThat(instance).hasPassed("Task_EscalateOverdue" + followUp.substring("Task_".length()));
        });
    }

    @Test
    void otherCategoriesNeedNoFollowUp() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Just Asking Ltd", "high-touch", "amy");
        ProcessInstance instance = instanceOf(open(customer.customerId(), null, "question"));
        driver.completeAs("sam", driver.openTask(TRIAGE_SUPPORT_CASE, instance),
                withVariables("resolution", "It is in the handbook", "line1Outcome", "resolved"));

        assertThat(instance).hasPassed("Task_DecideWhoFollowsUp").isWaitingAt(SEND_RESOLUTION_EMAIL);
        assertThat(runtimeService.getVariable(instance.getId(), "followUpBy")).isEqualTo("none");
    }

    @Test
    void missedFirstResponseIsEscalatedAndTheAmOfAHighTouchCustomerInformed() {
        TestCustomers.TestCustomer highTouch = TestCustomers.active(signUps, customers, "Impatient AG", "high-touch", "amy");
        TestCustomers.TestCustomer lowTouch = TestCustomers.active(signUps, customers, "Patient Ltd", "low-touch", "amy");
        ProcessInstance urgent = instanceOf(open(highTouch.customerId(), null, "question"));
        ProcessInstance normal = instanceOf(open(lowTouch.customerId(), null, "question"));

        driver.fireTimer(urgent.getId(), "BoundaryEvent_FirstResponseOverdue", Duration.ofHours(4));
        driver.fireTimer(normal.getId(), "BoundaryEvent_FirstResponseOverdue", Duration.ofHours(4));

        Task triage = driver.openTask(TRIAGE_SUPPORT_CASE, urgent);
        assertThat(triage.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
        assertThat(triage.getName()).endsWith("(SLA missed)");
        assertThat(driver.openTask(REVIEW_MISSED_FIRST_RESPONSE, urgent)).isAssignedTo("amy");
        assertThat(normal).hasPassed("EndEvent_SupportLeadAlerted").isWaitingAt(TRIAGE_SUPPORT_CASE)
                .hasNotPassed(REVIEW_MISSED_FIRST_RESPONSE);
        driver.completeAs("amy", driver.openTask(REVIEW_MISSED_FIRST_RESPONSE, urgent), withVariables("missedResponseNotes", "Called"));
        assertThat(urgent).hasPassed("EndEvent_AmInformedOfMissedResponse").isWaitingAt(TRIAGE_SUPPORT_CASE);
        assertThat(supportCases.find(instanceVariable(urgent)).orElseThrow().firstResponseMissed()).isTrue();
    }

    @Test
    void sameHelpdeskReferenceReturnsTheSameCase() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Retry Ltd", "low-touch", "amy");
        String reference = "HD-" + UUID.randomUUID();
        SupportCases.CaseRequest request = new SupportCases.CaseRequest(null, customer.customerId(), "question", "email",
                "Case", "Help", reference);

        SupportCases.Opened first = supportCases.open(request);
        SupportCases.Opened again = supportCases.open(request);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.supportCase().caseId()).isEqualTo(first.supportCase().caseId());
        assertThat(supportCases.ofCustomer(customer.customerId())).hasSize(1);
    }

    private ProcessInstance adviseSetup(SupportCase opened) {
        ProcessInstance instance = instanceOf(opened);
        driver.completeAs("sam", driver.openTask(TRIAGE_SUPPORT_CASE, instance),
                withVariables("resolution", "Enable it under Settings > Integrations", "line1Outcome", "resolved"));
        return instance;
    }

    private String lead(String company) {
        String leadId = signUps.signUp(new TrialSignUp(company, "Tim Trial", UUID.randomUUID() + "@example.com", null, 5, 30))
                .lead().leadId();
        ProcessInstance qualification = runtimeService.createProcessInstanceQuery().processDefinitionKey("lead-qualification")
                .processInstanceBusinessKey(leadId).singleResult();
        driver.completeAs("sara", taskQuery().processInstanceId(qualification.getId()).singleResult(),
                withVariables("contactOutcome", "reached"));
        return leadId;
    }

    private SupportCase open(String customerId, String leadId, String category) {
        return supportCases.open(new SupportCases.CaseRequest(leadId, customerId, category, "email", "Case " + category,
                "Please help", null)).supportCase();
    }

    private ProcessInstance instanceOf(SupportCase supportCase) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(supportCase.processInstanceId()).singleResult();
    }

    private String instanceVariable(ProcessInstance instance) {
        return (String) runtimeService.getVariable(instance.getId(), "caseId");
    }
}
