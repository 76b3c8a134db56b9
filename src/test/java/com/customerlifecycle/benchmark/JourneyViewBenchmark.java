package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.support.SupportProcess;
import com.customerlifecycle.testing.ApplicationNode;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B7 one customer's journey: a customer with three years of history (3 renewal cycles, 36 check-ins, 10 resolved
 * support cases), driven through the real processes, among 1,000 other customers in care; then its journey is read
 * 200 times through {@code GET /api/customers/{id}/journey} (after 20 to warm up) and 200 times through
 * {@code GET /api/tasks/{id}/journey} as Tasklist's Customer tab reads it beside the CSM's open check-in: p50 / p95 /
 * max, one request at a time.
 */
class JourneyViewBenchmark {

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void theJourneyOfACustomerWithThreeYearsOfHistory(String databaseName) throws Exception {
        int others = Benchmarks.number("journey.others", 1_000);
        Map<String, Object> figures = new LinkedHashMap<>();
        Database database = Benchmarks.fresh(databaseName);
        try (ConfigurableApplicationContext node = ApplicationNode.start(database, true,
                "--camunda.bpm.job-execution.enabled=false")) {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            long preparing = System.nanoTime();
            TrialSignUpService signUps = node.getBean(TrialSignUpService.class);
            CustomerRepository customers = node.getBean(CustomerRepository.class);
            RuntimeService runtime = node.getBean(RuntimeService.class);
            othersInCare(signUps, customers, runtime, others);
            History history = threeYears(node, port);
            figures.put("other customers in care", others);
            figures.put("preparing (s)", Benchmarks.round((System.nanoTime() - preparing) / 1e9));

            Http amy = Http.as("amy", port);
            JsonNode journey = amy.get("/api/customers/" + history.customerId() + "/journey?timelineLimit=1000").json();
            long checkIns = count(journey, "Check-in: health");
            long renewals = count(journey, "Renewal of the contract");
            long cases = count(journey, "Support case resolved");
            assertThat(checkIns).isEqualTo(36);
            assertThat(renewals).isEqualTo(3);
            assertThat(cases).isEqualTo(10);
            figures.put("timeline events (3 years)", journey.get("timeline").size());
            Benchmarks.latencies(figures, "GET /api/customers/{id}/journey", amy, "/api/customers/" + history.customerId() + "/journey");
            Benchmarks.latencies(figures, "GET /api/tasks/{id}/journey (the CSM's open check-in)", Http.as("chris", port),
                    "/api/tasks/" + history.openTaskId() + "/journey");
        }
        BenchmarkReport.record("B7 journey of one customer", databaseName, figures);
    }

    private record History(String customerId, String openTaskId) {
    }

    /** Other customers, each with its customer-success instance waiting for its first check-in. */
    private static void othersInCare(TrialSignUpService signUps, CustomerRepository customers, RuntimeService runtime,
                                     int others) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < others; i++) {
                String company = "Other Customer " + i;
                written.add(writers.submit(() ->
                        TestCustomers.inCustomerSuccess(signUps, customers, runtime, company, "low-touch")));
            }
            for (Future<?> write : written) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Three years of one high-touch customer, driven as its people and the job executor would. */
    private static History threeYears(ConfigurableApplicationContext node, int port) {
        ProcessEngine engine = node.getBean(ProcessEngine.class);
        RuntimeService runtime = engine.getRuntimeService();
        ProcessDriver driver = new ProcessDriver(engine);
        ProcessInstance care = TestCustomers.inCustomerSuccess(node.getBean(TrialSignUpService.class),
                node.getBean(CustomerRepository.class), runtime, "Three Years AG", "high-touch");
        String customerId = (String) runtime.getVariable(care.getId(), "customerId");
        String leadId = care.getBusinessKey();
        driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.DEFINE_SUCCESS_PLAN, care), Map.of(
                "successGoals", "Adoption across all teams", "firstTargetDate", new Date()));
        for (int checkIn = 1; checkIn <= 36; checkIn++) {
            driver.runJob(care.getId(), "Timer_CheckInDue");
            driver.completeAs("chris", driver.openTask(SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN, care), new HashMap<>(
                    Map.of("healthScore", 80, "checkInNotes", "Monthly call " + checkIn, "hoursUsed", 1.0,
                            "expansionOpportunity", false)));
        }
        for (int cycle = 1; cycle <= 3; cycle++) {
            ProcessInstance renewal = runtime.startProcessInstanceByKey(RenewalProcess.KEY, leadId, Map.of(
                    "customerId", customerId, "company", "Three Years AG", "subscriptionOwnerName", "Olga Owner",
                    "accountManager", "amy"));
            driver.runJob(renewal.getId(), RenewalProcess.Timers.RENEWAL_WINDOW_OPENS);
            driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER, renewal),
                    Map.of("introductionNotes", "Cycle " + cycle));
            driver.runJob(renewal.getId(), RenewalProcess.Timers.PRICE_NEGOTIATION_OPENS);
            driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.NEGOTIATE_RENEWAL, renewal), Map.of(
                    "renewalOutcome", "renewed", "renewalTermYears", 1, "renewalAnnualValue", 24000.0));
            driver.runJob(renewal.getId(), RenewalProcess.Tasks.EXTEND_CONTRACT);
        }
        Http website = Http.as("website", port);
        for (int supportCase = 1; supportCase <= 10; supportCase++) {
            JsonNode opened = website.postJson("/api/support-cases", """
                    {"customerId": "%s", "category": "question", "channel": "email", "subject": "Question %d",
                     "description": "How do I ...?", "externalRef": "B7-%s"}""".formatted(customerId, supportCase,
                    UUID.randomUUID())).json();
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(opened.get("processInstanceId").asText()).singleResult();
            driver.completeAs("sam", driver.openTask(SupportProcess.Tasks.TRIAGE_SUPPORT_CASE, instance), Map.of(
                    "resolution", "Answered", "line1Outcome", "resolved"));
            driver.runJob(instance.getId(), SupportProcess.Tasks.SEND_RESOLUTION_EMAIL);
        }
        driver.runJob(care.getId(), "Timer_CheckInDue");
        String openTask = driver.openTask(SuccessProcess.Tasks.HOLD_SUCCESS_CHECK_IN, care).getId();
        return new History(customerId, openTask);
    }

    private static long count(JsonNode journey, String prefix) {
        long count = 0;
        for (JsonNode event : journey.get("timeline")) {
            if (event.get("what").asText().startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }
}
