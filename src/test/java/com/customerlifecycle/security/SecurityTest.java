package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody gets in without logging in; each role sees its own work; the known Camunda 7.24 holes are closed. */
@DemoApplicationTest
class SecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment",
            "/api/leads/any", "/actuator/metrics", "/v3/api-docs", "/swagger-ui.html", "/anything-else",
            "/camunda/api/engine/engine/default/task", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"})
    void anonymousRequestsAreUnauthorized(String path) {
        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
    }

    @Test
    void anonymousSignUpIsUnauthorizedProblem() {
        Http.Response response = Http.anonymous(port).postJson("/api/trials", "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void loginPageAndHealthArePublicButComponentsAreForAdmins() {
        assertThat(Http.anonymous(port).get("/camunda/app/tasklist/default/").status()).isEqualTo(200);

        JsonNode publicHealth = Http.anonymous(port).get("/actuator/health").json();
        assertThat(publicHealth.get("status").asText()).isEqualTo("UP");
        assertThat(publicHealth.has("components")).isFalse();

        JsonNode adminHealth = Http.as("admin", port).get("/actuator/health").json();
        assertThat(adminHealth.get("components").has("processEngine")).isTrue();
        // The job executor's component shows as well where the job executor runs (not in these tests).
        assertThat(Http.as("admin", port).get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(Http.as("sara", port).get("/actuator/metrics").status()).isEqualTo(403);
    }

    @Test
    void eachRoleSeesAndWorksOnlyItsOwnTasks() {
        String leadId = signUp();
        String taskQuery = "/engine-rest/task?processInstanceBusinessKey=" + leadId;

        JsonNode sdrTasks = Http.as("sara", port).get(taskQuery).json();
        assertThat(sdrTasks).hasSize(1);
        String taskId = sdrTasks.get(0).get("id").asText();
        assertThat(Http.as("chris", port).get(taskQuery).json()).isEmpty();
        assertThat(Http.as("pat", port).get(taskQuery).json()).isEmpty();
        assertThat(Http.as("website", port).get(taskQuery).json()).isEmpty();
        assertThat(Http.as("website", port).get("/engine-rest/task/" + taskId).status())
                .as("an integration does not even learn that the task exists").isEqualTo(404);
        assertThat(Http.as("chris", port).postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"chris\"}")
                .status()).isEqualTo(403);

        assertThat(Http.as("sara", port).get("/engine-rest/task/" + taskId + "/deployed-form").status()).isEqualTo(200);
        assertThat(Http.as("sara", port).postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"sara\"}")
                .status()).isEqualTo(204);
        Http.Response badOutcome = Http.as("sara", port).postJson("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\": {\"contactOutcome\": {\"value\": \"maybe\"}}}");
        assertThat(badOutcome.status()).as(badOutcome.toString()).isEqualTo(400);
        assertThat(badOutcome.body()).contains("contactOutcome");
        assertThat(Http.as("sara", port).postJson("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\": {\"contactOutcome\": {\"value\": \"reached\"}}}").status()).isEqualTo(204);
        assertThat(Http.as("sara", port).get(taskQuery).json().get(0).get("taskDefinitionKey").asText())
                .isEqualTo("Task_QualifyLead");
    }

    @Test
    void eachRoleHasItsOwnTasklistQueue() {
        assertThat(filterNames("sara")).containsExactly("SDR queue");
        assertThat(filterNames("chris")).containsExactly("CSM queue");
        assertThat(filterNames("pat")).containsExactlyInAnyOrder("AM queue", "CSM queue", "Renewal queue");
        assertThat(filterNames("website")).isEmpty();
    }

    @Test
    void storedQueueListsTheRolesTasksSortedByDueDate() {
        String leadId = signUp();
        String filterId = Http.as("sara", port).get("/engine-rest/filter").json().get(0).get("id").asText();

        JsonNode queue = Http.as("sara", port).postJson("/engine-rest/filter/" + filterId + "/list?maxResults=1000", "{}").json();

        assertThat(queue.findValuesAsText("processInstanceId")).contains(leadQualificationOf(leadId));
        assertThat(queue.findValuesAsText("due").stream().filter(due -> !"null".equals(due)).toList()).isSorted();
        assertThat(Http.as("chris", port).postJson("/engine-rest/filter/" + filterId + "/list", "{}").status())
                .isEqualTo(403);
    }

    /**
     * Every webapp login page asks for {@code /camunda-welcome} in the background. A Basic challenge there made Chromium
     * open its sign-in dialog over the login page, which then took no typing or clicks (see {@code WebappLoginBrowserTest}).
     */
    @Test
    void loginPagesBackgroundRequestGetsNoBasicChallenge() {
        Http.Response welcome = Http.anonymous(port).get("/camunda-welcome");

        assertThat(welcome.status()).isEqualTo(404);
        assertThat(welcome.header("WWW-Authenticate")).isNull();
    }

    @Test
    void adminSetupIsAlwaysClosed() {
        String path = "/camunda/api/admin/setup/default/user/create";
        String newAdmin = "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}";

        assertThat(Http.anonymous(port).postJson(path, newAdmin).status()).isEqualTo(403);
        assertThat(Http.as("admin", port).postJson(path, newAdmin).status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get(path).status()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void configuredAdministratorIsDirectMemberOfCamundaAdmin() {
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"assigneeExpression\": \"${currentUser()}\"}",
            "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}",
            "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\", \"candidateGroup\": \"sdr\"}]}"})
    void expressionsInAdHocTaskQueriesAreRejected(String query) {
        Http sara = Http.as("sara", port);
        String filterId = sara.get("/engine-rest/filter").json().get(0).get("id").asText();

        assertThat(sara.postJson("/engine-rest/task", query).status()).isEqualTo(400);
        assertThat(sara.postJson("/engine-rest/task/count", query).status()).isEqualTo(400);
        assertThat(sara.postJson("/engine-rest/filter/" + filterId + "/list", query).status()).isEqualTo(400);
        assertThat(sara.postJson("/engine-rest/engine/default/task", query).status()).isEqualTo(400);
    }

    @Test
    void expressionInQueryParameterIsRejected() {
        String expression = URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8);

        assertThat(Http.as("sara", port).get("/engine-rest/task?assigneeExpression=" + expression).status()).isEqualTo(400);
    }

    @Test
    void webappApiRejectsExpressionsButStoredFiltersWork() {
        String leadId = signUp();
        Http tasklist = Http.anonymous(port);
        String csrf = tasklist.get("/camunda/app/tasklist/default/").header("X-XSRF-TOKEN");
        csrf = csrf != null ? csrf : tasklist.get("/camunda/api/engine/engine/", "X-XSRF-TOKEN", "Fetch").header("X-XSRF-TOKEN");
        assertThat(tasklist.postForm("/camunda/api/admin/auth/user/default/login/tasklist", "username=sara&password=demo",
                "X-XSRF-TOKEN", csrf).status()).isEqualTo(200);
        csrf = tasklist.get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN");
        String filterId = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task").json().get(0)
                .get("id").asText();

        Http.Response queue = tasklist.postJson("/camunda/api/engine/engine/default/filter/" + filterId + "/list", "{}",
                "X-XSRF-TOKEN", csrf);
        Http.Response adHoc = tasklist.postJson("/camunda/api/engine/engine/default/task",
                "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}", "X-XSRF-TOKEN", csrf);

        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.json().findValuesAsText("processInstanceId")).contains(leadQualificationOf(leadId));
        assertThat(adHoc.status()).as(adHoc.toString()).isEqualTo(400);
    }

    @Test
    void onlyProcessOwnersAndAdminsDeploy() throws Exception {
        byte[] bpmn = Files.readAllBytes(Path.of("processes/lead-qualification.bpmn"));

        assertThat(Http.as("sara", port).deploy("from-modeler", "lead-qualification.bpmn", bpmn).status()).isEqualTo(403);
        assertThat(Http.as("website", port).deploy("from-modeler", "lead-qualification.bpmn", bpmn).status()).isEqualTo(403);
        assertThat(Http.as("olivia", port).deploy("from-modeler", "lead-qualification.bpmn", bpmn).status()).isEqualTo(200);
    }

    @Test
    void integrationsStartAndCorrelateButReadNoTasks() {
        Http website = Http.as("website", port);
        assertThat(website.get("/engine-rest/task").json()).isEmpty();
        assertThat(website.get("/engine-rest/process-instance").json()).isEmpty();
        Http.Response correlation = website.postJson("/engine-rest/message", "{\"messageName\": \"NoSuchMessage\"}");
        assertThat(correlation.status()).as("allowed, but nothing waits for this message").isEqualTo(400);
    }

    @Test
    void javaSerializationOfVariablesIsOff() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    }

    private List<String> filterNames(String user) {
        List<String> names = new ArrayList<>();
        Http.as(user, port).get("/engine-rest/filter").json().forEach(filter -> names.add(filter.get("name").asText()));
        return names;
    }

    /** A new trial; its journey's business key is the lead id. */
    private String signUp() {
        return Http.as("website", port).postJson("/api/trials", """
                {"company": "Security Check Ltd", "contactName": "Jo", "email": "%s@example.com"}""".formatted(UUID.randomUUID()))
                .json().get("leadId").asText();
    }

    private String leadQualificationOf(String leadId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(LeadProcess.KEY)
                .processInstanceBusinessKey(leadId).singleResult().getId();
    }
}
