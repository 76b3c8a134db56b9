package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.customerlifecycle.calendar.WorkingCalendar;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.testing.ApplicationNode;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.RenewalDay;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * B6 migration at scale: 10,000 running {@code subscription-renewal} instances wait on their renewal-window timer; the
 * process owner deploys a version whose window opens 95 days before the end date instead of 90 and migrates them all
 * through {@code POST /api/migrations}, as Cockpit's Migration tab does. Measured: the time until the request answers
 * (dry run, batch created) and until the migration reports {@code completed}, the application's job executor doing the
 * batch. Checked: no instance lost (count before = count after, all on the new version) and every pending timer
 * recomputed to the new window. Then the same instances move once more (window 93 days) on a node that puts ten
 * instances in each batch job instead of one, the tuning to compare.
 */
class MigrationBenchmark {

    private static final String WINDOW_TIMER = "Timer_RenewalWindowOpens";

    private record Run(String label, int windowDays, List<String> settings) {
    }

    private static final List<Run> RUNS = List.of(
            new Run("as configured (1 instance per batch job)", 95, List.of()),
            new Run("10 instances per batch job", 93, List.of("--clo.migration.instances-per-batch-job=10")));

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void tenThousandRenewalsMoveToANewRenewalWindow(String databaseName) {
        int renewals = Benchmarks.number("migrations", 10_000);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("running instances", renewals);
        Database database = Benchmarks.fresh(databaseName);
        long preparing = System.nanoTime();
        RenewalDay.prepare(database, renewals);
        figures.put("preparing the renewals (s)", Benchmarks.round((System.nanoTime() - preparing) / 1e9));
        List<Double> rates = new ArrayList<>();
        for (Run run : RUNS) {
            rates.add(migrate(database, renewals, run, figures));
        }
        figures.put("ratio 10 per job / 1 per job", Benchmarks.round(rates.get(1) / rates.get(0)));
        BenchmarkReport.record("B6 migration of running instances", databaseName, figures);
    }

    /** Deploys the renewal with another window and migrates every running renewal to it; instances per second. */
    private static double migrate(Database database, int renewals, Run run, Map<String, Object> figures) {
        List<String> arguments = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"));
        arguments.addAll(run.settings());
        try (ConfigurableApplicationContext node = ApplicationNode.start(database, true, arguments.toArray(String[]::new))) {
            Http olivia = Http.as("olivia", Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
            RuntimeService runtime = node.getBean(RuntimeService.class);
            ManagementService management = node.getBean(ManagementService.class);
            long before = runtime.createProcessInstanceQuery().processDefinitionKey(RenewalProcess.KEY).count();
            Map<Instant, Long> dueBefore = windowTimerDueDates(management);
            assertThat(before).isEqualTo(renewals);
            assertThat(dueBefore).hasSize(1);

            byte[] changed = DiagramChanges.of("subscription-renewal.bpmn")
                    .setTimer(WINDOW_TIMER, "${workingCalendar.daysBefore(contractEndDate, " + run.windowDays() + ")}").bytes();
            assertThat(olivia.deploy("renewal window " + run.windowDays() + " days", "subscription-renewal.bpmn", changed)
                    .status()).isEqualTo(200);
            ProcessDefinition target = node.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey(RenewalProcess.KEY).latestVersion().singleResult();

            long started = System.nanoTime();
            Http.Response accepted = olivia.postJson("/api/migrations",
                    "{\"processKey\": \"subscription-renewal\", \"dryRun\": false}");
            double answered = (System.nanoTime() - started) / 1e9;
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.json().get("instances").get("migratable").asInt()).isEqualTo(renewals);
            String migration = accepted.header("Location");
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !olivia.get(migration).json().get("state").asText().equals("running"));
            double seconds = (System.nanoTime() - started) / 1e9;
            JsonNode outcome = olivia.get(migration).json();

            long after = runtime.createProcessInstanceQuery().processDefinitionKey(RenewalProcess.KEY).count();
            long onTarget = runtime.createProcessInstanceQuery().processDefinitionId(target.getId()).count();
            Map<Instant, Long> dueAfter = windowTimerDueDates(management);
            Instant oldWindow = dueBefore.keySet().iterator().next();
            String anyRenewal = runtime.createProcessInstanceQuery().processDefinitionKey(RenewalProcess.KEY).listPage(0, 1)
                    .get(0).getId();
            Instant newWindow = node.getBean(WorkingCalendar.class).daysBefore(
                    (Date) runtime.getVariable(anyRenewal, "contractEndDate"), run.windowDays()).toInstant();
            assertThat(outcome.get("state").asText()).as(outcome.toString()).isEqualTo("completed");
            assertThat(after).as("instances after").isEqualTo(before);
            assertThat(onTarget).as("instances on the new version").isEqualTo(before);
            assertThat(dueAfter).as("every window timer recomputed to %d days before the end date", run.windowDays())
                    .isEqualTo(Map.of(newWindow, before));

            String label = run.label() + ": ";
            figures.put(label + "request answered, dry run + batch created (s)", Benchmarks.round(answered));
            figures.put(label + "all migrated (s)", Benchmarks.round(seconds));
            figures.put(label + "instances/s", Benchmarks.round(renewals / seconds));
            figures.put(label + "instances before / after / on the new version", before + " / " + after + " / " + onTarget);
            figures.put(label + "window timers recomputed", dueAfter.get(newWindow) + " (" + oldWindow + " → " + newWindow
                    + ")");
            figures.put(label + "failed", outcome.get("failed").asInt());
            return renewals / seconds;
        }
    }

    private static Map<Instant, Long> windowTimerDueDates(ManagementService management) {
        List<Job> timers = management.createJobQuery().activityId(WINDOW_TIMER).timers().list();
        return timers.stream().collect(Collectors.groupingBy(timer -> timer.getDuedate().toInstant(), Collectors.counting()));
    }
}
