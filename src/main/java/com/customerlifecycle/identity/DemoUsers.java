package com.customerlifecycle.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One user per role for trying the product. Only in the demo profile; never in production. */
@Component
@Profile("demo")
@Order(Ordering.DEFAULT_ORDER + 2)
class DemoUsers extends AbstractCamundaConfiguration {

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("sara", "Sara", "Sales Development", List.of(StaffRole.SDR.groupId())),
            new DemoUser("alex", "Alex", "Account Executive", List.of(StaffRole.AE.groupId())),
            new DemoUser("sam", "Sam", "Support", List.of(StaffRole.SUPPORT.groupId())),
            new DemoUser("amy", "Amy", "Account Manager", List.of(StaffRole.AM.groupId())),
            new DemoUser("dave", "Dave", "Deployment Consultant", List.of(StaffRole.DEPLOYMENT_CONSULTANT.groupId())),
            new DemoUser("chris", "Chris", "Customer Success", List.of(StaffRole.CSM.groupId())),
            new DemoUser("rita", "Rita", "Renewals", List.of(StaffRole.RENEWAL.groupId())),
            new DemoUser("olivia", "Olivia", "Process Owner", List.of(TechnicalGroups.PROCESS_OWNER)),
            new DemoUser("pat", "Pat", "Generalist",
                    List.of(StaffRole.AM.groupId(), StaffRole.CSM.groupId(), StaffRole.RENEWAL.groupId())),
            new DemoUser("website", "Website", "Integration", List.of(TechnicalGroups.INTEGRATION)),
            new DemoUser("maria", "Maria", "Manager", List.of(TechnicalGroups.MANAGER)),
            new DemoUser("metrics", "Metrics", "Monitoring", List.of(TechnicalGroups.METRICS)));

    private final String password;

    DemoUsers(@Value("${clo.demo.password}") String password) {
        this.password = password;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).singleResult() == null) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@demo.invalid");
                user.setPassword(password);
                identity.saveUser(user);
            }
            for (String group : demo.groups()) {
                if (identity.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identity.createMembership(demo.id(), group);
                }
            }
        }
    }
}
