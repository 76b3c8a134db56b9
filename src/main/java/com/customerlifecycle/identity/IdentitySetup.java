package com.customerlifecycle.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import com.customerlifecycle.onetomany.OneToManyProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups, the administrator, least-privilege authorizations and one Tasklist queue per role, created at start-up in
 * every profile. Idempotent: a restart finds everything in place and changes nothing.
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
class IdentitySetup extends AbstractCamundaConfiguration {

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    private final AdminAccount admin;

    IdentitySetup(AdminAccount admin) {
        this.admin = admin;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        admin.requireConfigured();
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (StaffRole role : StaffRole.values()) {
            ensureGroup(identity, role.groupId(), role.groupName());
        }
        ensureGroup(identity, TechnicalGroups.PROCESS_OWNER, "Process owners");
        ensureGroup(identity, TechnicalGroups.INTEGRATION, "Integrations (outside systems)");
        ensureGroup(identity, TechnicalGroups.METRICS, "Monitoring (metrics scrapes)");
        ensureGroup(identity, TechnicalGroups.MANAGER, "Managers");
        ensureGroup(identity, TechnicalGroups.CAMUNDA_ADMIN, "Administrators");
        ensureAdministrator(identity);

        for (Resources resource : Resources.values()) {
            grant(authorizations, TechnicalGroups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (StaffRole role : StaffRole.values()) {
            grant(authorizations, role.groupId(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            grant(authorizations, role.groupId(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
            // Tasks themselves: the engine grants a task's candidate group access to that task when it is created.
            ensureQueue(engine, authorizations, role);
        }
        // The one-to-many team plans webinars from Tasklist's "Start process".
        grant(authorizations, StaffRole.CSM.groupId(), Resources.PROCESS_DEFINITION, OneToManyProcess.WEBINAR_KEY,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(authorizations, StaffRole.CSM.groupId(), Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        grantProcessOwner(authorizations);
        grantManager(authorizations);
        grantIntegration(authorizations);
    }

    private static void ensureGroup(IdentityService identity, String groupId, String name) {
        if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(TechnicalGroups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** CVE-2026-77226: the configured administrator is always a direct member of camunda-admin. */
    private void ensureAdministrator(IdentityService identity) {
        User user = identity.createUserQuery().userId(admin.user()).singleResult();
        if (user == null) {
            user = identity.newUser(admin.user());
            user.setFirstName("Administrator");
            user.setLastName(admin.user());
            user.setPassword(admin.password());
            identity.saveUser(user);
        } else if (!identity.checkPassword(admin.user(), admin.password())) {
            // The password was rotated in the environment. The failed check counted as a login attempt: read the user
            // again, set the new password and lift the brute-force delay it caused.
            User current = identity.createUserQuery().userId(admin.user()).singleResult();
            current.setPassword(admin.password());
            identity.saveUser(current);
            identity.unlockUser(admin.user());
        }
        if (identity.createUserQuery().userId(admin.user()).memberOfGroup(TechnicalGroups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(admin.user(), TechnicalGroups.CAMUNDA_ADMIN);
        }
    }

    private static void grantProcessOwner(AuthorizationService authorizations) {
        String owner = TechnicalGroups.PROCESS_OWNER;
        grant(authorizations, owner, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(authorizations, owner, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
        grant(authorizations, owner, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(authorizations, owner, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(authorizations, owner, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(authorizations, owner, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(authorizations, owner, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                BatchPermissions.READ);
    }

    /**
     * Managers read Cockpit: the KPI dashboard on its start page (our {@code /api/kpis} and {@code /api/forecast},
     * allowed by their group) and the start page's own counts — running journeys and their incidents, open tasks,
     * deployed processes, decisions and deployments. Only reading: a manager starts, suspends, modifies, migrates or
     * deletes nothing, deploys nothing and works no task.
     */
    private static void grantManager(AuthorizationService authorizations) {
        String manager = TechnicalGroups.MANAGER;
        grant(authorizations, manager, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(authorizations, manager, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
        grant(authorizations, manager, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(authorizations, manager, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    /**
     * Outside systems start journeys through {@code /api} and correlate messages to waiting journeys through
     * {@code /engine-rest/message}; they start no process directly, read no tasks and deploy nothing.
     */
    private static void grantIntegration(AuthorizationService authorizations) {
        grant(authorizations, TechnicalGroups.INTEGRATION, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    }

    private static void ensureQueue(ProcessEngine engine, AuthorizationService authorizations, StaffRole role) {
        FilterService filters = engine.getFilterService();
        Filter queue = filters.createFilterQuery().filterName(role.queueName()).singleResult();
        if (queue == null) {
            queue = filters.newTaskFilter(role.queueName());
        }
        TaskQuery query = engine.getTaskService().createTaskQuery()
                .taskCandidateGroup(role.groupId())
                .includeAssignedTasks()
                .orderByDueDate().asc();
        queue.setQuery(query);
        queue.setProperties(Map.of(
                "description", "Open tasks of the " + role.groupName() + ", earliest due first",
                "priority", role.ordinal(),
                "refresh", true,
                "variables", List.of(Map.of("name", "company", "label", "Company"))));
        filters.saveFilter(queue);
        grant(authorizations, role.groupId(), Resources.FILTER, queue.getId(), Permissions.READ);
    }

    private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
                              Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
