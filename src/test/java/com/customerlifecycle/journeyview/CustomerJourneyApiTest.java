package com.customerlifecycle.journeyview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The journey of a lead and of customers at their stages, as staff and process owners read it over the API. */
@DemoApplicationTest
class CustomerJourneyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(processEngine);
    }

    @Test
    void aNewLeadShowsItsContactTaskItsDeadlinesAndTheSignUp() {
        String leadId = Http.as("website", port).postJson("/api/trials", """
                {"company": "Journey Lead Ltd", "contactName": "Lea Lead", "email": "%s@journey.example"}"""
                .formatted(UUID.randomUUID())).json().get("leadId").asText();
        Task contact = taskService.createTaskQuery().processInstanceBusinessKey(leadId).singleResult();
        driver.completeAs("sara", contact, Map.of(LeadProcess.Vars.CONTACT_OUTCOME, "no-answer"));

        JsonNode journey = Http.as("sara", port).get("/api/leads/" + leadId + "/journey").json();

        assertThat(journey.get("leadId").asText()).isEqualTo(leadId);
        assertThat(journey.get("customerId").isNull()).isTrue();
        assertThat(journey.get("company").asText()).isEqualTo("Journey Lead Ltd");
        assertThat(journey.get("stage").asText()).isEqualTo("lead");
        assertThat(journey.get("owners").get("sdr").asText()).isEqualTo("sara");
        assertThat(journey.get("contract").isNull()).isTrue();
        assertThat(upcomingDueDates(journey)).as("the dates the journey's timers hold").isEqualTo(timerDueDates(leadId));
        assertThat(journey.get("upcoming").findValuesAsText("what")).as("the diagram's names of the timers")
                .containsExactlyInAnyOrder("Trial ends", "Next contact attempt");
        assertThat(journey.get("timeline").findValuesAsText("what"))
                .contains("Trial sign-up by Lea Lead", "Contact attempt 1: no-answer");
        assertThat(whoDid(journey, "Contact attempt 1: no-answer")).isEqualTo("sara");
        assertThat(journey.get("map").get("processDefinitionId").asText()).startsWith("customer-journey:");
        assertThat(journey.get("map").get("activityIds").toString()).isEqualTo("[\"CallActivity_QualifyLead\"]");
        assertThat(Instant.parse(journey.get("timeline").get(0).get("at").asText()))
                .as("newest first").isAfterOrEqualTo(Instant.parse(last(journey.get("timeline")).get("at").asText()));
    }

    @Test
    void aQualifiedLeadIsInSalesAndADisqualifiedOneIsLost() {
        String qualified = signUpAndQualify("Journey Sales Ltd", true);
        String disqualified = signUpAndQualify("Journey Lost Ltd", false);

        JsonNode sales = Http.as("alex", port).get("/api/leads/" + qualified + "/journey").json();
        assertThat(sales.get("stage").asText()).isEqualTo("sales");
        assertThat(sales.get("owners").get("sdr").asText()).isEqualTo("sara");
        assertThat(sales.get("openTasks").findValues("candidateGroups").toString()).contains("ae");
        assertThat(sales.get("timeline").findValuesAsText("who")).contains("sara");
        JsonNode lost = Http.as("sara", port).get("/api/leads/" + disqualified + "/journey").json();
        assertThat(lost.get("stage").asText()).isEqualTo("lost");
        assertThat(lost.get("openTasks")).isEmpty();
        assertThat(lost.get("upcoming")).isEmpty();
    }

    private String signUpAndQualify(String company, boolean qualified) {
        String leadId = Http.as("website", port).postJson("/api/trials", """
                {"company": "%s", "contactName": "Quinn Q", "email": "%s@journey.example"}"""
                .formatted(company, UUID.randomUUID())).json().get("leadId").asText();
        driver.completeAs("sara", taskService.createTaskQuery().processInstanceBusinessKey(leadId).singleResult(),
                Map.of(LeadProcess.Vars.CONTACT_OUTCOME, "reached"));
        Map<String, Object> decision = new HashMap<>(Map.of(LeadProcess.Vars.QUALIFIED, qualified));
        if (!qualified) {
            decision.put(LeadProcess.Vars.DISQUALIFICATION_REASON, "No budget this year");
        }
        driver.completeAs("sara", taskService.createTaskQuery().processInstanceBusinessKey(leadId).singleResult(), decision);
        return leadId;
    }

    @Test
    void anActiveCustomerShowsOwnersContractHealthCheckInsAndAnOpenSupportCase() {
        ProcessInstance care = TestCustomers.inCustomerSuccess(signUps, customers, runtimeService, "Journey Active GmbH",
                "low-touch");
        String careLead = runtimeService.createProcessInstanceQuery().processInstanceId(care.getId()).singleResult()
                .getBusinessKey();
        String careCustomer = (String) runtimeService.getVariable(care.getId(), "customerId");
        driver.fireTimer(care.getId(), "Timer_CheckInDue", Duration.ofDays(91));
        Task checkIn = taskService.createTaskQuery().processInstanceId(care.getId())
                .taskDefinitionKey(SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN).singleResult();
        Map<String, Object> checkInInput = new HashMap<>(Map.of("healthScore", 60, "checkInNotes", "Quarterly call",
                "hoursUsed", 1.5, "expansionOpportunity", false));
        driver.completeAs("chris", checkIn, checkInInput);
        Http.Response opened = Http.as("website", port).postJson("/api/support-cases", """
                {"customerId": "%s", "category": "question", "channel": "email", "subject": "Where is the export?",
                 "description": "Cannot find it", "externalRef": "JOURNEY-%s"}""".formatted(careCustomer, UUID.randomUUID()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        JsonNode journey = Http.as("chris", port).get("/api/customers/" + careCustomer + "/journey").json();

        assertThat(journey.get("leadId").asText()).isEqualTo(careLead);
        assertThat(journey.get("stage").asText()).isEqualTo("customer");
        assertThat(journey.get("status").asText()).isEqualTo("active");
        assertThat(journey.get("touchTier").asText()).isEqualTo("low-touch");
        assertThat(journey.get("owners").get("accountManager").asText()).isEqualTo("amy");
        assertThat(journey.get("owners").get("csm").asText()).isEqualTo("chris");
        assertThat(journey.get("contract").get("version").asInt()).isEqualTo(1);
        assertThat(journey.get("contract").get("endDate").asText()).isEqualTo("2027-11-01");
        assertThat(journey.get("health").get("score").asInt()).isEqualTo(60);
        assertThat(journey.get("health").get("band").asText()).isEqualTo("yellow");
        assertThat(journey.get("health").get("at").isNull()).isFalse();
        assertThat(journey.get("supportCases").findValuesAsText("subject")).containsExactly("Where is the export?");
        assertThat(journey.get("supportCases").get(0).get("status").asText()).isEqualTo("open");
        assertThat(journey.get("openTasks").findValuesAsText("taskDefinitionKey")).contains("Task_TriageSupportCase");
        assertThat(journey.get("openTasks").findValues("candidateGroups").toString()).contains("support");
        assertThat(upcomingDueDates(journey)).isEqualTo(timerDueDates(careLead));
        assertThat(journey.get("upcoming").findValuesAsText("activityId")).contains("Timer_CheckInDue");
        assertThat(journey.get("upcoming").findValuesAsText("what")).contains("Next check-in");
        assertThat(whoDid(journey, "Check-in: health 60 (yellow)")).isEqualTo("chris");
        assertThat(journey.get("timeline").findValuesAsText("what")).contains("Support case opened: Where is the export?")
                .anyMatch(what -> what.startsWith("Contract version 1: business, 20 seats"));
    }

    @Test
    void stagesFollowTheCustomerFromOnboardingThroughTheRenewalWindowAndTheRenewalToChurn() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Journey Stages AG", "high-touch",
                "amy", LocalDate.now().minusYears(1).plusDays(30));
        String path = "/api/customers/" + customer.customerId() + "/journey";
        Http amy = Http.as("amy", port);
        assertThat(amy.get(path).json().get("stage").asText()).isEqualTo("customer");

        customers.changeStatus(customer.customerId(), CustomerStatus.ONBOARDING, Instant.now());
        assertThat(amy.get(path).json().get("stage").asText()).isEqualTo("onboarding");
        customers.changeStatus(customer.customerId(), CustomerStatus.ACTIVE, Instant.now());

        ProcessInstance renewal = TestCustomers.inRenewal(runtimeService, customer);
        driver.runJob(renewal.getId(), RenewalProcess.Timers.RENEWAL_WINDOW_OPENS);
        Task introduce = taskService.createTaskQuery().processInstanceId(renewal.getId())
                .taskDefinitionKey(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER).singleResult();
        assertThat(introduce).as("the contract ends in 30 days: the window opened at once").isNotNull();
        driver.as("rita", () -> taskService.claim(introduce.getId(), "rita"));
        JsonNode inWindow = amy.get(path).json();
        assertThat(inWindow.get("stage").asText()).isEqualTo("renewal-window");
        assertThat(inWindow.get("owners").get("renewalManager").asText()).isEqualTo("rita");
        assertThat(inWindow.get("upcoming").findValuesAsText("what")).contains("Contract end date");

        driver.completeAs("rita", introduce, Map.of("introductionNotes", "Met the owner"));
        driver.runJob(renewal.getId(), RenewalProcess.Timers.PRICE_NEGOTIATION_OPENS);
        driver.completeAs("rita", taskService.createTaskQuery().processInstanceId(renewal.getId())
                .taskDefinitionKey(RenewalProcess.Tasks.NEGOTIATE_RENEWAL).singleResult(), Map.of(
                "renewalOutcome", "renewed", "renewalTermYears", 2, "renewalAnnualValue", 24000.0));
        driver.runJob(renewal.getId(), RenewalProcess.Tasks.EXTEND_CONTRACT);
        JsonNode renewed = amy.get(path).json();
        assertThat(renewed.get("stage").asText()).as("renewed: a customer again").isEqualTo("customer");
        assertThat(renewed.get("contract").get("version").asInt()).isEqualTo(2);
        assertThat(renewed.get("contract").get("endDate").asText())
                .isEqualTo(LocalDate.now().minusYears(1).plusDays(30).plusYears(3).toString());
        assertThat(whoDid(renewed, renewed.get("timeline").findValuesAsText("what").stream()
                .filter(what -> what.startsWith("Renewal of the contract ending")).findFirst().orElseThrow()))
                .isEqualTo("rita");
        assertThat(renewed.get("timeline").findValuesAsText("what"))
                .anyMatch(what -> what.startsWith("Renewal of the contract ending") && what.endsWith("renewed for 2 year(s)"));

        customers.changeStatus(customer.customerId(), CustomerStatus.CHURNED, Instant.now());
        assertThat(amy.get(path).json().get("stage").asText()).isEqualTo("churned");
    }

    @Test
    void staffAndProcessOwnersReadItOutsideSystemsAndStrangersDoNot() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Journey Roles Ltd", "tech-touch",
                "amy");
        String path = "/api/customers/" + customer.customerId() + "/journey";
        for (String user : List.of("sara", "alex", "sam", "amy", "dave", "chris", "rita", "olivia", "admin")) {
            assertThat(Http.as(user, port).get(path).status()).as(user).isEqualTo(200);
            assertThat(Http.as(user, port).get("/api/leads/" + customer.leadId() + "/journey").status()).as(user)
                    .isEqualTo(200);
        }
        assertThat(Http.as("website", port).get(path).status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
        assertProblem(Http.as("sara", port).get("/api/customers/" + UUID.randomUUID() + "/journey"), 404);
        assertProblem(Http.as("sara", port).get("/api/leads/" + UUID.randomUUID() + "/journey"), 404);
        assertProblem(Http.as("sara", port).get("/api/customers/not-an-id/journey"), 400);
        assertProblem(Http.as("sara", port).get("/api/leads/not-an-id/journey"), 400);
        assertProblem(Http.as("sara", port).get(path + "?timelineLimit=0"), 400);
        assertThat(Http.as("sara", port).get(path + "?timelineLimit=1").json().get("timeline")).hasSize(1);
    }

    @Test
    void theTaskEndpointShowsTheJourneyOnlyToThoseWhoMaySeeTheTask() {
        ProcessInstance care = TestCustomers.inCustomerSuccess(signUps, customers, runtimeService, "Journey Task Ltd",
                "high-touch");
        Task plan = taskService.createTaskQuery().processInstanceId(care.getId())
                .taskDefinitionKey(SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN).singleResult();
        String path = "/api/tasks/" + plan.getId() + "/journey";

        JsonNode journey = Http.as("chris", port).get(path).json();
        assertThat(journey.get("company").asText()).isEqualTo("Journey Task Ltd");
        assertThat(journey.get("openTasks").findValuesAsText("taskId")).contains(plan.getId());
        assertProblem(Http.as("sara", port).get(path), 404);
        assertProblem(Http.as("amy", port).get(path), 404);
        assertThat(Http.as("website", port).get(path).status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
    }

    private List<Instant> upcomingDueDates(JsonNode journey) {
        List<Instant> dates = new ArrayList<>();
        journey.get("upcoming").forEach(timer -> dates.add(Instant.parse(timer.get("at").asText())));
        return dates;
    }

    /** The due dates of the timer jobs of every running instance with the journey's business key, soonest first. */
    private List<Instant> timerDueDates(String leadId) {
        List<Instant> dates = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list()) {
            for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                dates.add(timer.getDuedate().toInstant());
            }
        }
        dates.sort(null);
        return dates;
    }

    private static String whoDid(JsonNode journey, String what) {
        for (JsonNode event : journey.get("timeline")) {
            if (event.get("what").asText().equals(what)) {
                return event.get("who").asText();
            }
        }
        throw new AssertionError("no '" + what + "' in " + journey.get("timeline"));
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
