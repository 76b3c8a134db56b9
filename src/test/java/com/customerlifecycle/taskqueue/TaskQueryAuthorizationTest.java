package com.customerlifecycle.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.customerlifecycle.identity.StaffRole;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task list and count with the rewritten authorization check return exactly what Camunda's own statements
 * return: the same query run twice on the same data, once with {@link TaskQueryAuthorization} off (Camunda's join) and
 * once on, for every demo role, a manager granted {@code READ_TASK} on every process, users and groups with grants on
 * one task or one process definition only, a user with no grant, and the administrator; over candidate groups,
 * candidate users, assignees, involved users, {@code or} queries (Tasklist's default filters among them), variable
 * conditions, sorting (also by a process variable) and pages; through the Java API and as Tasklist asks over REST.
 */
@DemoApplicationTest
class TaskQueryAuthorizationTest {

    private static final String PROCESS = "benchmark-queue-task";
    private static final String READERS_OF_ONE_PROCESS = "tq-process-readers";
    private static final String READER_OF_ONE_TASK = "tq-task-reader";

    @LocalServerPort
    int port;
    @Autowired
    TaskQueryAuthorization plugin;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;

    private final List<String> createdAuthorizations = new ArrayList<>();

    @BeforeEach
    void openTasks() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().name("task-query-equivalence")
                    .addClasspathResource("benchmark/queue-task.bpmn").deploy();
        }
        StaffRole[] roles = StaffRole.values();
        Instant now = Instant.now();
        for (int i = 0; i < 42; i++) {
            runtime.startProcessInstanceByKey(PROCESS, Map.of(
                    "group", roles[i % roles.length].groupId(),
                    // distinct due dates, so that a page sorted by due date alone is well defined
                    "dueDate", Date.from(now.plus(Duration.ofMinutes(997L * ((i * 13) % 42) + i))),
                    "company", "Equivalence " + (char) ('A' + i % 5) + " " + i));
        }
        List<Task> opened = tasks.createTaskQuery().processDefinitionKey(PROCESS).orderByTaskId().asc().list();
        for (int i = 0; i < opened.size(); i++) {
            String id = opened.get(i).getId();
            switch (i % 6) {
                case 0 -> tasks.addCandidateUser(id, "pat");
                case 1 -> tasks.setAssignee(id, "sara");
                case 2 -> tasks.addCandidateGroup(id, "csm");
                case 3 -> tasks.setPriority(id, 10 + i % 3);
                default -> { }
            }
        }
        for (int i = 0; i < 4; i++) {
            Task standalone = tasks.newTask();
            standalone.setName("Standalone equivalence task " + i);
            standalone.setDueDate(Date.from(now.plus(Duration.ofDays(70 + i))));
            tasks.saveTask(standalone);
            if (i % 2 == 0) {
                tasks.addCandidateGroup(standalone.getId(), "support");
            } else {
                tasks.setAssignee(standalone.getId(), "alex");
            }
        }
        grant(null, READERS_OF_ONE_PROCESS, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ_TASK);
        grant(READER_OF_ONE_TASK, null, Resources.TASK, opened.get(5).getId(), Permissions.READ);
    }

    @AfterEach
    void cleanUp() {
        plugin.setExistsCheck(true);
        identity.clearAuthentication();
        createdAuthorizations.forEach(authorizations::deleteAuthorization);
    }

    @Test
    void everyoneSeesExactlyTheTasksCamundasOwnQuerySees() {
        long rewrittenBefore = plugin.rewrittenQueries();
        Map<String, List<String>> identities = new LinkedHashMap<>();
        for (String user : List.of("sara", "alex", "sam", "amy", "dave", "chris", "rita", "pat", "maria", "olivia",
                "website", "admin")) {
            identities.put(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
        }
        identities.put("tq-process-reader", List.of(READERS_OF_ONE_PROCESS, "sdr"));
        identities.put(READER_OF_ONE_TASK, List.of());
        identities.put("tq-nobody", List.of());

        int compared = 0;
        for (Map.Entry<String, List<String>> who : identities.entrySet()) {
            String user = who.getKey();
            List<String> groups = who.getValue();
            for (Map.Entry<String, Supplier<TaskQuery>> query : queries(user, groups).entrySet()) {
                compared += compare(user, groups, query.getKey(), query.getValue());
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(plugin.rewrittenQueries() - rewrittenBefore).as("queries run with the rewritten check")
                .isGreaterThan(compared / 3);
    }

    @Test
    void tasklistQueuesListAndCountTheSameOverRest() {
        for (StaffRole role : StaffRole.values()) {
            String user = switch (role) {
                case SDR -> "sara";
                case AE -> "alex";
                case SUPPORT -> "sam";
                case AM -> "amy";
                case DEPLOYMENT_CONSULTANT -> "dave";
                case CSM -> "chris";
                case RENEWAL -> "rita";
            };
            Http http = Http.as(user, port);
            String queue = filters.createFilterQuery().filterName(role.queueName()).singleResult().getId();
            for (String page : List.of("firstResult=0&maxResults=50", "firstResult=3&maxResults=4",
                    "firstResult=0&maxResults=1000")) {
                Function<Boolean, List<Object>> ask = exists -> {
                    plugin.setExistsCheck(exists);
                    JsonNode hal = http.postJson("/engine-rest/filter/" + queue + "/list?" + page, "{}",
                            "Accept", "application/hal+json").json();
                    JsonNode list = http.postJson("/engine-rest/filter/" + queue + "/list?" + page, "{}").json();
                    JsonNode count = http.postJson("/engine-rest/filter/" + queue + "/count", "{}").json();
                    JsonNode rest = http.get("/engine-rest/task?candidateGroup=" + role.groupId()
                            + "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&" + page).json();
                    return List.of(hal.get("count").asLong(), dueOrder(hal.get("_embedded").get("task")),
                            dueOrder(list), count.get("count").asLong(), dueOrder(rest));
                };
                List<Object> camunda = ask.apply(false);
                List<Object> exists = ask.apply(true);
                assertThat(exists).as("%s's queue, %s", user, page).isEqualTo(camunda);
                assertThat((Long) camunda.get(0)).as("%s's queue is not empty", user).isPositive();
            }
        }
    }

    /** The tasks of a page grouped by due date, each group's ids sorted: only the order of equal due dates may differ. */
    private static List<List<String>> dueOrder(JsonNode tasks) {
        List<List<String>> groups = new ArrayList<>();
        String lastDue = null;
        for (JsonNode task : tasks) {
            String due = task.get("due").asText();
            if (groups.isEmpty() || !due.equals(lastDue)) {
                groups.add(new ArrayList<>());
                lastDue = due;
            }
            groups.get(groups.size() - 1).add(task.get("id").asText());
        }
        groups.forEach(ids -> ids.sort(null));
        return groups;
    }

    /** Runs one query in every order and page with the check off and on; how many statements were compared. */
    private int compare(String user, List<String> groups, String name, Supplier<TaskQuery> query) {
        List<Function<TaskQuery, TaskQuery>> orders = List.of(
                q -> q.orderByDueDate().asc().orderByTaskId().asc(),
                q -> q.orderByTaskName().desc().orderByTaskId().asc(),
                q -> q.orderByTaskPriority().desc().orderByTaskCreateTime().asc().orderByTaskId().desc(),
                q -> q.orderByProcessVariable("company", ValueType.STRING).asc().orderByTaskId().asc());
        List<Object> camundaCount = run(user, groups, false, query, null);
        assertThat(run(user, groups, true, query, null)).as("%s as %s %s, count and unsorted list", name, user, groups)
                .isEqualTo(camundaCount);
        int compared = camundaCount.size();
        for (int o = 0; o < orders.size(); o++) {
            Function<TaskQuery, TaskQuery> order = orders.get(o);
            List<Object> camunda = run(user, groups, false, query, order);
            List<Object> exists = run(user, groups, true, query, order);
            assertThat(exists).as("%s as %s %s, order %d", name, user, groups, o).isEqualTo(camunda);
            compared += camunda.size();
        }
        return compared;
    }

    /** Count and unsorted list without an {@code order}, else the sorted list and three pages. */
    private List<Object> run(String user, List<String> groups, boolean existsCheck, Supplier<TaskQuery> query,
                             Function<TaskQuery, TaskQuery> order) {
        plugin.setExistsCheck(existsCheck);
        identity.setAuthentication(user, groups);
        try {
            List<Object> results = new ArrayList<>();
            if (order == null) {
                results.add(query.get().count());
                results.add(ids(query.get().list()).stream().sorted().toList());
                return results;
            }
            results.add(ids(order.apply(query.get()).list()));
            results.add(ids(order.apply(query.get()).listPage(0, 5)));
            results.add(ids(order.apply(query.get()).listPage(5, 7)));
            results.add(ids(order.apply(query.get()).listPage(30, 50)));
            return results;
        } finally {
            identity.clearAuthentication();
        }
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private Map<String, Supplier<TaskQuery>> queries(String user, List<String> groups) {
        Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
        List<String> someGroups = groups.isEmpty() ? List.of("sdr", "csm") : groups;
        queries.put("all tasks", () -> tasks.createTaskQuery());
        queries.put("the test's process", () -> tasks.createTaskQuery().processDefinitionKey(PROCESS));
        queries.put("candidate group", () -> tasks.createTaskQuery().taskCandidateGroup(someGroups.get(0)));
        queries.put("role queue", () -> tasks.createTaskQuery().taskCandidateGroup(someGroups.get(0)).includeAssignedTasks());
        queries.put("candidate groups", () -> tasks.createTaskQuery().taskCandidateGroupIn(someGroups));
        queries.put("candidate user", () -> tasks.createTaskQuery().taskCandidateUser(user));
        queries.put("candidate user with assigned", () -> tasks.createTaskQuery().taskCandidateUser(user).includeAssignedTasks());
        queries.put("assignee", () -> tasks.createTaskQuery().taskAssignee("sara"));
        queries.put("unassigned", () -> tasks.createTaskQuery().taskUnassigned());
        queries.put("involved user", () -> tasks.createTaskQuery().taskInvolvedUser("pat"));
        queries.put("with candidate groups", () -> tasks.createTaskQuery().withCandidateGroups());
        // Tasklist's default filters, their expressions (${currentUser()}, ${currentUserGroups()}) resolved
        queries.put("My Tasks", () -> tasks.createTaskQuery().taskAssignee(user));
        queries.put("My Group Tasks", () -> tasks.createTaskQuery().taskCandidateGroupIn(someGroups));
        queries.put("Tasks for my groups", () -> tasks.createTaskQuery().taskCandidateGroupIn(someGroups).includeAssignedTasks());
        queries.put("or: candidate user or groups", () -> tasks.createTaskQuery()
                .or().taskCandidateUser(user).taskCandidateGroupIn(someGroups).endOr());
        queries.put("or: assignee or candidate group, unassigned", () -> tasks.createTaskQuery().taskUnassigned()
                .or().taskAssignee("sara").taskCandidateGroup(someGroups.get(0)).endOr());
        queries.put("or: two or-queries", () -> tasks.createTaskQuery()
                .or().taskCandidateGroup("csm").taskAssignee("alex").endOr()
                .or().taskPriority(10).processVariableValueLike("company", "Equivalence B%").endOr());
        queries.put("or: name or process", () -> tasks.createTaskQuery()
                .or().taskNameLike("Standalone%").processDefinitionKey(PROCESS).endOr());
        queries.put("variable", () -> tasks.createTaskQuery().processVariableValueLike("company", "Equivalence C%"));
        queries.put("due before", () -> tasks.createTaskQuery().dueBefore(Date.from(Instant.now().plus(Duration.ofDays(14)))));
        return queries;
    }

    private void grant(String user, String group, Resources resource, String resourceId,
                       Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(user);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        createdAuthorizations.add(authorizations.saveAuthorization(authorization).getId());
    }
}
