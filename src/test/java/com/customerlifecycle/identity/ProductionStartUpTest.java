package com.customerlifecycle.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.customerlifecycle.CustomerLifecycleApplication;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.LeadProcess;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.testing.TestCustomers;
import com.customerlifecycle.testing.TestDatabase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as production starts it: without the demo profile, the administrator from the environment, a
 * database on disk that outlives a restart.
 */
class ProductionStartUpTest {

    private static final String ADMIN = "root";

    @Test
    void restartChangesNothingKeepsTimersAndHasNoDemoUsers() {
        String database = TestDatabase.isPostgres() ? TestDatabase.freshPostgresDatabase()
                : "jdbc:h2:file:" + Path.of("target", "restart-test-" + UUID.randomUUID(), "clo").toAbsolutePath();

        Snapshot first;
        String renewalId;
        Date windowOpens;
        try (ConfigurableApplicationContext app = start(database, ADMIN, "first-Secret-1")) {
            first = Snapshot.of(app.getBean(ProcessEngine.class));
            TestCustomers.TestCustomer customer = TestCustomers.active(app.getBean(TrialSignUpService.class),
                    app.getBean(CustomerRepository.class), "Restart Ltd", "low-touch", ADMIN);
            renewalId = app.getBean(RuntimeService.class).startProcessInstanceByKey(RenewalProcess.KEY, customer.leadId(),
                    Map.of("customerId", customer.customerId(), "company", customer.company(),
                            "subscriptionOwnerName", "Olga Owner", "accountManager", ADMIN)).getId();
            windowOpens = renewalTimer(app, renewalId).getDuedate();
            assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
            assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
        }
        Snapshot second;
        try (ConfigurableApplicationContext app = start(database, ADMIN, "rotated-Secret-2")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            second = Snapshot.of(engine);
            assertThat(engine.getIdentityService().checkPassword(ADMIN, "rotated-Secret-2"))
                    .as("the password follows the environment").isTrue();

            Job timer = renewalTimer(app, renewalId);
            assertThat(timer.getDuedate()).as("the renewal timer survives the restart").isEqualTo(windowOpens);
            ClockUtil.setCurrentTime(windowOpens);
            try {
                engine.getManagementService().executeJob(timer.getId());
            } finally {
                ClockUtil.reset();
            }
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(renewalId)
                    .taskDefinitionKey(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER).count()).isEqualTo(1);
        }

        assertThat(first.users()).isEqualTo(1).as("only the administrator, no demo users");
        assertThat(first.groups()).isEqualTo(12);
        assertThat(first.queues()).isEqualTo(7);
        assertThat(first.adminMemberships()).isEqualTo(1);
        assertThat(first.leadQualificationVersions()).isEqualTo(1);
        assertThat(second).as("a restart creates no new versions, groups, queues or grants").isEqualTo(first);
        assertThat(windowOpens).isEqualTo(Date.from(LocalDate.of(2027, 11, 1).minusDays(90)
                .atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()));
    }

    @Test
    void startUpFailsClearlyWithoutAdministrator() {
        String database = TestDatabase.isPostgres() ? TestDatabase.freshPostgresDatabase()
                : "jdbc:h2:mem:no-admin-" + UUID.randomUUID();

        assertThatThrownBy(() -> start(database, "", "").close())
                .rootCause().hasMessageContaining("CLO_ADMIN_USER").hasMessageContaining("CLO_ADMIN_PASSWORD");
    }

    private static ConfigurableApplicationContext start(String database, String admin, String password) {
        return new SpringApplicationBuilder(CustomerLifecycleApplication.class)
                .profiles("test")
                // no web server: the Camunda webapps of the HTTP tests' context stay the only ones in this JVM
                .web(WebApplicationType.NONE)
                .run("--spring.autoconfigure.exclude=" + CamundaBpmRestJerseyAutoConfiguration.class.getName() + ","
                                + CamundaBpmWebappAutoConfiguration.class.getName(),
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + user(database), "--spring.datasource.password=",
                        "--clo.admin.user=" + admin, "--clo.admin.password=" + password);
    }

    private static Job renewalTimer(ConfigurableApplicationContext app, String renewalId) {
        return app.getBean(ManagementService.class).createJobQuery().processInstanceId(renewalId)
                .activityId("Timer_RenewalWindowOpens").singleResult();
    }

    private static String user(String database) {
        return database.startsWith("jdbc:postgresql") ? "postgres" : "sa";
    }

    record Snapshot(long users, long groups, long queues, long adminMemberships, long authorizations,
                    long deployments, long leadQualificationVersions) {

        static Snapshot of(ProcessEngine engine) {
            return new Snapshot(
                    engine.getIdentityService().createUserQuery().count(),
                    engine.getIdentityService().createGroupQuery().count(),
                    engine.getFilterService().createFilterQuery().count(),
                    engine.getIdentityService().createUserQuery().memberOfGroup(TechnicalGroups.CAMUNDA_ADMIN)
                            .list().stream().map(User::getId).filter(ADMIN::equals).count(),
                    engine.getAuthorizationService().createAuthorizationQuery().count(),
                    engine.getRepositoryService().createDeploymentQuery().count(),
                    engine.getRepositoryService().createProcessDefinitionQuery()
                            .processDefinitionKey(LeadProcess.KEY).count());
        }
    }
}
