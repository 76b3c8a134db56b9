package com.customerlifecycle.sales;

import static com.customerlifecycle.sales.SalesProcess.Tasks.ASSESS_CUSTOM_SOLUTION;
import static com.customerlifecycle.sales.SalesProcess.Tasks.ASSESS_SUCCESS_CRITERIA;
import static com.customerlifecycle.sales.SalesProcess.Tasks.CREATE_CUSTOMER_AND_CONTRACT;
import static com.customerlifecycle.sales.SalesProcess.Tasks.DEMO_TO_DECISION_MAKERS;
import static com.customerlifecycle.sales.SalesProcess.Tasks.FOLLOW_UP_STALE_OPPORTUNITY;
import static com.customerlifecycle.sales.SalesProcess.Tasks.NEGOTIATE_AND_CLOSE;
import static com.customerlifecycle.sales.SalesProcess.Tasks.PREPARE_PROPOSAL;
import static com.customerlifecycle.sales.SalesProcess.Tasks.RUN_DISCOVERY_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.lead.Lead;
import com.customerlifecycle.lead.TestLeads;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
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

/** Every path of {@code sales-opportunity}, started for a qualified lead as the customer journey starts it. */
@ProcessTest
class SalesOpportunityProcessTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

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
    void wonDealWithoutAssessmentsCreatesCustomerAndContract() {
        ProcessInstance opportunity = startOpportunity("Acme Ltd");
        assertThat(task(opportunity)).hasCandidateGroup("ae").hasName("Run discovery call with Acme Ltd");

        driver.completeAs("alex", task(opportunity), discovery(false, false));
        assertThat(opportunity).hasPassed("Gateway_AssessmentsIn").hasNotPassed(ASSESS_CUSTOM_SOLUTION, ASSESS_SUCCESS_CRITERIA)
                .isWaitingAt(DEMO_TO_DECISION_MAKERS);
        driver.completeAs("alex", task(opportunity), withVariables("recommendedPlan", "business"));
        assertThat(task(opportunity)).hasName("Prepare proposal for Acme Ltd");
        driver.completeAs("alex", task(opportunity), proposal(25, 3, 48000.50, false, false));
        assertThat(task(opportunity)).hasDefinitionKey(NEGOTIATE_AND_CLOSE);
        driver.completeAs("alex", task(opportunity), withVariables("dealOutcome", "won"));

        assertThat(opportunity).isWaitingAt(CREATE_CUSTOMER_AND_CONTRACT);
        driver.runJob(opportunity.getId(), CREATE_CUSTOMER_AND_CONTRACT);

        assertThat(opportunity).hasPassed("EndEvent_DealWon").isEnded();
        String customerId = (String) historicVariable(opportunity, "customerId");
        Customer customer = customers.findById(customerId).orElseThrow();
        assertThat(customer.company()).isEqualTo("Acme Ltd");
        assertThat(customer.status()).isEqualTo(CustomerStatus.ONBOARDING);
        assertThat(customer.subscriptionOwner().email()).isEqualTo("owner@acme.example");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(customer.contracts()).singleElement().satisfies(contract -> {
            assertThat(contract.contractId()).isEqualTo(historicVariable(opportunity, "contractId"));
            assertThat(contract.plan()).isEqualTo("business");
            assertThat(contract.seats()).isEqualTo(25);
            assertThat(contract.termYears()).isEqualTo(3);
            assertThat(contract.annualValue()).isEqualByComparingTo("48000.50");
            assertThat(contract.startDate()).isEqualTo(today);
            assertThat(contract.endDate()).isEqualTo(today.plusYears(3));
            assertThat(contract.implementationPurchased()).isFalse();
        });
        Lead lead = signUps.find(customer.leadId()).orElseThrow();
        assertThat(lead.opportunity().outcome()).isEqualTo("won");
        assertThat(lead.opportunity().customerId()).isEqualTo(customerId);
        assertThat(lead.opportunity().closedBy()).isEqualTo("alex");
    }

    @Test
    void complexNeedsAreAssessedByConsultantAndCsmInParallel() {
        ProcessInstance opportunity = startOpportunity("Integrations GmbH");

        driver.completeAs("alex", task(opportunity), discovery(true, true));

        assertThat(opportunity).isWaitingAt(ASSESS_CUSTOM_SOLUTION, ASSESS_SUCCESS_CRITERIA);
        Task solution = driver.openTask(ASSESS_CUSTOM_SOLUTION, opportunity);
        Task criteria = driver.openTask(ASSESS_SUCCESS_CRITERIA, opportunity);
        assertThat(solution).hasCandidateGroup("deployment-consultant").hasName("Assess custom solution for Integrations GmbH");
        assertThat(criteria).hasCandidateGroup("csm").hasName("Assess success criteria for Integrations GmbH");
        driver.completeAs("dave", solution, withVariables("solutionFeasible", true, "solutionNotes", "CRM connector, 5 days"));
        assertThat(opportunity).isWaitingAt(ASSESS_SUCCESS_CRITERIA).isNotWaitingAt(DEMO_TO_DECISION_MAKERS);
        driver.completeAs("chris", criteria, withVariables("successCriteria", "Pipeline visible to the board in 60 days"));

        assertThat(opportunity).isWaitingAt(DEMO_TO_DECISION_MAKERS);
    }

    @Test
    void complexNeedsWithoutCsmGoToTheConsultantOnly() {
        ProcessInstance opportunity = startOpportunity("Solo Integrations");

        driver.completeAs("alex", task(opportunity), discovery(true, false));

        assertThat(opportunity).isWaitingAt(ASSESS_CUSTOM_SOLUTION).isNotWaitingAt(ASSESS_SUCCESS_CRITERIA);
        driver.completeAs("dave", task(opportunity), withVariables("solutionFeasible", false, "solutionNotes", "No API"));
        assertThat(opportunity).isWaitingAt(DEMO_TO_DECISION_MAKERS);
    }

    @Test
    void lostDealEndsWithReason() {
        ProcessInstance opportunity = startOpportunity("Maybe Later Inc");
        driveToNegotiation(opportunity);

        driver.completeAs("alex", task(opportunity), withVariables("dealOutcome", "lost", "lossReason", "competitor",
                "lossNotes", " Chose a cheaper CRM  "));

        assertThat(opportunity).hasPassed("Task_RecordLostDeal", "EndEvent_DealLost").isEnded();
        Lead lead = signUps.find((String) historicVariable(opportunity, "leadId")).orElseThrow();
        assertThat(lead.opportunity().outcome()).isEqualTo("lost");
        assertThat(lead.opportunity().lossReason()).isEqualTo("competitor");
        assertThat(lead.opportunity().customerId()).isNull();
    }

    @Test
    void opportunityWithoutDecisionFor30DaysRemindsTheAe() {
        ProcessInstance opportunity = startOpportunity("Slow Decisions Ltd");

        driver.fireTimer(opportunity.getId(), "BoundaryEvent_OpportunityStale", Duration.ofDays(30));

        assertThat(opportunity).isWaitingAt(RUN_DISCOVERY_CALL, FOLLOW_UP_STALE_OPPORTUNITY);
        Task reminder = driver.openTask(FOLLOW_UP_STALE_OPPORTUNITY, opportunity);
        assertThat(reminder).hasCandidateGroup("ae").hasName("Follow up stale opportunity Slow Decisions Ltd");
        driver.completeAs("alex", reminder, withVariables("followUpNotes", "Call the CFO on Monday"));
        assertThat(opportunity).hasPassed("EndEvent_AeReminded").isWaitingAt(RUN_DISCOVERY_CALL);
    }

    @Test
    void invalidProposalAndDecisionAreRefused() {
        ProcessInstance opportunity = startOpportunity("Sloppy Forms Ltd");
        driver.completeAs("alex", task(opportunity), discovery(false, false));
        driver.completeAs("alex", task(opportunity), withVariables("recommendedPlan", "starter"));
        Task proposal = task(opportunity);

        assertRefused(proposal, proposal(0, 1, 1000, false, false), "seats");
        assertRefused(proposal, proposal(5, 4, 1000, false, false), "termYears");
        assertRefused(proposal, proposal(5, 1, -1, false, false), "annualValue");
        Map<String, Object> badEmail = proposal(5, 1, 1000, false, false);
        badEmail.put("subscriptionOwnerEmail", "owner at acme");
        assertRefused(proposal, badEmail, "subscriptionOwnerEmail");
        Map<String, Object> badPlan = proposal(5, 1, 1000, false, false);
        badPlan.put("plan", "platinum");
        assertRefused(proposal, badPlan, "plan");
        assertThat(opportunity).isWaitingAt(PREPARE_PROPOSAL);

        driver.completeAs("alex", proposal, proposal(5, 1, 1000, false, false));
        Task decision = task(opportunity);
        assertRefused(decision, withVariables("dealOutcome", "lost"), "lossReason");
        assertRefused(decision, withVariables("dealOutcome", "postponed"), "dealOutcome");
        assertThat(opportunity).isWaitingAt(NEGOTIATE_AND_CLOSE);
    }

    @Test
    void creatingTheCustomerTwiceCreatesNothingNew() {
        String leadId = TestLeads.store(signUps, "Twice Ltd").leadId();
        var deal = new com.customerlifecycle.customer.WonDeal(leadId, "Twice Ltd", "Owner", "owner@twice.example", false,
                "starter", 3, 1, new BigDecimal("3000.00"), false);
        LocalDate today = LocalDate.now();

        CustomerRepository.CreatedCustomer first = customers.createFromWonDeal(deal, today, ClockUtil.getCurrentTime().toInstant());
        CustomerRepository.CreatedCustomer second = customers.createFromWonDeal(deal, today, ClockUtil.getCurrentTime().toInstant());

        assertThat(second).isEqualTo(first);
        assertThat(customers.findById(first.customerId()).orElseThrow().contracts()).hasSize(1);
    }

    private ProcessInstance startOpportunity(String company) {
        TestLeads.StoredLead lead = TestLeads.store(signUps, company);
        return runtimeService.startProcessInstanceByKey(SalesProcess.KEY, lead.leadId(), Map.of(
                "leadId", lead.leadId(), "company", company, "contactName", "Jo Buyer", "email", "jo@example.com"));
    }

    private void driveToNegotiation(ProcessInstance opportunity) {
        driver.completeAs("alex", task(opportunity), discovery(false, false));
        driver.completeAs("alex", task(opportunity), withVariables("recommendedPlan", "professional"));
        driver.completeAs("alex", task(opportunity), proposal(10, 1, 12000, true, false));
    }

    private void assertRefused(Task task, Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> driver.completeAs("alex", task, variables))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(field);
    }

    private static Map<String, Object> discovery(boolean complexNeeds, boolean involveCsm) {
        return withVariables("needsSummary", "Pipeline reporting for 20 sales reps", "complexNeeds", complexNeeds,
                "involveCsm", involveCsm);
    }

    private static Map<String, Object> proposal(int seats, int termYears, double annualValue, boolean implementation,
                                                boolean strategic) {
        return new HashMap<>(Map.of("plan", "business", "seats", seats, "termYears", termYears, "annualValue", annualValue,
                "implementationPurchased", implementation, "strategicAccount", strategic,
                "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", "owner@acme.example"));
    }


    private Object historicVariable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }
}
