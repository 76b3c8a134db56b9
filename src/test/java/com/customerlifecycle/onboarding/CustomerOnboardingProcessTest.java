package com.customerlifecycle.onboarding;

import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.AGREE_INITIAL_USAGE_PLAN;
import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.CUSTOMIZE_PRODUCT;
import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.RUN_PRODUCT_TRAINING;
import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.SEND_SELF_ONBOARDING_KIT;
import static com.customerlifecycle.onboarding.OnboardingProcess.Tasks.WELCOME_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.Customer;
import com.customerlifecycle.customer.CustomerMail;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.customer.WonDeal;
import com.customerlifecycle.engine.TaskEscalation;
import com.customerlifecycle.lead.TestLeads;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.ProcessTest;
import com.customerlifecycle.testing.TestMailbox;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code customer-onboarding}, started for a won deal as the customer journey starts it. */
@ProcessTest
class CustomerOnboardingProcessTest {

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
    @Autowired
    CustomerMail customerMail;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(processEngine);
        driver = new ProcessDriver(processEngine);
    }

    @Test
    void implementationIsRunByTheDeploymentConsultant() {
        Onboarding onboarding = startOnboarding("Big Brand AG", 60000, false, true);
        ProcessInstance instance = onboarding.instance();

        assertThat(instance).hasPassed("Task_DecideTouchTier", "Task_RecordTouchTier").isWaitingAt(WELCOME_CUSTOMER);
        assertThat(customer(onboarding).touchTier()).isEqualTo("high-touch");
        Task welcome = task(instance);
        assertThat(welcome).hasCandidateGroup("am").hasName("Welcome Big Brand AG as their account manager");
        driver.completeAs("amy", welcome, withVariables("welcomeDone", true));
        assertThat(customer(onboarding).accountManager()).isEqualTo("amy");

        assertThat(instance).isWaitingAt(RUN_PRODUCT_TRAINING, CUSTOMIZE_PRODUCT);
        assertThat(driver.openTask(RUN_PRODUCT_TRAINING, instance)).hasCandidateGroup("deployment-consultant");
        driver.completeAs("dave", driver.openTask(CUSTOMIZE_PRODUCT, instance), withVariables("customizationNotes", "CRM sync"));
        assertThat(instance).isWaitingAt(RUN_PRODUCT_TRAINING).isNotWaitingAt(AGREE_INITIAL_USAGE_PLAN);
        driver.completeAs("dave", driver.openTask(RUN_PRODUCT_TRAINING, instance), withVariables("trainingNotes", "12 admins"));
        assertThat(task(instance)).hasDefinitionKey(AGREE_INITIAL_USAGE_PLAN).hasName("Agree initial usage plan with Big Brand AG");
        driver.completeAs("dave", task(instance), withVariables("usagePlan", "All sales reps weekly by March"));

        assertThat(instance).hasPassed("Task_ActivateCustomer", "EndEvent_CustomerOnboarded").hasNotPassed(SEND_SELF_ONBOARDING_KIT)
                .isEnded();
        assertThat(customer(onboarding).status()).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void withoutImplementationTheOwnerGetsTheSelfOnboardingKitOnce() {
        Onboarding onboarding = startOnboarding("Small Shop", 4000, false, false);
        ProcessInstance instance = onboarding.instance();
        assertThat(customer(onboarding).touchTier()).isEqualTo("tech-touch");
        driver.completeAs("pat", task(instance), withVariables("welcomeDone", true));

        assertThat(instance).isWaitingAt(SEND_SELF_ONBOARDING_KIT);
        driver.runJob(instance.getId(), SEND_SELF_ONBOARDING_KIT);

        assertThat(instance).hasPassed("EndEvent_CustomerOnboarded").isEnded();
        assertThat(customer(onboarding).status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(customer(onboarding).accountManager()).isEqualTo("pat");
        assertThat(TestMailbox.subjectsTo(onboarding.ownerEmail())).containsExactly("Your self-onboarding kit for Small Shop");

        boolean sentAgain = customerMail.sendOnce(onboarding.customerId(), OnboardingProcess.SELF_ONBOARDING_KIT_MAIL,
                new CustomerMail.Mail(onboarding.ownerEmail(), "again", "again"), ClockUtil.getCurrentTime().toInstant());
        assertThat(sentAgain).as("a retried job sends nothing more").isFalse();
        assertThat(TestMailbox.subjectsTo(onboarding.ownerEmail())).hasSize(1);
    }

    @Test
    void aWelcomeNotDoneWithinTwoWorkingDaysIsEscalatedAndStaysOpen() {
        ZonedDateTime friday = ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        ClockUtil.setCurrentTime(Date.from(friday.toInstant()));
        try {
            ProcessInstance instance = startOnboarding("Waiting Welcome Ltd", 20000, false, false).instance();
            assertThat(task(instance).getDueDate()).as("two working days: Tuesday")
                    .isEqualTo(Date.from(friday.plusDays(4).toInstant()));

            driver.fireTimer(instance.getId(), "BoundaryEvent_WelcomeCustomerOverdue", Duration.ofDays(4));

            Task overdue = task(instance);
            assertThat(overdue.getName()).isEqualTo("Welcome Waiting Welcome Ltd as their account manager (overdue)");
            assertThat(overdue.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
            assertThat(instance).hasPassed("Task_EscalateOverdueWelcomeCustomer").isWaitingAt(WELCOME_CUSTOMER);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void midSizeCustomerIsLowTouch() {
        Onboarding onboarding = startOnboarding("Mid Corp", 10000, false, false);

        assertThat(customer(onboarding).touchTier()).isEqualTo("low-touch");
    }

    @Test
    void welcomeMustHaveHappenedAndUsagePlanMustBeWritten() {
        Onboarding onboarding = startOnboarding("Hasty Ltd", 20000, true, true);
        ProcessInstance instance = onboarding.instance();
        assertThat(customer(onboarding).touchTier()).isEqualTo("high-touch");

        assertThatThrownBy(() -> driver.completeAs("amy", task(instance), withVariables("welcomeDone", false)))
                .isInstanceOf(FormFieldValidationException.class);
        driver.completeAs("amy", task(instance), withVariables("welcomeDone", true));
        driver.completeAs("dave", driver.openTask(RUN_PRODUCT_TRAINING, instance), withVariables("trainingNotes", "done"));
        driver.completeAs("dave", driver.openTask(CUSTOMIZE_PRODUCT, instance), withVariables("customizationNotes", "done"));
        assertThatThrownBy(() -> driver.completeAs("dave", task(instance), withVariables("usagePlan", " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("usagePlan");
        assertThat(instance).isWaitingAt(AGREE_INITIAL_USAGE_PLAN);
    }

    record Onboarding(ProcessInstance instance, String customerId, String ownerEmail) {
    }

    private Onboarding startOnboarding(String company, double annualValue, boolean strategic, boolean implementation) {
        String leadId = TestLeads.store(signUps, company).leadId();
        String ownerEmail = "owner-" + UUID.randomUUID() + "@example.com";
        String customerId = customers.createFromWonDeal(new WonDeal(leadId, company, "Olga Owner", ownerEmail, strategic,
                        "business", 20, 1, BigDecimal.valueOf(annualValue), implementation), LocalDate.now(),
                ClockUtil.getCurrentTime().toInstant()).customerId();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY, leadId, Map.of(
                "customerId", customerId, "company", company, "annualValue", annualValue, "seats", 20,
                "strategicAccount", strategic, "implementationPurchased", implementation,
                "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", ownerEmail));
        return new Onboarding(instance, customerId, ownerEmail);
    }

    private Customer customer(Onboarding onboarding) {
        return customers.findById(onboarding.customerId()).orElseThrow();
    }
}
