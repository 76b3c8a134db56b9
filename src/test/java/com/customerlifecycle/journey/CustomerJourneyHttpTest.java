package com.customerlifecycle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.sales.SalesProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journey as its users live it, over HTTP only: the website signs a trial up, each role works its tasks through
 * {@code /engine-rest} with its own login, and at every step the next task is visible to the right group only.
 */
@DemoApplicationTest
class CustomerJourneyHttpTest {

    private static final List<String> ROLE_USERS = List.of("sara", "alex", "dave", "chris", "amy", "sam", "rita", "website");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private String leadId;

    @Test
    void trialToOnboardedCustomerAsTheUsersWouldDoIt() throws Exception {
        Http.Response signUp = Http.as("website", port).postJson("/api/trials", """
                {"company": "Endtoend GmbH", "contactName": "Erik End", "email": "%s@endtoend.example", "employees": 80}"""
                .formatted(UUID.randomUUID()));
        assertThat(signUp.status()).isEqualTo(201);
        leadId = signUp.json().get("leadId").asText();

        work("sara", "Contact Endtoend GmbH", Map.of("contactOutcome", "reached", "contactNotes", "Wants a demo"));
        work("sara", "Qualify Endtoend GmbH", Map.of("qualified", true));
        work("alex", "Run discovery call with Endtoend GmbH",
                Map.of("needsSummary", "Sync with their ERP", "complexNeeds", true, "involveCsm", false));
        work("dave", "Assess custom solution for Endtoend GmbH",
                Map.of("solutionFeasible", true, "solutionNotes", "ERP connector exists"));
        work("alex", "Demo to decision makers at Endtoend GmbH", Map.of("recommendedPlan", "professional"));
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("plan", "professional");
        proposal.put("seats", 40);
        proposal.put("termYears", 1);
        proposal.put("annualValue", 30000.0);
        proposal.put("implementationPurchased", true);
        proposal.put("strategicAccount", false);
        proposal.put("subscriptionOwnerName", "Erik End");
        proposal.put("subscriptionOwnerEmail", "erik@endtoend.example");
        work("alex", "Prepare proposal for Endtoend GmbH", proposal);
        work("alex", "Negotiate and close with Endtoend GmbH", Map.of("dealOutcome", "won"));

        runJobAsAdmin(SalesProcess.KEY, SalesProcess.Tasks.CREATE_CUSTOMER_AND_CONTRACT);

        work("amy", "Welcome Endtoend GmbH as their account manager", Map.of("welcomeDone", true));
        assertThat(namesOfTasksVisibleTo("dave")).containsExactlyInAnyOrder(
                "Run product training for Endtoend GmbH", "Customize product for Endtoend GmbH");
        work("dave", "Run product training for Endtoend GmbH", Map.of("trainingNotes", "Admins trained"));
        work("dave", "Customize product for Endtoend GmbH", Map.of("customizationNotes", "ERP sync on"));
        work("dave", "Agree initial usage plan with Endtoend GmbH", Map.of("usagePlan", "Sales team daily from week 2"));

        JsonNode lead = Http.as("alex", port).get("/api/leads/" + leadId).json();
        assertThat(lead.get("status").asText()).isEqualTo("qualified");
        assertThat(lead.get("opportunity").get("outcome").asText()).isEqualTo("won");
        String customerId = lead.get("opportunity").get("customerId").asText();
        JsonNode customer = Http.as("amy", port).get("/api/customers/" + customerId).json();
        assertThat(customer.get("company").asText()).isEqualTo("Endtoend GmbH");
        assertThat(customer.get("status").asText()).isEqualTo("active");
        assertThat(customer.get("touchTier").asText()).isEqualTo("low-touch");
        assertThat(customer.get("accountManager").asText()).isEqualTo("amy");
        assertThat(customer.get("contracts")).hasSize(1);
        assertThat(customer.get("contracts").get(0).get("seats").asInt()).isEqualTo(40);
        assertThat(customer.get("contracts").get(0).get("implementationPurchased").asBoolean()).isTrue();
        assertThat(ROLE_USERS).allSatisfy(user -> assertThat(namesOfTasksVisibleTo(user)).isEmpty());
        assertThat(Http.as("sara", port).get("/api/customers/" + customerId).status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/api/customers/" + customerId).status()).isEqualTo(401);
        assertThat(Http.as("amy", port).get("/api/customers/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /** Checks the task is visible to the user's group only (the listed users share no group), then claims and completes it. */
    private void work(String user, String taskName, Map<String, Object> variables) throws Exception {
        for (String other : ROLE_USERS) {
            List<String> visible = namesOfTasksVisibleTo(other);
            if (other.equals(user)) {
                assertThat(visible).as("tasks of %s", user).contains(taskName);
            } else {
                assertThat(visible).as("%s must not see %s", other, taskName).doesNotContain(taskName);
            }
        }
        Http http = Http.as(user, port);
        String taskId = null;
        for (JsonNode task : http.get(tasksPath()).json()) {
            if (task.get("name").asText().equals(taskName)) {
                taskId = task.get("id").asText();
            }
        }
        assertThat(http.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}").status())
                .isEqualTo(204);
        Map<String, Object> body = Map.of("variables", toCamundaVariables(variables));
        Http.Response completed = http.postJson("/engine-rest/task/" + taskId + "/submit-form", JSON.writeValueAsString(body));
        assertThat(completed.status()).as("%s completes %s: %s", user, taskName, completed.body()).isEqualTo(204);
    }

    private List<String> namesOfTasksVisibleTo(String user) {
        List<String> names = new ArrayList<>();
        Http.as(user, port).get(tasksPath()).json().forEach(task -> names.add(task.get("name").asText()));
        return names;
    }

    private String tasksPath() {
        return "/engine-rest/task?processInstanceBusinessKey=" + leadId;
    }

    private void runJobAsAdmin(String processDefinitionKey, String activityId) {
        Http admin = Http.as("admin", port);
        JsonNode instance = admin.get("/engine-rest/process-instance?processDefinitionKey=" + processDefinitionKey
                + "&businessKey=" + leadId).json().get(0);
        JsonNode job = admin.get("/engine-rest/job?processInstanceId=" + instance.get("id").asText()
                + "&activityId=" + activityId).json().get(0);
        assertThat(admin.postJson("/engine-rest/job/" + job.get("id").asText() + "/execute", "").status()).isEqualTo(204);
    }

    private static Map<String, Object> toCamundaVariables(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return typed;
    }
}
