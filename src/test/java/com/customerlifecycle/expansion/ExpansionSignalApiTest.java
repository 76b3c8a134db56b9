package com.customerlifecycle.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.customer.CustomerStatus;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/customers/{id}/expansion-signals}, and who sees the AM's and the CSM's work. */
@DemoApplicationTest
class ExpansionSignalApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void usageSignalOpensAnExpansionForTheAccountManagerAndASecondOneJoinsIt() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Signal GmbH", "low-touch", null);

        Http.Response first = signal(customer.customerId(), "{\"reason\": \"45 of 50 seats used\", \"seatsRequested\": 60}");
        Http.Response second = signal(customer.customerId(), "{\"reason\": \"Heavy API usage\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("expansionId").asText()).isEqualTo(first.json().get("expansionId").asText());
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + customer.leadId();
        assertThat(Http.as("amy", port).get(tasks).taskNames()).containsExactly("Discuss expansion with Signal GmbH");
        assertThat(Http.as("pat", port).get(tasks).taskNames()).containsExactly("Discuss expansion with Signal GmbH");
        assertThat(Http.as("chris", port).get(tasks).taskNames()).isEmpty();
        assertThat(Http.as("website", port).get(tasks).taskNames()).isEmpty();
    }

    @Test
    void csmWorkIsForCsmsAndAmWorkForAms() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Split Roles Ltd", "high-touch", "amy");
        runtimeService.startProcessInstanceByKey(SuccessProcess.KEY, customer.leadId(), Map.of(
                "customerId", customer.customerId(), "company", customer.company(), "touchTier", "high-touch",
                "accountManager", "amy", "subscriptionOwnerName", "Olga Owner", "subscriptionOwnerEmail", customer.ownerEmail()));
        signal(customer.customerId(), "{\"reason\": \"Wants SSO\"}");
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + customer.leadId();

        assertThat(Http.as("chris", port).get(tasks).taskNames()).containsExactly("Define success plan with Split Roles Ltd");
        assertThat(Http.as("amy", port).get(tasks).taskNames()).containsExactly("Discuss expansion with Split Roles Ltd");
        assertThat(Http.as("pat", port).get(tasks).taskNames()).containsExactlyInAnyOrder(
                "Define success plan with Split Roles Ltd", "Discuss expansion with Split Roles Ltd");
        assertThat(Http.as("sara", port).get(tasks).taskNames()).isEmpty();
    }

    @Test
    void badSignalsAreProblemsAndChangeNothing() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Strict Ltd", "low-touch", "amy");
        long before = expansionCount();

        assertProblem(signal(customer.customerId(), "{\"reason\": \"\"}"), 400);
        assertProblem(signal(customer.customerId(), "{\"reason\": \"x\", \"seatsRequested\": 0}"), 400);
        assertProblem(signal(customer.customerId(), "{\"reason\": \"x\", \"price\": 10}"), 400);
        assertProblem(signal(customer.customerId(), "not json"), 400);
        assertProblem(signal(UUID.randomUUID().toString(), "{\"reason\": \"x\"}"), 404);
        customers.changeStatus(customer.customerId(), CustomerStatus.CHURNED, ClockUtil.getCurrentTime().toInstant());
        assertProblem(signal(customer.customerId(), "{\"reason\": \"x\"}"), 422);
        assertThat(Http.as("amy", port).postJson("/api/customers/" + customer.customerId() + "/expansion-signals",
                "{\"reason\": \"x\"}").status()).isEqualTo(403);
        assertThat(Http.anonymous(port).postJson("/api/customers/" + customer.customerId() + "/expansion-signals",
                "{\"reason\": \"x\"}").status()).isEqualTo(401);

        assertThat(expansionCount()).isEqualTo(before);
    }

    private Http.Response signal(String customerId, String body) {
        return Http.as("website", port).postJson("/api/customers/" + customerId + "/expansion-signals", body);
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private long expansionCount() {
        return jdbc.sql("SELECT COUNT(*) FROM expansion").query(Long.class).single();
    }
}
