package com.customerlifecycle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/support-cases} over HTTP, as the helpdesk calls it, and who works which support task. */
@DemoApplicationTest
class SupportCaseApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void helpdeskOpensACaseAndReadsItBack() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Helpdesk Ltd", "low-touch", "amy");
        String reference = "HD-" + UUID.randomUUID();

        Http.Response opened = open("""
                {"customerId": "%s", "category": "technical-issue", "channel": "chat", "subject": "Sync fails",
                 "description": "Since this morning", "externalRef": "%s"}""".formatted(customer.customerId(), reference));
        Http.Response retried = open("""
                {"customerId": "%s", "category": "technical-issue", "channel": "chat", "subject": "Sync fails",
                 "description": "Since this morning", "externalRef": "%s"}""".formatted(customer.customerId(), reference));

        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.json().get("caseId").asText();
        assertThat(opened.header("Location")).isEqualTo("/api/support-cases/" + caseId);
        assertThat(opened.json().get("processInstanceId").asText()).isNotBlank();
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("caseId").asText()).isEqualTo(caseId);
        JsonNode read = Http.as("sam", port).get("/api/support-cases/" + caseId).json();
        assertThat(read.get("status").asText()).isEqualTo("open");
        assertThat(read.get("tier").asText()).isEqualTo("low-touch");
        assertThat(Http.as("amy", port).get("/api/customers/" + customer.customerId() + "/support-cases").json())
                .hasSize(1);

        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + customer.leadId();
        assertThat(Http.as("sam", port).get(tasks).taskNames()).containsExactly("Triage support case of Helpdesk Ltd: Sync fails");
        assertThat(Http.as("chris", port).get(tasks).taskNames()).isEmpty();
        assertThat(Http.as("amy", port).get(tasks).taskNames()).isEmpty();
    }

    @Test
    void csmsSeeOnlyTheFollowUpsMeantForThem() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Setup Help AG", "high-touch", "amy");
        customers.assignCsmIfNone(customer.customerId(), "chris", ClockUtil.getCurrentTime().toInstant());
        String caseId = open("""
                {"customerId": "%s", "category": "setup-advice", "channel": "email", "subject": "SSO setup",
                 "description": "How do we connect our identity provider?"}""".formatted(customer.customerId()))
                .json().get("caseId").asText();
        Http sam = Http.as("sam", port);
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + customer.leadId();
        String triageId = sam.get(tasks).json().get(0).get("id").asText();
        assertThat(sam.postJson("/engine-rest/task/" + triageId + "/claim", "{\"userId\": \"sam\"}").status()).isEqualTo(204);
        assertThat(sam.postJson("/engine-rest/task/" + triageId + "/submit-form", """
                {"variables": {"resolution": {"value": "Use SAML; guide attached"}, "line1Outcome": {"value": "resolved"}}}""")
                .status()).isEqualTo(204);

        assertThat(Http.as("chris", port).get(tasks).taskNames()).containsExactly("Follow up setup advice with Setup Help AG");
        assertThat(sam.get(tasks).taskNames()).isEmpty();
        assertThat(Http.as("amy", port).get(tasks).taskNames()).isEmpty();
        assertThat(Http.as("sam", port).get("/api/support-cases/" + caseId).json().get("firstResponseAt").isNull()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown category  | {"customerId": "CID", "category": "complaint", "channel": "chat", "subject": "s", "description": "d"} | category
            unknown channel   | {"customerId": "CID", "category": "bug", "channel": "fax", "subject": "s", "description": "d"}       | channel
            no subject        | {"customerId": "CID", "category": "bug", "channel": "chat", "subject": " ", "description": "d"}      | subject
            no account        | {"category": "bug", "channel": "chat", "subject": "s", "description": "d"}                          | exactlyOneAccount
            both accounts     | {"customerId": "CID", "leadId": "CID", "category": "bug", "channel": "chat", "subject": "s", "description": "d"} | exactlyOneAccount
            bad reference     | {"customerId": "CID", "category": "bug", "channel": "chat", "subject": "s", "description": "d", "externalRef": "a b"} | externalRef
            """)
    void invalidCaseIsRejectedPerFieldAndOpensNothing(String description, String body, String field) {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Invalid Co", "low-touch", "amy");
        long before = caseCount();

        Http.Response response = open(body.replace("CID", customer.customerId()));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void unknownAccountsAndStrangersAreRefused() {
        long before = caseCount();
        Http.Response unknownCustomer = open("""
                {"customerId": "%s", "category": "bug", "channel": "chat", "subject": "s", "description": "d"}"""
                .formatted(UUID.randomUUID()));
        Http.Response unknownLead = open("""
                {"leadId": "%s", "category": "bug", "channel": "chat", "subject": "s", "description": "d"}"""
                .formatted(UUID.randomUUID()));

        assertThat(unknownCustomer.status()).isEqualTo(404);
        assertThat(unknownCustomer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownLead.status()).isEqualTo(404);
        assertThat(Http.as("sam", port).postJson("/api/support-cases", "{}").status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/support-cases/" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(Http.as("sam", port).get("/api/support-cases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(caseCount()).isEqualTo(before);
    }

    private Http.Response open(String body) {
        return Http.as("website", port).postJson("/api/support-cases", body);
    }

    private long caseCount() {
        return jdbc.sql("SELECT COUNT(*) FROM support_case").query(Long.class).single();
    }
}
