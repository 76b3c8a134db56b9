package com.customerlifecycle.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The renewal day: many contracts whose renewal windows (the −90-day timers) open on the same day. {@link #prepare}
 * stores the customers and starts their renewals with no job executor; {@link #fire} starts nodes with job executors on
 * that database, moves the engine clock (shared by the engines in this JVM) to the day and waits until every renewal
 * manager's introduction task exists.
 */
public final class RenewalDay {

    private RenewalDay() {
    }

    /** What the nodes did: how long it took, how the jobs were shared, what went wrong. */
    public record Outcome(int renewals, List<String> nodes, double seconds, Map<String, Long> jobsPerNode,
                          long executedTwice, long failedExecutions, long renewalsWithTwoTasks) {

        public double timersPerSecond() {
            return renewals / seconds;
        }
    }

    /** Contracts ending in 100 days: their renewal windows open in 10 days, on the same day. */
    public static void prepare(Database database, int renewals) {
        LocalDate contractStart = LocalDate.now().minusYears(1).plusDays(100);
        try (ConfigurableApplicationContext setup = ApplicationNode.start(database, false,
                "--camunda.bpm.job-execution.enabled=false")) {
            TrialSignUpService signUps = setup.getBean(TrialSignUpService.class);
            CustomerRepository customers = setup.getBean(CustomerRepository.class);
            RuntimeService runtime = setup.getBean(RuntimeService.class);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> written = new ArrayList<>();
                for (int i = 0; i < renewals; i++) {
                    String company = "Renewal Day " + i;
                    written.add(writers.submit(() -> {
                        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, company,
                                "low-touch", "amy", contractStart);
                        TestCustomers.inRenewal(runtime, customer);
                    }));
                }
                for (Future<?> write : written) {
                    write.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not prepare the renewals", e);
            } finally {
                writers.shutdownNow();
            }
        }
    }

    /**
     * Starts one node per name (its job executor polling at least every second, so that the figure measures the work
     * and not the idle wait), opens the renewal windows and waits until every introduction task exists.
     */
    public static Outcome fire(Database database, int renewals, String... nodeNames) {
        return fire(database, renewals, List.of(), nodeNames);
    }

    /** As {@link #fire(Database, int, String...)}, the nodes started with further settings (a tuning to compare). */
    public static Outcome fire(Database database, int renewals, List<String> settings, String... nodeNames) {
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            for (String name : nodeNames) {
                List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.generic-properties.properties.hostname=" + name,
                        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"));
                arguments.addAll(settings);
                nodes.add(ApplicationNode.start(database, false, arguments.toArray(String[]::new)));
            }
            ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(11))));
            long started = System.nanoTime();
            TaskService tasks = nodes.get(0).getBean(TaskService.class);
            // every 0.5 s: the count reads the whole task table, and every 0.1 s it took a tenth of the database's time
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> tasks.createTaskQuery()
                    .taskDefinitionKey(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER).count() == renewals);
            double seconds = (System.nanoTime() - started) / 1e9;

            JdbcClient jdbc = nodes.get(0).getBean(JdbcClient.class);
            Map<String, Long> perNode = jdbc.sql("""
                    SELECT HOSTNAME_ AS node, COUNT(*) AS jobs FROM ACT_HI_JOB_LOG
                    WHERE JOB_DEF_TYPE_ = 'timer-intermediate-transition' AND JOB_STATE_ = 2 GROUP BY HOSTNAME_""")
                    .query().listOfRows().stream().collect(Collectors.toMap(row -> (String) row.get("node"),
                            row -> ((Number) row.get("jobs")).longValue()));
            long executedTwice = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2
                                          GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice""").query(Long.class).single();
            long failures = jdbc.sql("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1").query(Long.class).single();
            long twoTasks = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = :key
                                          GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) doubled""")
                    .param("key", RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER).query(Long.class).single();
            return new Outcome(renewals, List.of(nodeNames), seconds, perNode, executedTwice, failures, twoTasks);
        } finally {
            ClockUtil.reset();
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }
}
