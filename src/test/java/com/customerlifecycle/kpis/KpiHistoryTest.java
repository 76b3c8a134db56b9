package com.customerlifecycle.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.expansion.ExpansionSignals;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.lead.TrialSignUp;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.onboarding.OnboardingProcess;
import com.customerlifecycle.onetomany.OneToManyProcess;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.sales.SalesProcess;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.support.SupportCases;
import com.customerlifecycle.support.SupportProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.TestCustomers;
import com.customerlifecycle.testing.TestCustomers.TestCustomer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every figure of {@code /api/kpis} from a known history: the first quarter of 2035, lived through by the real processes
 * on the moved engine clock — leads called on time, late and never, deals won and lost, a customer onboarded, check-ins
 * on time and late, a rescue, a session and a webinar, support cases inside and outside their SLA, contracts renewed,
 * renewed by the AM, churned and left undecided. A database of its own (the stock figures count every customer there
 * is), so the class starts a fresh application.
 */
@DemoApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class KpiHistoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

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
    @Autowired
    SupportCases supportCases;
    @Autowired
    ExpansionSignals expansionSignals;
    @Autowired
    JdbcClient jdbc;

    private ProcessDriver driver;

    @BeforeEach
    void setUp() {
        driver = new ProcessDriver(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aKnownQuarterGivesEachTeamsFiguresExactly() throws Exception {
        // Before the quarter: customers in care and contracts that end in it.
        at(2034, 10, 1, 10, 0);
        TestCustomer ypsilon = TestCustomers.active(signUps, customers, "Ypsilon", "low-touch", "amy", LocalDate.of(2034, 2, 16));
        TestCustomer wolf = TestCustomers.active(signUps, customers, "Wolf", "low-touch", "amy", LocalDate.of(2034, 3, 1));
        TestCustomer vega = TestCustomers.active(signUps, customers, "Vega", "low-touch", "amy", LocalDate.of(2034, 2, 20));
        TestCustomer umbra = TestCustomers.active(signUps, customers, "Umbra", "low-touch", "amy", LocalDate.of(2034, 3, 10));
        ProcessInstance ypsilonCare = TestCustomers.inCustomerSuccess(runtimeService, ypsilon, "low-touch");
        ProcessInstance ypsilonRenewal = TestCustomers.inRenewal(runtimeService, ypsilon);
        ProcessInstance wolfRenewal = TestCustomers.inRenewal(runtimeService, wolf);
        TestCustomers.inRenewal(runtimeService, vega);
        TestCustomers.inRenewal(runtimeService, umbra);

        at(2034, 11, 1, 10, 0);
        extendByAm(vega, 30000.0);
        at(2034, 11, 18, 10, 0);
        runDueTimers(ypsilonRenewal);
        driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER, ypsilonRenewal),
                withVariables("introductionNotes", "Met"));
        at(2034, 12, 1, 10, 0);
        runDueTimers(wolfRenewal);
        driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER, wolfRenewal),
                withVariables("introductionNotes", "Met"));
        at(2034, 12, 15, 10, 0);
        TestCustomer xeno = TestCustomers.active(signUps, customers, "Xeno", "high-touch", "amy", LocalDate.of(2034, 12, 15));
        TestCustomer zet = TestCustomers.active(signUps, customers, "Zet", "tech-touch", null, LocalDate.of(2034, 12, 15));
        at(2034, 12, 30, 10, 0);
        runDueTimers(ypsilonCare);
        driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN, ypsilonCare),
                checkIn(60));

        // January: four trial sign-ups on Monday morning.
        at(2035, 1, 8, 9, 0);
        ProcessInstance alpha = qualification(signUp("Alpha"));
        ProcessInstance beta = qualification(signUp("Beta"));
        ProcessInstance gamma = qualification(signUp("Gamma"));
        ProcessInstance delta = qualification(signUp("Delta"));
        ProcessInstance xenoCare = TestCustomers.inCustomerSuccess(runtimeService, xeno, "high-touch");
        driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN, xenoCare),
                withVariables("successGoals", "Adoption", "firstTargetDate", date(2035, 6, 1)));
        at(2035, 1, 8, 11, 0);
        driver.completeAs("sara", task(alpha), withVariables("contactOutcome", "reached"));
        at(2035, 1, 8, 12, 0);
        driver.completeAs("sara", task(alpha), withVariables("qualified", true));
        at(2035, 1, 8, 13, 0);
        driver.completeAs("sara", task(beta), withVariables("contactOutcome", "no-answer"));
        fireWhenDue(gamma, "BoundaryEvent_ContactOverdue");
        fireWhenDue(delta, "BoundaryEvent_ContactOverdue");
        at(2035, 1, 9, 15, 0);
        driver.completeAs("sara", task(gamma), withVariables("contactOutcome", "reached"));
        driver.completeAs("sara", task(gamma), withVariables("qualified", false, "disqualificationReason", "Hobby user"));
        ProcessInstance alphaSale = sale(alpha);
        discoverAndPropose(alphaSale, 75000);

        // Support: a bug of a high-touch customer answered in time, a trial lead's question answered late.
        at(2035, 1, 10, 10, 0);
        ProcessInstance bug = openCase(xeno.customerId(), null, "bug");
        at(2035, 1, 10, 11, 0);
        driver.completeAs("sam", task(bug), withVariables("resolution", "Looking into it", "line1Outcome", "escalate"));
        fireWhenDue(beta, "Timer_RetryContact");
        at(2035, 1, 10, 13, 30);
        driver.completeAs("sara", task(beta), withVariables("contactOutcome", "reached"));
        at(2035, 1, 10, 14, 0);
        driver.completeAs("sara", task(beta), withVariables("qualified", true));
        ProcessInstance betaSale = sale(beta);
        discoverAndPropose(betaSale, 12000);
        at(2035, 1, 10, 16, 0);
        driver.completeAs("sam", task(bug), withVariables("technicalResolution", "Fixed", "productBugReference", "BUG-1"));
        driver.runJob(bug.getId(), SupportProcess.Tasks.SEND_RESOLUTION_EMAIL);
        at(2035, 1, 11, 10, 0);
        ProcessInstance question = openCase(null, businessKey(delta), "question");
        fireWhenDue(question, "BoundaryEvent_FirstResponseOverdue");
        at(2035, 1, 12, 10, 0);
        driver.completeAs("sam", task(question), withVariables("resolution", "Use the export", "line1Outcome", "resolved"));
        driver.runJob(question.getId(), SupportProcess.Tasks.SEND_RESOLUTION_EMAIL);

        // Deals: Beta lost on price after 4 days, Alpha won after 10 and onboarded 2 days later.
        at(2035, 1, 14, 14, 0);
        driver.completeAs("alex", task(betaSale), withVariables("dealOutcome", "lost", "lossReason", "price"));
        at(2035, 1, 15, 10, 0);
        runDueTimers(ypsilonRenewal);
        driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.NEGOTIATE_RENEWAL, ypsilonRenewal),
                withVariables("renewalOutcome", "churned", "churnReason", "price", "churnNotes", "Found a cheaper tool"));
        driver.completeAs("amy", driver.openTask(RenewalProcess.Tasks.RUN_EXIT_INTERVIEW, ypsilonRenewal),
                withVariables("exitInterviewNotes", "Price"));
        assertThat(jdbc.sql("SELECT churn_reason || ': ' || churn_notes FROM renewal WHERE customer_id = :id")
                .param("id", ypsilon.customerId()).query(String.class).single())
                .as("the reason chosen and the words beside it").isEqualTo("price: Found a cheaper tool");
        at(2035, 1, 18, 12, 0);
        driver.completeAs("alex", task(alphaSale), withVariables("dealOutcome", "won"));
        driver.runJob(alphaSale.getId(), SalesProcess.Tasks.CREATE_CUSTOMER_AND_CONTRACT);
        at(2035, 1, 20, 12, 0);
        ProcessInstance alphaOnboarding = called(OnboardingProcess.KEY, businessKey(alpha));
        driver.completeAs("amy", task(alphaOnboarding), withVariables("welcomeDone", true));
        driver.runJob(alphaOnboarding.getId(), OnboardingProcess.Tasks.SEND_SELF_ONBOARDING_KIT);
        ProcessInstance alphaCare = called(SuccessProcess.KEY, businessKey(alpha));
        driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN, alphaCare),
                withVariables("successGoals", "Adoption", "firstTargetDate", date(2035, 6, 1)));
        at(2035, 1, 20, 15, 0);
        runDueTimers(wolfRenewal);
        driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.NEGOTIATE_RENEWAL, wolfRenewal),
                withVariables("renewalOutcome", "renewed", "renewalTermYears", 2, "renewalAnnualValue", 24000.0));
        driver.runJob(wolfRenewal.getId(), RenewalProcess.Tasks.EXTEND_CONTRACT);

        // February: the one-to-many team, a check-in held late and red, one on time and green.
        at(2035, 2, 1, 10, 0);
        assertThat(Http.as("website", port).postJson("/api/customers/" + zet.customerId() + "/one-to-many-sessions",
                "{\"question\": \"How do I import contacts?\"}").status()).isEqualTo(201);
        ProcessInstance webinar = planWebinar(LocalDateTime.of(2035, 2, 20, 16, 0));
        at(2035, 2, 2, 10, 0);
        register(webinar, zet);
        register(webinar, xeno);
        fireWhenDue(xenoCare, "Timer_CheckInDue");
        at(2035, 2, 9, 10, 0);
        driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN, xenoCare), checkIn(40));
        fireWhenDue(alphaCare, "Timer_CheckInDue");
        at(2035, 2, 19, 15, 0);
        driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN, alphaCare), checkIn(85));
        fireWhenDue(webinar, "Timer_DayBeforeWebinar");
        driver.runJob(webinar.getId(), OneToManyProcess.Tasks.SEND_WEBINAR_REMINDERS);
        fireWhenDue(webinar, "Timer_WebinarStarts");
        at(2035, 2, 20, 17, 30);
        driver.completeAs("chris", task(webinar), withVariables("recordingUrl", "https://videos.example/q1"));
        driver.runJob(webinar.getId(), OneToManyProcess.Tasks.SEND_RECORDING);

        // March: a question of the tech-touch customer, not yet answered at the end of the quarter.
        at(2035, 3, 30, 10, 0);
        openCase(zet.customerId(), null, "question");

        at(2035, 4, 15, 9, 0);
        JsonNode kpis = Http.as("maria", port).get("/api/kpis?from=2035-01-01&to=2035-03-31").json();

        assertThat(kpis.get("from").asText()).isEqualTo("2035-01-01");
        assertThat(kpis.get("to").asText()).isEqualTo("2035-03-31");
        assertThat(kpis.get("currency").asText()).isEqualTo("EUR");
        assertThat(kpis.get("sdr")).isEqualTo(json("""
                {"leads": 4, "contacted": 3, "reachRate": 0.75, "medianHoursToFirstContact": 4.0,
                 "overdueFirstContacts": 2, "opportunities": 2,
                 "perUser": [{"user": "sara", "calls": 4, "opportunities": 2}]}"""));
        assertThat(kpis.get("ae")).isEqualTo(json("""
                {"opportunitiesClosed": 2, "won": 1, "lost": 1, "winRate": 0.5, "medianDaysToClose": 7.0,
                 "wonAnnualValue": 75000.00, "lossReasons": {"price": 1},
                 "perUser": [{"user": "alex", "won": 1, "lost": 1, "wonAnnualValue": 75000.00}]}"""));
        assertThat(kpis.get("onboarding")).isEqualTo(json("""
                {"onboarded": 1, "medianDaysWonToActive": 2.0,
                 "byTier": {"high-touch": 1, "low-touch": 0, "tech-touch": 0}}"""));
        assertThat(kpis.get("success")).isEqualTo(json("""
                {"customersByTier": {"high-touch": 2, "low-touch": 3, "tech-touch": 1},
                 "healthBands": {"red": 1, "yellow": 0, "green": 1},
                 "checkInsHeld": 2, "checkInsOverdue": 1, "rescuesOpened": 1,
                 "oneToManySessions": 1, "webinarsHeld": 1, "webinarRegistrations": 2}"""));
        assertThat(kpis.get("support")).isEqualTo(json("""
                {"casesOpened": 3, "casesResolved": 2, "firstResponseSlaMet": 0.5, "medianHoursToResolve": 15.0,
                 "byTier": {"high-touch": {"opened": 1, "resolved": 1, "firstResponseSlaMet": 1.0},
                            "low-touch": {"opened": 0, "resolved": 0, "firstResponseSlaMet": null},
                            "tech-touch": {"opened": 1, "resolved": 0, "firstResponseSlaMet": null},
                            "trial": {"opened": 1, "resolved": 1, "firstResponseSlaMet": 0.0}}}"""));
        assertThat(kpis.get("renewal")).isEqualTo(json("""
                {"contractsEnded": 4, "renewed": 1, "churned": 1, "renewedByAm": 1,
                 "grossRevenueRetention": 0.475, "netRevenueRetention": 0.5375, "churnReasons": {"price": 1},
                 "multiYearShare": 1.0}"""));

        JsonNode toToday = Http.as("maria", port).get("/api/kpis?from=2035-01-01&to=2035-04-15").json();
        assertThat(toToday.get("success").get("customersByTier")).as("a period not yet ended: as the customers are now")
                .isEqualTo(kpis.get("success").get("customersByTier"));
        assertThat(toToday.get("success").get("healthBands")).isEqualTo(kpis.get("success").get("healthBands"));

        JsonNode january = Http.as("maria", port).get("/api/kpis?from=2035-01-01&to=2035-01-31").json();
        assertThat(january.get("sdr").get("leads").asInt()).isEqualTo(4);
        assertThat(january.get("success").get("customersByTier")).as("Alpha active, Ypsilon gone by the end of January")
                .isEqualTo(json("{\"high-touch\": 2, \"low-touch\": 3, \"tech-touch\": 1}"));
        assertThat(january.get("success").get("healthBands")).as("no check-in held yet but Ypsilon's, who left")
                .isEqualTo(json("{\"red\": 0, \"yellow\": 0, \"green\": 0}"));
        assertThat(january.get("renewal").get("contractsEnded").asInt()).as("the contracts end in February and March")
                .isZero();
    }

    private void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant()));
    }

    private static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(BERLIN).toInstant());
    }

    private String signUp(String company) {
        return signUps.signUp(new TrialSignUp(company, "Jo Buyer", UUID.randomUUID() + "@example.com", null, 200, 30))
                .lead().leadId();
    }

    private ProcessInstance qualification(String leadId) {
        return called(LeadProcess.KEY, leadId);
    }

    private ProcessInstance sale(ProcessInstance qualification) {
        return called(SalesProcess.KEY, qualification.getBusinessKey());
    }

    private ProcessInstance called(String processKey, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).active().singleResult();
    }

    private static String businessKey(ProcessInstance instance) {
        return instance.getBusinessKey();
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void discoverAndPropose(ProcessInstance sale, double annualValue) {
        driver.completeAs("alex", task(sale), withVariables("needsSummary", "CRM", "complexNeeds", false, "involveCsm", false));
        driver.completeAs("alex", task(sale), withVariables("recommendedPlan", "business"));
        driver.completeAs("alex", task(sale), new HashMap<>(Map.of("plan", "business", "seats", 30, "termYears", 2,
                "annualValue", annualValue, "implementationPurchased", false, "strategicAccount", false,
                "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", "owner@kpi.example")));
    }

    /** Moves the clock to the timer's due date (if it is later) and runs it, as the job executor would. */
    private void fireWhenDue(ProcessInstance instance, String activityId) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
        assertThat(timer).as("timer at %s", activityId).isNotNull();
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(timer.getDuedate());
        }
        managementService.executeJob(timer.getId());
    }

    /** Runs the instance's timers due by now, one by one (one may remove another). */
    private void runDueTimers(ProcessInstance instance) {
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .duedateLowerThen(new Date(ClockUtil.getCurrentTime().getTime() + 1)).listPage(0, 1)).isEmpty()) {
            managementService.executeJob(due.get(0).getId());
        }
    }

    private ProcessInstance openCase(String customerId, String leadId, String category) {
        String instanceId = supportCases.open(new SupportCases.CaseRequest(leadId, customerId, category, "email",
                "Case " + category, "Please help", null)).supportCase().processInstanceId();
        return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    }

    /** The AM agrees an expansion that extends the term by a year at a higher value, as in account-expansion. */
    private void extendByAm(TestCustomer customer, double annualValue) {
        ExpansionSignals.Result expansion = expansionSignals.signal(customer.customerId(),
                new ExpansionSignals.Signal("Wants more seats", null, "test"));
        driver.completeAs("amy", taskService.createTaskQuery().processInstanceId(expansion.processInstanceId()).singleResult(),
                withVariables("expansionAgreed", true, "plan", "business", "seats", 25, "annualValue", annualValue,
                        "extendTerm", true, "termYears", 1));
    }

    private ProcessInstance planWebinar(LocalDateTime startsAt) {
        ProcessInstance[] started = new ProcessInstance[1];
        driver.as("chris", () -> started[0] = runtimeService.startProcessInstanceByKey(OneToManyProcess.WEBINAR_KEY));
        driver.completeAs("chris", task(started[0]), withVariables("topic", "Quarterly tips", "kind", "expert",
                "participantCap", 10, "startsAt", startsAt.atZone(BERLIN).toOffsetDateTime().toString()));
        return started[0];
    }

    private void register(ProcessInstance webinar, TestCustomer customer) {
        String webinarId = (String) runtimeService.getVariable(webinar.getId(), "webinarId");
        assertThat(Http.as("website", port).postJson("/api/webinars/" + webinarId + "/registrations",
                "{\"customerId\": \"" + customer.customerId() + "\", \"name\": \"Participant\", \"email\": \""
                        + customer.ownerEmail() + "\"}").status()).isEqualTo(201);
    }

    private static Map<String, Object> checkIn(int healthScore) {
        return new HashMap<>(Map.of("healthScore", healthScore, "checkInNotes", "Call", "hoursUsed", 1.0,
                "expansionOpportunity", false));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
