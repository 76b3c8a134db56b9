package com.customerlifecycle.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.expansion.ExpansionSignals;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/renewals}: the renewal manager's pipeline, and who sees renewal work. */
@DemoApplicationTest
class RenewalPipelineApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ExpansionSignals expansionSignals;

    @Test
    void pipelineShowsContractsEndingSoonWithTheirStage() {
        // ends in about 40 days: both windows are open; its renewal waits for the introduction
        TestCustomers.TestCustomer soon = TestCustomers.active(signUps, customers, "Ending Soon Ltd", "low-touch", "amy",
                LocalDate.now().minusYears(1).plusDays(40));
        ProcessInstance renewal = startRenewal(soon);
        managementService.createJobQuery().processInstanceId(renewal.getId()).timers()
                .duedateLowerThen(new Date()).list().forEach(job -> managementService.executeJob(job.getId()));
        // ends in about 300 days: outside a 90-day pipeline
        TestCustomers.TestCustomer later = TestCustomers.active(signUps, customers, "Far Away Ltd", "low-touch", "amy",
                LocalDate.now().minusDays(65));
        startRenewal(later);

        JsonNode pipeline = Http.as("rita", port).get("/api/renewals?dueWithinDays=90").json();

        JsonNode entry = entryFor(pipeline, soon.customerId());
        assertThat(entry.get("company").asText()).isEqualTo("Ending Soon Ltd");
        assertThat(entry.get("stage").asText()).isEqualTo("introducing");
        assertThat(entry.get("daysLeft").asInt()).isBetween(39, 41);
        assertThat(entry.get("subscriptionOwner").asText()).isEqualTo("Olga Owner");
        assertThat(entry.get("annualValue").asDouble()).isEqualTo(24000.0);
        assertThat(entryFor(Http.as("rita", port).get("/api/renewals?dueWithinDays=365").json(), later.customerId())
                .get("stage").asText()).isEqualTo("waiting");
        assertThat(pipeline.findValuesAsText("customerId")).doesNotContain(later.customerId());

        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + soon.leadId();
        assertThat(Http.as("rita", port).get(tasks).taskNames()).containsExactly("Introduce yourself to Olga Owner at Ending Soon Ltd");
        assertThat(Http.as("pat", port).get(tasks).taskNames()).containsExactly("Introduce yourself to Olga Owner at Ending Soon Ltd");
        assertThat(Http.as("amy", port).get(tasks).taskNames()).isEmpty();
        expansionSignals.signal(soon.customerId(), new ExpansionSignals.Signal("More seats", null, "test"));
        assertThat(Http.as("amy", port).get(tasks).taskNames()).containsExactly("Discuss expansion with Ending Soon Ltd");
        assertThat(Http.as("rita", port).get(tasks).taskNames()).as("rita sees no AM work")
                .containsExactly("Introduce yourself to Olga Owner at Ending Soon Ltd");
        assertThat(Http.as("pat", port).get(tasks).taskNames()).hasSize(2);
    }

    @Test
    void pipelineIsForRenewalManagersAccountManagersAndAdmins() {
        assertThat(Http.as("amy", port).get("/api/renewals").status()).isEqualTo(200);
        assertThat(Http.as("admin", port).get("/api/renewals").status()).isEqualTo(200);
        assertThat(Http.as("chris", port).get("/api/renewals").status()).isEqualTo(403);
        assertThat(Http.as("website", port).get("/api/renewals").status()).isEqualTo(403);
        Http.Response invalid = Http.as("rita", port).get("/api/renewals?dueWithinDays=-1");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
    }

    private ProcessInstance startRenewal(TestCustomers.TestCustomer customer) {
        return TestCustomers.inRenewal(runtimeService, customer);
    }

    private static JsonNode entryFor(JsonNode pipeline, String customerId) {
        for (JsonNode entry : pipeline) {
            if (entry.get("customerId").asText().equals(customerId)) {
                return entry;
            }
        }
        throw new AssertionError("customer " + customerId + " not in the pipeline " + pipeline);
    }
}
