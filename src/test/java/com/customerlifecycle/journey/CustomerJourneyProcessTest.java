package com.customerlifecycle.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.lead.Lead;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.lead.LeadStatus;
import com.customerlifecycle.lead.TrialSignUp;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.onboarding.OnboardingProcess;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.sales.SalesProcess;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The journey map: trial sign-up, lead qualification, sales, onboarding, then care and renewal cycles until churn. */
@ProcessTest
class CustomerJourneyProcessTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
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

    @Test
    void qualifiedLeadBecomesACustomerThatRenewsAndLaterChurns() {
        Lead lead = signUp("Journey Ltd");
        ProcessInstance journey = journeyOf(lead);
        assertThat(journey).isWaitingAt(JourneyProcess.Activities.QUALIFY_LEAD);

        ProcessInstance qualification = calledProcessInstance(LeadProcess.KEY, journey);
        assertThat(qualification.getBusinessKey()).isEqualTo(lead.leadId());
        driver.completeAs("sara", task(qualification), withVariables("contactOutcome", "reached"));
        driver.completeAs("sara", task(qualification), withVariables("qualified", true));

        assertThat(journey).isWaitingAt(JourneyProcess.Activities.SELL_SUBSCRIPTION);
        ProcessInstance sale = calledProcessInstance(SalesProcess.KEY, journey);
        assertThat(sale.getBusinessKey()).isEqualTo(lead.leadId());
        assertThat(task(sale)).hasName("Run discovery call with Journey Ltd");
        driver.completeAs("alex", task(sale), withVariables("needsSummary", "CRM", "complexNeeds", false, "involveCsm", false));
        driver.completeAs("alex", task(sale), withVariables("recommendedPlan", "business"));
        driver.completeAs("alex", task(sale), proposal(75000));
        driver.completeAs("alex", task(sale), withVariables("dealOutcome", "won"));
        driver.runJob(sale.getId(), SalesProcess.Tasks.CREATE_CUSTOMER_AND_CONTRACT);

        assertThat(journey).isWaitingAt(JourneyProcess.Activities.ONBOARD_CUSTOMER);
        ProcessInstance onboarding = calledProcessInstance(OnboardingProcess.KEY, journey);
        assertThat(task(onboarding)).hasName("Welcome Journey Ltd as their account manager");
        driver.completeAs("amy", task(onboarding), withVariables("welcomeDone", true));
        driver.runJob(onboarding.getId(), OnboardingProcess.Tasks.SEND_SELF_ONBOARDING_KIT);

        assertThat(journey).isWaitingAt(JourneyProcess.Activities.LOOK_AFTER_CUSTOMER, JourneyProcess.Activities.RENEW_SUBSCRIPTION)
                .variables().containsEntry("touchTier", "high-touch").containsEntry("accountManager", "amy");
        ProcessInstance success = calledProcessInstance(SuccessProcess.KEY, journey);
        assertThat(task(success)).hasName("Define success plan with Journey Ltd").hasCandidateGroup("csm");
        String customerId = signUps.find(lead.leadId()).orElseThrow().opportunity().customerId();
        Customer customer = customers.findById(customerId).orElseThrow();
        assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(customer.touchTier()).isEqualTo("high-touch");
        assertThat(customer.accountManager()).isEqualTo("amy");
        assertThat(customer.contracts()).singleElement().extracting(Customer.Contract::seats).isEqualTo(30);

        ProcessInstance firstRenewal = calledProcessInstance(RenewalProcess.KEY, journey);
        LocalDate firstEnd = customers.activeContract(customerId).endDate();
        renew(firstRenewal, firstEnd, withVariables("renewalOutcome", "renewed", "renewalTermYears", 1,
                "renewalAnnualValue", 75000.0));
        driver.runJob(firstRenewal.getId(), RenewalProcess.Tasks.EXTEND_CONTRACT);
        assertThat(customers.activeContract(customerId).endDate()).isEqualTo(firstEnd.plusYears(1));

        ProcessInstance secondRenewal = runtimeService.createProcessInstanceQuery().processDefinitionKey(RenewalProcess.KEY)
                .processInstanceBusinessKey(lead.leadId()).active().singleResult();
        assertThat(secondRenewal.getId()).as("the journey starts the next cycle").isNotEqualTo(firstRenewal.getId());
        renew(secondRenewal, firstEnd.plusYears(1), withVariables("renewalOutcome", "churned", "churnReason", "company-closed"));
        driver.completeAs("amy", task(secondRenewal), withVariables("exitInterviewNotes", "Acquired by a competitor"));

        assertThat(success).hasPassed("EndEvent_CareStopped").isEnded();
        assertThat(journey).hasPassed("EndEvent_CustomerChurned", "EndEvent_CustomerLeft").isEnded();
        assertThat(customers.findById(customerId).orElseThrow().status()).isEqualTo(CustomerStatus.CHURNED);
    }

    @Test
    void leadThatDoesNotQualifyEndsTheJourneyWithItsReason() {
        Lead lead = signUp("Not A Fit Ltd");
        ProcessInstance journey = journeyOf(lead);
        ProcessInstance qualification = calledProcessInstance(LeadProcess.KEY, journey);

        driver.completeAs("sara", task(qualification), withVariables("contactOutcome", "reached"));
        driver.completeAs("sara", task(qualification), withVariables("qualified", false, "disqualificationReason", "Hobby user"));

        assertThat(journey).hasPassed("EndEvent_LeadNotQualified").isEnded()
                .variables().containsEntry("leadOutcome", "disqualified").containsEntry("disqualificationReason", "Hobby user");
        assertThat(signUps.find(lead.leadId()).orElseThrow().status()).isEqualTo(LeadStatus.DISQUALIFIED);
    }

    @Test
    void lostDealEndsTheJourneyWithItsReason() {
        Lead lead = signUp("Tough Crowd Inc");
        ProcessInstance journey = journeyOf(lead);
        ProcessInstance qualification = calledProcessInstance(LeadProcess.KEY, journey);
        driver.completeAs("sara", task(qualification), withVariables("contactOutcome", "reached"));
        driver.completeAs("sara", task(qualification), withVariables("qualified", true));
        ProcessInstance sale = calledProcessInstance(SalesProcess.KEY, journey);
        driver.completeAs("alex", task(sale), withVariables("needsSummary", "CRM", "complexNeeds", false, "involveCsm", false));
        driver.completeAs("alex", task(sale), withVariables("recommendedPlan", "starter"));
        driver.completeAs("alex", task(sale), proposal(5000));

        driver.completeAs("alex", task(sale), withVariables("dealOutcome", "lost", "lossReason", "no-budget"));

        assertThat(journey).hasPassed("EndEvent_DealLost").isEnded()
                .variables().containsEntry("dealOutcome", "lost").containsEntry("lossReason", "no-budget");
    }

    /** Time travel through one renewal cycle up to the renewal manager's decision. */
    private void renew(ProcessInstance renewal, LocalDate contractEnd, Map<String, Object> decision) {
        try {
            driver.travelTo(renewal, contractEnd.minusDays(90));
            driver.completeAs("rita", task(renewal), withVariables("introductionNotes", "Met the owner"));
            driver.travelTo(renewal, contractEnd.minusDays(60));
            driver.completeAs("rita", task(renewal), decision);
        } finally {
            ClockUtil.reset();
        }
    }

    private Lead signUp(String company) {
        return signUps.signUp(new TrialSignUp(company, "Jo Buyer", UUID.randomUUID() + "@example.com", null, 200, 30))
                .lead();
    }

    private ProcessInstance journeyOf(Lead lead) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(lead.processInstanceId()).singleResult();
    }

    private static Map<String, Object> proposal(double annualValue) {
        return new HashMap<>(Map.of("plan", "business", "seats", 30, "termYears", 2, "annualValue", annualValue,
                "implementationPurchased", false, "strategicAccount", false,
                "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", "owner@journey.example"));
    }
}
