package com.customerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.identity.TechnicalGroups;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager ({@code maria}) reads Cockpit — its start page with the KPI dashboard — and changes nothing: no process
 * started, suspended, modified or deleted, no variable set, no task claimed or completed, nothing deployed, neither
 * over {@code /engine-rest} nor through Cockpit's own API.
 */
@DemoApplicationTest
class ManagerAuthorizationTest {

    private static final String MANAGER = "maria";

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void theManagerUsesCockpitOnlyAndReadsTheDashboardApis() {
        assertThat(login(MANAGER, "cockpit").status()).isEqualTo(200);
        assertThat(login(MANAGER, "tasklist").status()).isEqualTo(403);
        assertThat(login(MANAGER, "admin").status()).isEqualTo(403);
        assertThat(Http.as(MANAGER, port).get("/api/forecast").status()).isEqualTo(200);
        assertThat(Http.as(MANAGER, port).get("/api/kpis").status()).isEqualTo(200);
    }

    @Test
    void theDashboardReadsTheApiWithTheCockpitLoginAndLeavesTheSessionAsItIs() {
        Http cockpit = login(MANAGER, "cockpit").client();
        for (String path : List.of("/api/kpis", "/api/forecast?weeks=13")) {
            Http.Response read = cockpit.get(path, "X-Requested-With", "XMLHttpRequest");

            assertThat(read.status()).as(path).isEqualTo(200);
            assertThat(read.header("Set-Cookie")).as("%s: no new session id, so Cockpit's own requests sent at the same "
                    + "time keep their login", path).isNull();
        }
    }

    @Test
    void theManagerReadsWhatCockpitsStartPageCounts() {
        ProcessInstance care = startCare("Manager Reads Ltd");
        for (String count : List.of("/engine-rest/process-definition/count", "/engine-rest/process-instance/count",
                "/engine-rest/task/count", "/engine-rest/deployment/count", "/engine-rest/decision-definition/count",
                "/engine-rest/incident/count")) {
            assertThat(count(MANAGER, count)).as(count).isEqualTo(count("admin", count));
        }
        assertThat(count(MANAGER, "/engine-rest/process-instance/count?processInstanceIds=" + care.getId())).isEqualTo(1);
        assertThat(count(MANAGER, "/engine-rest/task/count?processInstanceId=" + care.getId())).isEqualTo(1);
    }

    @Test
    void theManagerChangesNothing() {
        ProcessInstance care = startCare("Manager Hands Off Ltd");
        Task task = taskService.createTaskQuery().processInstanceId(care.getId()).singleResult();
        Http maria = Http.as(MANAGER, port);
        String instance = "/engine-rest/process-instance/" + care.getId();

        assertThat(maria.postJson("/engine-rest/process-definition/key/" + SuccessProcess.KEY + "/start", "{}").status())
                .as("start").isEqualTo(403);
        assertThat(maria.putJson(instance + "/suspended", "{\"suspended\": true}").status()).as("suspend").isEqualTo(403);
        assertThat(maria.putJson("/engine-rest/process-definition/key/" + SuccessProcess.KEY + "/suspended",
                "{\"suspended\": true, \"includeProcessInstances\": true}").status()).as("suspend the process").isEqualTo(403);
        assertThat(maria.putJson(instance + "/variables/touchTier", "{\"value\": \"tech-touch\", \"type\": \"String\"}")
                .status()).as("set a variable").isEqualTo(403);
        assertThat(maria.postJson(instance + "/modification",
                "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + task.getTaskDefinitionKey() + "\"}]}")
                .status()).as("modify").isEqualTo(403);
        assertThat(maria.delete(instance).status()).as("delete").isEqualTo(403);
        assertThat(maria.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"maria\"}").status())
                .as("claim").isEqualTo(403);
        assertThat(maria.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}").status())
                .as("complete").isEqualTo(403);
        assertThat(maria.deploy("from the manager", "note.bpmn", "<definitions/>".getBytes()).status())
                .as("deploy").isEqualTo(403);

        Http cockpit = login(MANAGER, "cockpit").client();
        String csrf = cockpit.get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN");
        assertThat(cockpit.putJson("/camunda/api/engine/engine/default/process-instance/" + care.getId() + "/suspended",
                "{\"suspended\": true}", "X-XSRF-TOKEN", csrf).status()).as("suspend from Cockpit").isEqualTo(403);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(care.getId()).active().count())
                .as("still running, not suspended").isEqualTo(1);
        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(runtimeService.getVariable(care.getId(), "touchTier")).isEqualTo("high-touch");
    }

    @Test
    void theManagersGrantsAreCockpitAccessAndReadingOnly() {
        List<Authorization> grants = authorizationService.createAuthorizationQuery()
                .groupIdIn(TechnicalGroups.MANAGER).list();
        assertThat(grants).isNotEmpty();
        for (Authorization grant : grants) {
            Permission[] possible = ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType());
            List<String> granted = Arrays.stream(grant.getPermissions(possible)).map(Permission::getName)
                    .filter(name -> !name.equals("NONE")).toList();
            assertThat(granted).as("permissions on resource type %s", grant.getResourceType())
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("READ") || name.equals("ACCESS"), "reading or access only");
            if (grant.getResourceType() == Resources.APPLICATION.resourceType()) {
                assertThat(grant.getResourceId()).as("the only webapp").isEqualTo("cockpit");
            }
        }
    }

    private ProcessInstance startCare(String company) {
        return TestCustomers.inCustomerSuccess(signUps, customers, runtimeService, company, "high-touch");
    }

    private long count(String user, String path) {
        Http.Response response = Http.as(user, port).get(path);
        assertThat(response.status()).as("%s as %s", path, user).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    private record WebappLogin(Http client, int status) {
    }

    private WebappLogin login(String user, String app) {
        Http browser = Http.anonymous(port);
        String csrf = browser.get("/camunda/app/cockpit/default/").header("X-XSRF-TOKEN");
        int status = browser.postForm("/camunda/api/admin/auth/user/default/login/" + app,
                "username=" + user + "&password=demo", "X-XSRF-TOKEN", csrf).status();
        return new WebappLogin(browser, status);
    }
}
