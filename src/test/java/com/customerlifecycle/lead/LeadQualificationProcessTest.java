package com.customerlifecycle.lead;

import static com.customerlifecycle.lead.LeadProcess.Tasks.CONTACT_TRIAL_USER;
import static com.customerlifecycle.lead.LeadProcess.Tasks.QUALIFY_LEAD;
import static com.customerlifecycle.lead.LeadProcess.Vars.CONTACT_NOTES;
import static com.customerlifecycle.lead.LeadProcess.Vars.CONTACT_OUTCOME;
import static com.customerlifecycle.lead.LeadProcess.Vars.DISQUALIFICATION_REASON;
import static com.customerlifecycle.lead.LeadProcess.Vars.QUALIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.customerlifecycle.engine.TaskEscalation;
import com.customerlifecycle.testing.DecisionChanges;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code lead-qualification}, started for a stored lead as the customer journey starts it. */
@ProcessTest
class LeadQualificationProcessTest {

    /** A Tuesday morning in the business time zone, so that one working day later is Wednesday. */
    private static final ZonedDateTime TUESDAY = ZonedDateTime.of(2026, 11, 24, 9, 30, 0, 0, ZoneId.of("Europe/Berlin"));

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;

    private final Map<String, ProcessInstance> leadInstances = new HashMap<>();

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
        ClockUtil.setCurrentTime(Date.from(TUESDAY.toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void qualifiedLeadBecomesOpportunity() {
        Lead lead = signUp("Acme Ltd");
        ProcessInstance instance = journeyOf(lead);

        assertThat(instance).isWaitingAt(CONTACT_TRIAL_USER);
        Task contact = task(instance);
        assertThat(contact).hasCandidateGroup("sdr").hasName("Contact Acme Ltd")
                .hasDueDate(Date.from(TUESDAY.plusDays(1).toInstant()));
        driver.completeAs("sara", contact, withVariables(CONTACT_OUTCOME, "reached", CONTACT_NOTES, "Wants a demo next week"));

        assertThat(instance).isWaitingAt(QUALIFY_LEAD);
        assertThat(task(instance)).hasCandidateGroup("sdr").hasName("Qualify Acme Ltd");
        driver.completeAs("sara", task(instance), withVariables(QUALIFIED, true));

        assertThat(instance).hasPassed("Task_RecordQualificationDecision", "EndEvent_OpportunityCreated").isEnded();
        Lead opportunity = signUps.find(lead.leadId()).orElseThrow();
        assertThat(opportunity.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(opportunity.qualifiedBy()).isEqualTo("sara");
        assertThat(opportunity.contactAttempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("reached");
            assertThat(attempt.contactedBy()).isEqualTo("sara");
            assertThat(attempt.notes()).isEqualTo("Wants a demo next week");
        });
    }

    @Test
    void disqualifiedLeadEndsWithReason() {
        Lead lead = signUp("Tiny Shop");
        ProcessInstance instance = journeyOf(lead);
        driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "reached"));

        driver.completeAs("sara", task(instance), withVariables(QUALIFIED, false, DISQUALIFICATION_REASON, "Student project, no budget"));

        assertThat(instance).hasPassed("Task_RecordQualificationDecision", "EndEvent_LeadDisqualified").isEnded();
        Lead disqualified = signUps.find(lead.leadId()).orElseThrow();
        assertThat(disqualified.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(disqualified.statusReason()).isEqualTo("Student project, no budget");
    }

    @Test
    void threeUnansweredCallsEndAsUnresponsive() {
        Lead lead = signUp("Silent Corp");
        ProcessInstance instance = journeyOf(lead);

        driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "no-answer"));
        assertThat(instance).isWaitingAt("Timer_RetryContact");
        assertThat(signUps.find(lead.leadId()).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTING);
        driver.fireTimer(instance.getId(), "Timer_RetryContact", Duration.ofDays(2));

