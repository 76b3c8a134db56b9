package com.customerlifecycle.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/trials} and {@code GET /api/leads/{id}} over HTTP, as the website and the SDRs call them. */
@DemoApplicationTest
class TrialSignUpApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void signUpStartsJourneyInSdrQueue() {
        String email = uniqueEmail();
        Http.Response response = website().postJson("/api/trials", """
                {"company": "Acme Ltd", "contactName": "Jane Doe", "email": "%s", "phone": "+44 20 7946 0000",
                 "employees": 120, "trialDays": 30}""".formatted(email));

        assertThat(response.status()).isEqualTo(201);
        String leadId = response.json().get("leadId").asText();
        String processInstanceId = response.json().get("processInstanceId").asText();
        assertThat(response.header("Location")).isEqualTo("/api/leads/" + leadId);

        JsonNode lead = Http.as("sara", port).get("/api/leads/" + leadId).json();
        assertThat(lead.get("status").asText()).isEqualTo("new");
        assertThat(lead.get("company").asText()).isEqualTo("Acme Ltd");
        assertThat(lead.get("employees").asInt()).isEqualTo(120);
        assertThat(lead.get("processInstanceId").asText()).isEqualTo(processInstanceId);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey()).isEqualTo(leadId);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId()).startsWith(JourneyProcess.KEY + ":");
        Task contact = taskService.createTaskQuery().processInstanceBusinessKey(leadId).singleResult();
        assertThat(contact.getName()).isEqualTo("Contact Acme Ltd");
        assertThat(taskService.createTaskQuery().taskId(contact.getId()).taskCandidateGroup("sdr").count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing company       | {"contactName": "Jo", "email": "EMAIL"}                                   | company
            blank contact name    | {"company": "Acme", "contactName": " ", "email": "EMAIL"}                 | contactName
            malformed e-mail      | {"company": "Acme", "contactName": "Jo", "email": "not-an-email"}         | email
            missing e-mail        | {"company": "Acme", "contactName": "Jo"}                                  | email
            trial of 0 days       | {"company": "Acme", "contactName": "Jo", "email": "EMAIL", "trialDays": 0}  | trialDays
            trial of 91 days      | {"company": "Acme", "contactName": "Jo", "email": "EMAIL", "trialDays": 91} | trialDays
            no employees          | {"company": "Acme", "contactName": "Jo", "email": "EMAIL", "employees": 0}  | employees
            phone with letters    | {"company": "Acme", "contactName": "Jo", "email": "EMAIL", "phone": "call me"} | phone
            company too long      | {"company": "LONG", "contactName": "Jo", "email": "EMAIL"}                 | company
            unknown field         | {"company": "Acme", "contactName": "Jo", "email": "EMAIL", "plan": "gold"} | plan
            wrong type            | {"company": "Acme", "contactName": "Jo", "email": "EMAIL", "trialDays": "ten"} | trialDays
            """)
    void invalidSignUpIsRejectedPerFieldAndStoresNothing(String description, String body, String badField) {
        String email = uniqueEmail();
        long leadsBefore = leadCount();
        long journeysBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(JourneyProcess.KEY).count();

        Http.Response response = website().postJson("/api/trials",
                body.replace("EMAIL", email).replace("LONG", "x".repeat(201)));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(badField);
        assertThat(leadCount()).isEqualTo(leadsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(JourneyProcess.KEY).count())
                .isEqualTo(journeysBefore);
    }

    @ParameterizedTest(name = "body: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            '{"company": "Acme",'
            'not json at all'
            '[]'
            ''
            """)
    void unreadableBodyIsAProblem(String body) {
        long leadsBefore = leadCount();

        Http.Response response = website().postJson("/api/trials", body == null ? "" : body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(leadCount()).isEqualTo(leadsBefore);
    }

    @Test
    void repeatedSignUpWhileTrialIsOpenReturnsTheSameLead() {
        String email = uniqueEmail();
        Http.Response first = website().postJson("/api/trials", signUp("Repeat Ltd", email));
        Http.Response second = website().postJson("/api/trials", signUp("Repeat Ltd", email.toUpperCase()));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("leadId").asText()).isEqualTo(first.json().get("leadId").asText());
        assertThat(leadsWithEmail(email)).isEqualTo(1);
        assertThat(journeysFor(first.json().get("leadId").asText())).isEqualTo(1);
    }

    @Test
    void twentyConcurrentSignUpsCreateOneLeadAndOneJourney() throws Exception {
        String email = uniqueEmail();
        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Http.Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return website().postJson("/api/trials", signUp("Rush Inc", email));
                }));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> response : responses) {
                answers.add(response.get());
            }

            assertThat(answers).extracting(Http.Response::status).containsOnly(200, 201);
            assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
            assertThat(answers).extracting(answer -> answer.json().get("leadId").asText()).containsOnly(
                    answers.get(0).json().get("leadId").asText());
            assertThat(leadsWithEmail(email)).isEqualTo(1);
            assertThat(journeysFor(answers.get(0).json().get("leadId").asText())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownLeadIsNotFoundProblem() {
        Http.Response response = Http.as("sara", port).get("/api/leads/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void onlyIntegrationsSignUpAndOnlySalesReadsLeads() {
        Http.Response bySdr = Http.as("sara", port).postJson("/api/trials", signUp("Nope Ltd", uniqueEmail()));
        assertThat(bySdr.status()).isEqualTo(403);
        assertThat(bySdr.header("Content-Type")).startsWith("application/problem+json");

        String leadId = website().postJson("/api/trials", signUp("Private Ltd", uniqueEmail())).json().get("leadId").asText();
        assertThat(Http.as("chris", port).get("/api/leads/" + leadId).status()).isEqualTo(403);
        assertThat(Http.as("alex", port).get("/api/leads/" + leadId).status()).isEqualTo(200);
        assertThat(Http.as("mallory", "guess", port).get("/api/leads/" + leadId).status()).isEqualTo(401);
    }

    private Http website() {
        return Http.as("website", port);
    }

    private static String signUp(String company, String email) {
        return """
                {"company": "%s", "contactName": "Jo Buyer", "email": "%s"}""".formatted(company, email);
    }

    private static String uniqueEmail() {
        return "trial-" + UUID.randomUUID() + "@example.com";
    }

    private long leadCount() {
        return jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();
    }

    private long leadsWithEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE LOWER(email) = :email").param("email", email.toLowerCase())
                .query(Long.class).single();
    }

    private long journeysFor(String leadId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(JourneyProcess.KEY)
                .processInstanceBusinessKey(leadId).count();
    }
}
