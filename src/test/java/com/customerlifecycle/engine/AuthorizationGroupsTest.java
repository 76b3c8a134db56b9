package com.customerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.customerlifecycle.testing.DemoApplicationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Authorization checks without the group look-up answer exactly as Camunda's own. */
@DemoApplicationTest
class AuthorizationGroupsTest {

    /** Holds no authorization: Camunda's look-up drops it, ours passes it on. */
    private static final String GROUP_WITHOUT_GRANTS = "group-without-grants";

    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineChecksWithoutTheGroupLookUp() {
        assertThat(configuration().getSessionFactories().get(AuthorizationManager.class).openSession())
                .isInstanceOf(AuthorizationGroups.ApplicationAuthorizationManager.class);
    }

    @Test
    void everyUserMayDoExactlyWhatCamundasOwnCheckAllows() {
        List<String> differences = new ArrayList<>();
        int checks = configuration().getCommandExecutorTxRequired().execute(context -> {
            AuthorizationManager camundas = new AuthorizationManager();
            AuthorizationManager ours = new AuthorizationGroups.ApplicationAuthorizationManager(false, null);
            int count = 0;
            for (User user : engine.getIdentityService().createUserQuery().list()) {
                List<String> groups = new ArrayList<>(engine.getIdentityService().createGroupQuery()
                        .groupMember(user.getId()).list().stream().map(Group::getId).toList());
                groups.add(GROUP_WITHOUT_GRANTS);
                for (Resources resource : Resources.values()) {
                    for (Permission permission : ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType())) {
                        if (!ResourceTypeUtil.resourceIsContainedInArray(resource.resourceType(), permission.getTypes())) {
                            continue; // e.g. READ among the generic permissions of APPLICATION, which has only ACCESS
                        }
                        for (String resourceId : List.of("*", "customer-journey", "some-id")) {
                            boolean expected = camundas.isAuthorized(user.getId(), groups, permission, resource, resourceId);
                            if (ours.isAuthorized(user.getId(), groups, permission, resource, resourceId) != expected) {
                                differences.add(user.getId() + " " + permission.getName() + " " + resource.resourceName()
                                        + " " + resourceId);
                            }
                            count++;
                        }
                    }
                }
            }
            return count;
        });

        assertThat(checks).isGreaterThan(1_000);
        assertThat(differences).isEmpty();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