        assertThat(instance).isWaitingAt(CONTACT_TRIAL_USER);
        driver.completeAs("admin", task(instance), withVariables(CONTACT_OUTCOME, "no-answer"));
        driver.fireTimer(instance.getId(), "Timer_RetryContact", Duration.ofDays(2));
        driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "no-answer"));

        assertThat(instance).hasPassed("Task_MarkLeadUnresponsive", "EndEvent_LeadUnresponsive").isEnded();
        Lead unresponsive = signUps.find(lead.leadId()).orElseThrow();
        assertThat(unresponsive.status()).isEqualTo(LeadStatus.UNRESPONSIVE);
        assertThat(unresponsive.contactAttempts()).extracting(Lead.ContactAttempt::contactedBy)
                .containsExactly("sara", "admin", "sara");
    }

    @Test
    void theProcessOwnerAllowsTwoAttemptsADayApartInTheContactPolicyTable() {
        try (DecisionChanges.Deployed twoAttempts = DecisionChanges.of("lead-contact-policy.dmn")
                .setCell("LiteralExpression_EveryLeadAttempts", "2")
                .setCell("LiteralExpression_EveryLeadRetryInterval", "\"P1D\"").deploy(repositoryService)) {
            Lead lead = signUp("Two Calls Ltd");
            ProcessInstance instance = journeyOf(lead);

            driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "no-answer"));
            driver.fireTimer(instance.getId(), "Timer_RetryContact", Duration.ofDays(1));
            driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "no-answer"));

            assertThat(instance).hasPassed("Task_MarkLeadUnresponsive").isEnded();
            assertThat(signUps.find(lead.leadId()).orElseThrow().contactAttempts()).hasSize(2);
        }
    }

    @Test
    void retriedContactGetsItsOwnDeadline() {
        ProcessInstance instance = journeyOf(signUp("Retry Ltd"));
        driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "no-answer"));

        driver.fireTimer(instance.getId(), "Timer_RetryContact", Duration.ofDays(2));

        // Thursday 09:30 + one working day = Friday 09:30
        assertThat(task(instance)).hasDueDate(Date.from(TUESDAY.plusDays(3).toInstant()));
    }

    @Test
    void trialEndingBeforeQualificationEndsLeadAsExpired() {
        Lead lead = signUp("Slow Movers");
        ProcessInstance instance = journeyOf(lead);
        driver.completeAs("sara", task(instance), withVariables(CONTACT_OUTCOME, "reached"));
        assertThat(instance).isWaitingAt(QUALIFY_LEAD);

        driver.fireTimer(instance.getId(), "StartEvent_TrialEnded", Duration.ofDays(14));

        assertThat(instance).hasPassed("Task_MarkLeadExpired", "EndEvent_LeadExpired").isEnded();
        assertThat(signUps.find(lead.leadId()).orElseThrow().status()).isEqualTo(LeadStatus.EXPIRED);
        TrialSignUpService.SignUpResult again = signUps.signUp(trialFor("Slow Movers", lead.email()));
        assertThat(again.created()).as("the e-mail may start a new trial once the old one ended").isTrue();
        assertThat(again.lead().leadId()).isNotEqualTo(lead.leadId());
    }

    @Test
    void overdueContactIsEscalatedAndStaysOpen() {
        Lead lead = signUp("Waiting GmbH");
        ProcessInstance instance = journeyOf(lead);

        driver.fireTimer(instance.getId(), "BoundaryEvent_ContactOverdue", Duration.ofDays(1));

        assertThat(instance).hasPassed("Task_EscalateOverdueContact", "EndEvent_ContactEscalated")
                .isWaitingAt(CONTACT_TRIAL_USER);
        Task contact = task(instance);
        assertThat(contact.getName()).isEqualTo("Contact Waiting GmbH (overdue)");
        assertThat(contact.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }

    @Test
    void incompleteDecisionsAreRefusedAndChangeNothing() {
        Lead lead = signUp("Careless Inc");
        ProcessInstance instance = journeyOf(lead);
        Task contact = task(instance);

        assertThatThrownBy(() -> taskService.complete(contact.getId(), withVariables(CONTACT_OUTCOME, "maybe")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(CONTACT_OUTCOME);
        assertThat(instance).isWaitingAt(CONTACT_TRIAL_USER);
        assertThat(signUps.find(lead.leadId()).orElseThrow().contactAttempts()).isEmpty();

        complete(contact, withVariables(CONTACT_OUTCOME, "reached"));
        Task qualify = task(instance);
        assertThatThrownBy(() -> taskService.complete(qualify.getId(), withVariables(QUALIFIED, false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(DISQUALIFICATION_REASON);
        assertThatThrownBy(() -> taskService.complete(qualify.getId(), withVariables(QUALIFIED, "yes")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(QUALIFIED);
        assertThat(instance).isWaitingAt(QUALIFY_LEAD);
        assertThat(signUps.find(lead.leadId()).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTING);
    }

    /** A stored lead with its {@code lead-qualification} running on its own, as the journey calls it. */
    private Lead signUp(String company) {
        TestLeads.StoredLead stored = TestLeads.store(signUps, company);
        stored.variables().put(LeadProcess.Vars.CONTACT_ATTEMPTS, 0);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(LeadProcess.KEY, stored.leadId(),
                stored.variables());
        leadInstances.put(stored.leadId(), instance);
        return signUps.find(stored.leadId()).orElseThrow();
    }

    private static TrialSignUp trialFor(String company, String email) {
        return new TrialSignUp(company, "Jo Buyer", email, "+49 30 1234567", 40, null);
    }

    private ProcessInstance journeyOf(Lead lead) {
        return leadInstances.get(lead.leadId());
    }
}
