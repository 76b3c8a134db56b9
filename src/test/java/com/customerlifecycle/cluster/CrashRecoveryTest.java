package com.customerlifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.PackagedApplication;
import com.customerlifecycle.testing.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packaged application as its own JVM on PostgreSQL, killed with SIGKILL while sign-ups arrive, then restarted:
 * every sign-up that got a 2xx exists exactly once with its journey, nothing is half-written, timers created before the
 * crash fire after it, and the client's retries of unanswered requests create no duplicates. Runs in the
 * {@code verify} phase, after packaging.
 */
@EnabledIfSystemProperty(named = "clo.test.database", matches = "postgres")
class CrashRecoveryTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String website = Http.demoAuthorization("website");
    private final String admin = Http.demoAuthorization("admin");

    @Test
    void killedMidLoadTheApplicationLosesAndDuplicatesNothing() throws Exception {
        String database = TestDatabase.freshPostgresDatabase();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> unanswered = new ArrayList<>();
        int sent = 0;

        List<String> overdueLeads = new ArrayList<>();
        // first life without a job executor: the timers it creates can only fire in the next life
        PackagedApplication app = start(database, false);
        String base = app.baseUrl();
        try {
            app.awaitHealthy();
            for (int i = 0; i < 5; i++) {
                String email = "due-" + i + "@example.com";
                String leadId = signUpLead(base, email);
                acknowledged.add(email);
                makeContactDeadlinePass(base, leadId);
                overdueLeads.add(leadId);
            }
            Instant killAt = Instant.now().plusSeconds(4);
            while (Instant.now().isBefore(killAt.plusSeconds(1))) {
                if (app.isAlive() && Instant.now().isAfter(killAt)) {
                    app.kill();
                }
                String email = "crash-" + sent++ + "@example.com";
                int status = signUp(base, email);
                if (status == 200 || status == 201) {
                    acknowledged.add(email);
                } else {
                    unanswered.add(email);
                }
                Thread.sleep(10); // the client's send rate, about 50 sign-ups a second
            }
        } finally {
            app.kill();
        }
        assertThat(unanswered).as("requests sent after the kill go unanswered").isNotEmpty();

        PackagedApplication restarted = start(database, true);
        String restartedBase = restarted.baseUrl();
        try {
            restarted.awaitHealthy();
            for (String email : unanswered) {
                int status = signUp(restartedBase, email);
                assertThat(status).as("retry of %s", email).isIn(200, 201);
                acknowledged.add(email);
            }
            for (String email : List.copyOf(acknowledged).subList(0, Math.min(20, acknowledged.size()))) {
                assertThat(signUp(restartedBase, email)).as("second retry of %s", email).isEqualTo(200);
            }
            // the contact deadlines that passed before the crash are escalated by the restarted job executor
            try (Connection db = DriverManager.getConnection(database, "postgres", "")) {
                await("timers created before the crash fire after it").atMost(Duration.ofSeconds(60))
                        .until(() -> count(db, overdueEscalated(overdueLeads)) == overdueLeads.size());
            }
        } finally {
            restarted.kill();
        }

        try (Connection db = DriverManager.getConnection(database, "postgres", "")) {
            System.out.printf("crash: %d sign-ups sent, %d acknowledged before the kill or on retry, %d unanswered then retried%n",
                    sent + overdueLeads.size(), acknowledged.size(), unanswered.size());
            for (String email : acknowledged) {
                assertThat(count(db, "SELECT COUNT(*) FROM lead WHERE email = '" + email + "'")).as(email).isEqualTo(1);
            }
            assertThat(count(db, "SELECT COUNT(*) FROM lead WHERE process_instance_id IS NULL")).as("half-written leads").isZero();
            assertThat(count(db, """
                    SELECT COUNT(*) FROM lead l WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e
                    WHERE e.PROC_INST_ID_ = l.process_instance_id AND e.BUSINESS_KEY_ = l.id)""")).as("leads without journey").isZero();
            assertThat(count(db, """
                    SELECT COUNT(*) FROM lead l WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_JOB j
                    JOIN ACT_RU_EXECUTION e ON e.ID_ = j.EXECUTION_ID_ WHERE e.BUSINESS_KEY_ = l.id AND j.TYPE_ = 'timer')"""))
                    .as("leads whose timers were lost").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM lead")).isEqualTo(acknowledged.size());
        }
    }

    private static String overdueEscalated(List<String> leadIds) {
        return "SELECT COUNT(*) FROM lead WHERE contact_overdue_at IS NOT NULL AND id IN ('" + String.join("','", leadIds) + "')";
    }

    private String signUpLead(String base, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/trials"))
                .header("Authorization", website).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"company\": \"Due Ltd\", \"contactName\": \"Di\", \"email\": \"" + email + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("leadId").asText();
    }

    /** As an administrator would in Cockpit: the lead's contact deadline is moved into the past. */
    private void makeContactDeadlinePass(String baseUrl, String leadId) throws IOException, InterruptedException {
        String base = baseUrl + "/engine-rest";
        String qualification = JSON.readTree(adminGet(base + "/process-instance?processDefinitionKey=lead-qualification&businessKey="
                + leadId)).get(0).get("id").asText();
        String job = JSON.readTree(adminGet(base + "/job?processInstanceId=" + qualification
                + "&activityId=BoundaryEvent_ContactOverdue")).get(0).get("id").asText();
        HttpResponse<String> moved = client.send(HttpRequest.newBuilder(URI.create(base + "/job/" + job + "/duedate"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
    }

    private String adminGet(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", admin).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int signUp(String base, String email) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/trials"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", website)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"company\": \"Crash Test Ltd\", \"contactName\": \"Cy\", \"email\": \"" + email + "\"}"))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The restarted application gets a new port: a client cannot tell that from a restart behind a load balancer. */
    private static PackagedApplication start(String database, boolean jobExecutor) {
        return PackagedApplication.start(Path.of("target/crash-recovery-app.log"), List.of(),
                "--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--camunda.bpm.job-execution.enabled=" + jobExecutor, "--logging.level.root=WARN");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
