package com.customerlifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.CustomerLifecycleApplication;
import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.testing.TestCustomers;
import com.customerlifecycle.testing.TestDatabase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's cluster model on one PostgreSQL: two application nodes, each with its job executor, share the database.
 * 2,000 renewal windows come due at once; every timer fires exactly once, both nodes take a share, nothing fails. The
 * same load on one node first gives the rate the two nodes are compared with (printed, not asserted).
 * PostgreSQL only (H2 is not for clusters): runs in the PostgreSQL test run of {@code ./mvnw verify}.
 */
@EnabledIfSystemProperty(named = "clo.test.database", matches = "postgres")
class TwoNodeClusterTest {

    private static final int RENEWALS = 2_000;

    @Test
    void twoNodesFireTwoThousandDueTimersExactlyOnceBetweenThem() {
        double oneNode = fireDueRenewals("node-solo");
        double twoNodes = fireDueRenewals("node-a", "node-b");
        System.out.printf("cluster: %d timers, one node %.0f per second, two nodes %.0f per second, ratio %.2f%n",
                RENEWALS, oneNode, twoNodes, twoNodes / oneNode);
    }

    /** Creates the due renewals on a fresh database, lets the nodes fire them, checks the outcome; timers per second. */
    private static double fireDueRenewals(String... nodeNames) {
        String database = TestDatabase.freshPostgresDatabase();
        // contracts ending in 100 days: their renewal windows open in 10 days, on the same day
        LocalDate contractStart = LocalDate.now().minusYears(1).plusDays(100);
        try (ConfigurableApplicationContext setup = node(database, "setup", false)) {
            TrialSignUpService signUps = setup.getBean(TrialSignUpService.class);
            CustomerRepository customers = setup.getBean(CustomerRepository.class);
            RuntimeService runtime = setup.getBean(RuntimeService.class);
            for (int i = 0; i < RENEWALS; i++) {
                TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Cluster " + i, "low-touch",
                        "amy", contractStart);
                runtime.startProcessInstanceByKey(RenewalProcess.KEY, customer.leadId(), Map.of("customerId",
                        customer.customerId(), "company", customer.company(), "subscriptionOwnerName", "Olga Owner",
                        "accountManager", "amy"));
            }
        }
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            for (String name : nodeNames) {
                nodes.add(node(database, name, true));
            }
            // every job executor idle; then the engine clock (shared by the engines in this JVM) reaches the window day
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(11))));
            long started = System.nanoTime();
            TaskService tasks = nodes.get(0).getBean(TaskService.class);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> tasks.createTaskQuery()
                    .taskDefinitionKey(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER).count() == RENEWALS);
            double seconds = (System.nanoTime() - started) / 1e9;

            JdbcClient jdbc = nodes.get(0).getBean(JdbcClient.class);
            List<Map<String, Object>> perNode = jdbc.sql("""
                    SELECT HOSTNAME_ AS node, COUNT(*) AS jobs FROM ACT_HI_JOB_LOG
                    WHERE JOB_DEF_TYPE_ = 'timer-intermediate-transition' AND JOB_STATE_ = 2 GROUP BY HOSTNAME_""")
                    .query().listOfRows();
            long executedTwice = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2
                                          GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice""").query(Long.class).single();
            long failures = jdbc.sql("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1").query(Long.class).single();
            long tasksPerRenewal = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = :key
                                          GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) doubled""")
                    .param("key", RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER).query(Long.class).single();

            System.out.printf("cluster: %d timers in %.1f s on %s, per node %s%n", RENEWALS, seconds, List.of(nodeNames),
                    perNode);
            assertThat(perNode).extracting(row -> row.get("node")).containsExactlyInAnyOrder((Object[]) nodeNames);
            assertThat(perNode.stream().mapToLong(row -> ((Number) row.get("jobs")).longValue()).sum()).isEqualTo(RENEWALS);
            assertThat(executedTwice).as("timers that fired twice").isZero();
            assertThat(failures).as("failed job executions (deadlocks, optimistic locking)").isZero();
            assertThat(tasksPerRenewal).as("renewals with more than one introduction task").isZero();
            return RENEWALS / seconds;
        } finally {
            ClockUtil.reset();
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static ConfigurableApplicationContext node(String database, String name, boolean jobExecutor) {
        return new SpringApplicationBuilder(CustomerLifecycleApplication.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run("--spring.autoconfigure.exclude=" + CamundaBpmRestJerseyAutoConfiguration.class.getName() + ","
                                + CamundaBpmWebappAutoConfiguration.class.getName(),
                        "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--clo.admin.user=root", "--clo.admin.password=cluster-Secret-1",
                        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                        "--camunda.bpm.generic-properties.properties.hostname=" + name,
                        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000");
    }
}
