package com.customerlifecycle.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.success.SuccessProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The migration API as process owners, other roles, outside systems and Cockpit's Migration tab call it. */
@DemoApplicationTest
class MigrationApiTest {

    private static final String KEY = SuccessProcess.KEY;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

    private Http olivia;
    private Date testStarted;
    private int sourceVersion;
    private final List<ProcessInstance> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        olivia = Http.as("olivia", port);
        testStarted = new Date();
        new ProcessDriver(processEngine).deleteRunningInstances(KEY);
        sourceVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getVersion();
    }

    @AfterEach
    void removeTheChangedVersions() {
        repositoryService.createDeploymentQuery().deploymentName("customer-success from Modeler").list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
        started.forEach(instance -> {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test over");
            }
        });
    }

    @Test
    void processOwnerSeesVersionsRunsADryRunAndMigrates() {
        startCare("Api Plan AG", "high-touch");
        startCare("Api Budget Ltd", "low-touch");
        deployChangedVersion();
        int target = sourceVersion + 1;

        JsonNode all = olivia.get("/api/process-versions").json();
        JsonNode success = find(all, KEY);
        assertThat(success.get("name").asText()).isEqualTo("Customer success");
        assertThat(success.get("latestVersion").asInt()).isEqualTo(target);
        assertThat(success.get("versions").get(0).get("version").asInt()).as("newest first").isEqualTo(target);
        assertThat(success.get("versions").get(0).get("deploymentName").asText()).isEqualTo("customer-success from Modeler");
        assertThat(success.get("versions").get(0).get("deployedAt").asText()).isNotBlank();
        assertThat(success.get("versions").get(1).get("runningInstances").asLong()).isEqualTo(2);
        assertThat(success.get("versions").get(1).has("activityCounts")).as("only for one key").isFalse();

        JsonNode one = olivia.get("/api/process-versions/" + KEY).json();
        JsonNode older = one.get("versions").get(1);
        assertThat(older.get("version").asInt()).isEqualTo(sourceVersion);
        assertThat(older.get("activityCounts").get("Task_DefineSuccessPlan").asLong()).isEqualTo(1);
        assertThat(older.get("activityCounts").get("Timer_CheckInDue").asLong()).isEqualTo(1);

        Http.Response dryRun = olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "sourceVersion": %d, "targetVersion": %d, "mappings": {}}"""
                .formatted(sourceVersion, target));
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().get("processKey").asText()).isEqualTo(KEY);
        assertThat(dryRun.json().get("targetVersion").asInt()).isEqualTo(target);
        assertThat(dryRun.json().get("instances").toString()).isEqualTo("{\"total\":2,\"migratable\":2,\"blocked\":0}");
        assertThat(dryRun.json().get("instructions").findValuesAsText("source")).contains("Task_DefineSuccessPlan");
        assertThat(runningOn(target)).as("a dry run (the default) moves nothing").isZero();

        Http.Response migration = olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": false, "variables": {"successPlanShared": false}}""");
        assertThat(migration.status()).as(migration.toString()).isEqualTo(202);
        String migrationId = migration.json().get("migrationId").asText();
        assertThat(migration.header("Location")).isEqualTo("/api/migrations/" + migrationId);
        assertThat(migration.json().get("instances").get("migratable").asInt()).isEqualTo(2);
        JsonNode running = olivia.get("/api/migrations/" + migrationId).json();
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("total").asInt()).isEqualTo(2);

        new ProcessDriver(processEngine).runBatches();

        JsonNode done = olivia.get("/api/migrations/" + migrationId).json();
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.get("migrated").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("failures")).isEmpty();
        assertThat(runningOn(target)).isEqualTo(2);
        assertThat(historyService.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
                .processDefinitionKey(KEY).userId("olivia").afterTimestamp(testStarted).count()).isPositive();
        assertThat(Http.as("admin", port).get("/api/migrations/" + migrationId).status()).isEqualTo(200);
    }

    @Test
    void onlyProcessOwnersAndAdministratorsSeeAndMigrate() {
        String dryRun = "{\"processKey\": \"customer-success\"}";
        for (String user : List.of("sara", "amy", "chris", "rita", "website")) {
            assertThat(Http.as(user, port).get("/api/process-versions").status()).as(user).isEqualTo(403);
            assertThat(Http.as(user, port).get("/api/process-versions/" + KEY).status()).as(user).isEqualTo(403);
            assertThat(Http.as(user, port).postJson("/api/migrations", dryRun).status()).as(user).isEqualTo(403);
        }
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/api/process-versions").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/migrations", dryRun).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/migrations/x").status()).isEqualTo(401);
        assertThat(Http.as("admin", port).get("/api/process-versions").status()).isEqualTo(200);
        assertThat(Http.as("admin", port).postJson("/api/migrations", dryRun).status()).isEqualTo(200);

        // and in the engine itself, only process owners and administrators may migrate or create migration batches
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        IdentityService identity = processEngine.getIdentityService();
        for (String user : List.of("sara", "alex", "sam", "amy", "dave", "chris", "rita", "website", "olivia", "admin")) {
            List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            boolean owner = user.equals("olivia") || user.equals("admin");
            assertThat(authorizations.isUserAuthorized(user, groups, ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                    Resources.PROCESS_DEFINITION, KEY)).as("%s may migrate", user).isEqualTo(owner);
            assertThat(authorizations.isUserAuthorized(user, groups, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                    Resources.BATCH)).as("%s may create migration batches", user).isEqualTo(owner);
        }
    }

    @Test
    void badRequestsGetAProblemNamingWhatIsWrongAndMoveNothing() {
        startCare("Api Untouched Ltd", "low-touch");
        deployChangedVersion();
        int target = sourceVersion + 1;

        assertProblem(olivia.postJson("/api/migrations", "{\"processKey\": \"no-such-process\"}"), 404, "no-such-process");
        assertProblem(olivia.get("/api/process-versions/no-such-process"), 404, "no-such-process");
        assertProblem(olivia.get("/api/migrations/no-such-migration"), 404, "no-such-migration");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "sourceVersion": %d, "targetVersion": %d}""".formatted(target, sourceVersion)),
                400, "newer");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "targetVersion": 999}"""), 400, "Version 999");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": false, "mappings": {"Task_Nowhere": "Task_DefineSuccessPlan"}}"""),
                400, "Task_Nowhere");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": false, "mappings": {"Task_DefineSuccessPlan": "Task_Gone"}}"""),
                400, "Task_Gone");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": false, "mappings": {"Task_DefineSuccessPlan": "Timer_CheckInDue"}}"""),
                400, "Task_DefineSuccessPlan");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": false, "variables": {"note": {"nested": true}}}"""),
                400, "variables.note");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "sourceVersion": "one"}"""), 400, "sourceVersion");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": "false"}"""), 400, "dryRun");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "force": true}"""), 400, "force");
        assertProblem(olivia.postJson("/api/migrations", "{\"processKey\": \"${evil}\"}"), 400, "processKey");
        assertProblem(olivia.postJson("/api/migrations", "{}"), 400, "processKey");
        assertProblem(olivia.postJson("/api/migrations", """
                {"processKey": "customer-success", "dryRun": false, "variables": {"company": "Everyone GmbH"}}"""),
                400, "variables.company");
        assertThat(olivia.postJson("/api/migrations", "{\"processKey\": \"customer-success\", \"targetVersion\": 999}")
                .json().get("errors").get(0).get("field").asText()).isEqualTo("targetVersion");

        assertThat(runningOn(target)).isZero();
        assertThat(processEngine.getManagementService().createBatchQuery().count()).isZero();
    }

    @Test
    void theEnginesOwnAuthorizationStillDecides() {
        startCare("Api Revoked Ltd", "low-touch");
        deployChangedVersion();
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("olivia");
        revoke.setResource(Resources.PROCESS_DEFINITION);
        revoke.setResourceId(KEY);
        revoke.removePermission(ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        authorizations.saveAuthorization(revoke);
        try {
            assertProblem(olivia.postJson("/api/migrations", "{\"processKey\": \"customer-success\", \"dryRun\": false}"),
                    403, "MIGRATE_INSTANCE");
        } finally {
            authorizations.deleteAuthorization(revoke.getId());
        }
        assertThat(runningOn(sourceVersion + 1)).isZero();
    }

    @Test
    void cockpitTabCallsTheApiWithTheWebappLoginAndItsCsrfToken() {
        Http cockpit = Http.anonymous(port);
        String csrf = cockpit.get("/camunda/app/cockpit/default/").header("X-XSRF-TOKEN");
        assertThat(cockpit.postForm("/camunda/api/admin/auth/user/default/login/cockpit", "username=olivia&password=demo",
                "X-XSRF-TOKEN", csrf).status()).isEqualTo(200);
        csrf = cockpit.get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN");

        assertThat(cockpit.get("/api/process-versions/" + KEY).status()).isEqualTo(200);
        String dryRun = "{\"processKey\": \"customer-success\"}";
        Http.Response withoutToken = cockpit.postJson("/api/migrations", dryRun);
        assertThat(withoutToken.status()).as("no CSRF token: another site could have sent it").isEqualTo(403);
        assertThat(withoutToken.header("Content-Type")).startsWith("application/problem+json");
        assertThat(cockpit.postJson("/api/migrations", dryRun, "X-XSRF-TOKEN", "forged").status()).isEqualTo(403);
        assertThat(cockpit.postJson("/api/migrations", dryRun, "X-XSRF-TOKEN", csrf).status()).isEqualTo(200);

        Http tasklist = Http.anonymous(port);
        String tasklistCsrf = tasklist.get("/camunda/app/tasklist/default/").header("X-XSRF-TOKEN");
        assertThat(tasklist.postForm("/camunda/api/admin/auth/user/default/login/tasklist", "username=sara&password=demo",
                "X-XSRF-TOKEN", tasklistCsrf).status()).isEqualTo(200);
        assertThat(tasklist.get("/api/process-versions").status()).as("an SDR's webapp login").isEqualTo(403);
        assertThat(tasklist.get("/api/customers/x").status()).as("the rest of /api takes no webapp login").isEqualTo(401);

        assertThat(cockpit.postJson("/camunda/api/admin/auth/user/default/logout", "{}", "X-XSRF-TOKEN", csrf).status())
                .isEqualTo(200);
        Http.Response loggedOut = cockpit.get("/api/process-versions", "X-Requested-With", "XMLHttpRequest");
        assertThat(loggedOut.status()).isEqualTo(401);
        assertThat(loggedOut.header("WWW-Authenticate")).as("no browser sign-in dialog over Cockpit").isNull();
    }

    @Test
    void aProcessOwnerRemovedFromTheGroupLosesTheRightsAtOnceThoughStillLoggedIn() {
        IdentityService identity = processEngine.getIdentityService();
        User owen = identity.newUser("owen");
        owen.setPassword("demo-owen-1");
        identity.saveUser(owen);
        identity.createMembership("owen", "process-owner");
        try {
            Http cockpit = Http.anonymous(port);
            String csrf = cockpit.get("/camunda/app/cockpit/default/").header("X-XSRF-TOKEN");
            assertThat(cockpit.postForm("/camunda/api/admin/auth/user/default/login/cockpit",
                    "username=owen&password=demo-owen-1", "X-XSRF-TOKEN", csrf).status()).isEqualTo(200);
            assertThat(cockpit.get("/api/process-versions").status()).isEqualTo(200);

            identity.deleteMembership("owen", "process-owner");

            assertThat(cockpit.get("/api/process-versions").status()).isEqualTo(403);
        } finally {
            identity.deleteUser("owen");
        }
    }


    private void startCare(String company, String touchTier) {
        started.add(TestCustomers.inCustomerSuccess(signUps, customers, runtimeService, company, touchTier));
    }

    /** Deployed as Camunda Modeler deploys: by the process owner, over {@code /engine-rest}. */
    private void deployChangedVersion() {
        byte[] changed = DiagramChanges.of("customer-success.bpmn")
                .addUserTaskAfter("Task_DefineSuccessPlan", "Task_ShareSuccessPlan", "Share success plan with ${company}", "csm")
                .setTimer("Timer_CheckInDue", "P14D").bytes();
        Http.Response deployed = olivia.deploy("customer-success from Modeler", "customer-success.bpmn", changed);
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
    }

    private long runningOn(int version) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
                .processDefinitionVersion(version).singleResult().getId();
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId).count();
    }

    private static JsonNode find(JsonNode processes, String key) {
        for (JsonNode process : processes) {
            if (process.get("key").asText().equals(key)) {
                return process;
            }
        }
        throw new AssertionError("no process " + key + " in " + processes);
    }

    private static void assertProblem(Http.Response response, int status, String mentioned) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains(mentioned).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
