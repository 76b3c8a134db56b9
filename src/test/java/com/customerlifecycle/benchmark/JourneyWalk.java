package com.customerlifecycle.benchmark;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.Lead;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.lead.TrialSignUp;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.onboarding.OnboardingProcess;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.sales.SalesProcess;
import com.customerlifecycle.testing.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * One complete journey through the engine's API, as the roles and the job executor would drive it: trial sign-up,
 * qualification, a won deal, onboarding of a high-touch customer, and one renewal cycle up to the extended contract
 * (after which the journey waits in customer success and the next renewal cycle).
 */
final class JourneyWalk {

    private final ProcessDriver driver;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TrialSignUpService signUps;
    private final CustomerRepository customers;

    JourneyWalk(ProcessEngine engine, TrialSignUpService signUps, CustomerRepository customers) {
        this.driver = new ProcessDriver(engine);
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.signUps = signUps;
        this.customers = customers;
    }

    void walk() {
        Lead lead = signUps.signUp(new TrialSignUp("Walk Ltd", "Jo Buyer", UUID.randomUUID() + "@example.com", null, 200,
                30)).lead();
        String journey = lead.processInstanceId();

        ProcessInstance qualification = called(journey, LeadProcess.KEY);
        complete("sara", qualification, Map.of("contactOutcome", "reached"));
        complete("sara", qualification, Map.of("qualified", true));

        ProcessInstance sale = called(journey, SalesProcess.KEY);
        complete("alex", sale, Map.of("needsSummary", "CRM", "complexNeeds", false, "involveCsm", false));
        complete("alex", sale, Map.of("recommendedPlan", "business"));
        complete("alex", sale, new HashMap<>(Map.of("plan", "business", "seats", 30, "termYears", 2,
                "annualValue", 75000.0, "implementationPurchased", false, "strategicAccount", false,
                "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", "owner@walk.example")));
        complete("alex", sale, Map.of("dealOutcome", "won"));
        driver.runJob(sale.getId(), SalesProcess.Tasks.CREATE_CUSTOMER_AND_CONTRACT);

        ProcessInstance onboarding = called(journey, OnboardingProcess.KEY);
        complete("amy", onboarding, Map.of("welcomeDone", true));
        driver.runJob(onboarding.getId(), OnboardingProcess.Tasks.SEND_SELF_ONBOARDING_KIT);

        ProcessInstance renewal = called(journey, RenewalProcess.KEY);
        String customerId = signUps.find(lead.leadId()).orElseThrow().opportunity().customerId();
        LocalDate contractEnd = customers.activeContract(customerId).endDate();
        try {
            driver.travelTo(renewal, contractEnd.minusDays(90));
            complete("rita", renewal, Map.of("introductionNotes", "Met the owner"));
            driver.travelTo(renewal, contractEnd.minusDays(60));
            complete("rita", renewal, Map.of("renewalOutcome", "renewed", "renewalTermYears", 1,
                    "renewalAnnualValue", 75000.0));
        } finally {
            ClockUtil.reset();
        }
        driver.runJob(renewal.getId(), RenewalProcess.Tasks.EXTEND_CONTRACT);
        if (!customers.activeContract(customerId).endDate().equals(contractEnd.plusYears(1))) {
            throw new IllegalStateException("The journey of " + lead.leadId() + " did not extend its contract");
        }
    }

    private ProcessInstance called(String journey, String processKey) {
        ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(journey)
                .processDefinitionKey(processKey).active().singleResult();
        if (called == null) {
            throw new IllegalStateException("Journey " + journey + " is not in " + processKey);
        }
        return called;
    }

    private void complete(String user, ProcessInstance instance, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        driver.completeAs(user, task, variables);
    }
}
