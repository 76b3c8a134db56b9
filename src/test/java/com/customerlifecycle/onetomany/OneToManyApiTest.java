package com.customerlifecycle.onetomany;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.UUID;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/customers/{id}/one-to-many-sessions} and {@code /api/webinars} over HTTP. */
@DemoApplicationTest
class OneToManyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void techTouchCustomerBooksOneSessionPerQuarter() {
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Hour Booker Ltd", "tech-touch", null);

        Http.Response booked = book(customer.customerId(), "{\"question\": \"How do reports work?\"}");
        Http.Response again = book(customer.customerId(), "{\"question\": \"And dashboards?\"}");

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.json().get("quarter").asText()).matches("\\d{4}-Q[1-4]");
        assertProblem(again, 409);
        assertThat(sessionCount(customer.customerId())).isEqualTo(1);
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + customer.leadId();
        assertThat(Http.as("chris", port).get(tasks).taskNames()).containsExactly("Hold one-to-many session with Hour Booker Ltd");
        assertThat(Http.as("amy", port).get(tasks).taskNames()).isEmpty();
    }

    @Test
    void sessionsAreOnlyForTechTouchCustomersAndValidQuestions() {
        TestCustomers.TestCustomer lowTouch = TestCustomers.active(signUps, customers, "Has A Csm Ltd", "low-touch", "amy");
        TestCustomers.TestCustomer techTouch = TestCustomers.active(signUps, customers, "Terse Ltd", "tech-touch", null);

        Http.Response refused = book(lowTouch.customerId(), "{\"question\": \"Help\"}");
        assertProblem(refused, 422);
        assertThat(refused.json().get("detail").asText()).contains("tech-touch");
        assertProblem(book(techTouch.customerId(), "{\"question\": \"\"}"), 400);
        assertProblem(book(techTouch.customerId(), "{\"question\": \"" + "x".repeat(2001) + "\"}"), 400);
        assertProblem(book(UUID.randomUUID().toString(), "{\"question\": \"Help\"}"), 404);
        assertThat(Http.as("chris", port).postJson("/api/customers/" + techTouch.customerId() + "/one-to-many-sessions",
                "{\"question\": \"Help\"}").status()).isEqualTo(403);
        assertThat(sessionCount(lowTouch.customerId()) + sessionCount(techTouch.customerId())).isZero();
    }

    @Test
    void registrationsFillAnExpertWebinarUpToItsCap() {
        String webinarId = planExpertWebinarWithOneSeat();
        TestCustomers.TestCustomer first = TestCustomers.active(signUps, customers, "Early Bird Ltd", "tech-touch", null);
        TestCustomers.TestCustomer late = TestCustomers.active(signUps, customers, "Late Comer Ltd", "tech-touch", null);
        assertThat(seatsLeft(webinarId)).isEqualTo(1);

        Http.Response registered = register(webinarId, first.customerId(), "ann@early.example");
        Http.Response repeated = register(webinarId, first.customerId(), "ANN@early.example");
        Http.Response full = register(webinarId, late.customerId(), "bob@late.example");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(repeated.status()).as("the same e-mail again is the same registration").isEqualTo(200);
        assertThat(repeated.json().get("registrationId").asText()).isEqualTo(registered.json().get("registrationId").asText());
        assertProblem(full, 409);
        assertThat(full.json().get("detail").asText()).contains("full");
        assertThat(seatsLeft(webinarId)).isZero();
        assertProblem(register(webinarId, UUID.randomUUID().toString(), "x@example.com"), 422);
        assertProblem(register(UUID.randomUUID().toString(), first.customerId(), "y@example.com"), 404);
        assertProblem(Http.as("website", port).postJson("/api/webinars/" + webinarId + "/registrations",
                "{\"customerId\": \"" + first.customerId() + "\", \"name\": \"Ann\", \"email\": \"not-an-email\"}"), 400);
    }

    @Test
    void onlyCsmsPlanWebinars() {
        assertThat(Http.as("amy", port).postJson("/engine-rest/process-definition/key/webinar/start", "{}").status())
                .isEqualTo(403);
        assertThat(Http.as("website", port).postJson("/engine-rest/process-definition/key/webinar/start", "{}").status())
                .as("integrations start journeys through /api only").isEqualTo(403);
    }

    /** As Tasklist would: chris starts a webinar and completes the planning form. */
    private String planExpertWebinarWithOneSeat() {
        Http chris = Http.as("chris", port);
        JsonNode started = chris.postJson("/engine-rest/process-definition/key/webinar/start", "{}").json();
        String processInstanceId = started.get("id").asText();
        String taskId = chris.get("/engine-rest/task?processInstanceId=" + processInstanceId).json().get(0).get("id").asText();
        String startsAt = ZonedDateTime.now().plusDays(14).withNano(0).toOffsetDateTime().toString();
        Http.Response planned = chris.postJson("/engine-rest/task/" + taskId + "/submit-form", """
                {"variables": {"topic": {"value": "Expert session: automation"}, "kind": {"value": "expert"},
                 "participantCap": {"value": 1}, "startsAt": {"value": "%s"}}}""".formatted(startsAt));
        assertThat(planned.status()).as(planned.body()).isEqualTo(204);
        return jdbc.sql("SELECT id FROM webinar WHERE process_instance_id = :pi").param("pi", processInstanceId)
                .query(String.class).single();
    }

    private Integer seatsLeft(String webinarId) {
        for (JsonNode webinar : Http.as("chris", port).get("/api/webinars").json()) {
            if (webinar.get("webinarId").asText().equals(webinarId)) {
                return webinar.get("seatsLeft").asInt();
            }
        }
        throw new AssertionError("webinar " + webinarId + " not listed as upcoming");
    }

    private Http.Response book(String customerId, String body) {
        return Http.as("website", port).postJson("/api/customers/" + customerId + "/one-to-many-sessions", body);
    }

    private Http.Response register(String webinarId, String customerId, String email) {
        return Http.as("website", port).postJson("/api/webinars/" + webinarId + "/registrations",
                "{\"customerId\": \"" + customerId + "\", \"name\": \"Participant\", \"email\": \"" + email + "\"}");
    }

    private long sessionCount(String customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM one_to_many_session WHERE customer_id = :id").param("id", customerId)
                .query(Long.class).single();
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
