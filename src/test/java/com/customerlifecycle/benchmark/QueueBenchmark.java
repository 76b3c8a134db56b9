package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.customerlifecycle.identity.StaffRole;
import com.customerlifecycle.testing.ApplicationNode;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.taskqueue.TaskQueryAuthorization;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * B3 queues at scale: 100,000 open tasks spread evenly over the seven role queues, due over the next 60 days. A user of
 * each role opens the first page (50) of the role's queue, earliest due first: through {@code /engine-rest/task}, and
 * through the stored Tasklist queue as Tasklist fetches it (HAL, with the queue's variables and the tasks' process
 * definitions embedded). Measured without, then with, the indexes of the task queue migration, on the same data
 * ({@code -Dclo.benchmark.queue.without-indexes=false} skips the run without); with the indexes, Camunda's
 * authorization join against the check per task of {@link TaskQueryAuthorization}, then the same queues opened by the
 * administrator, whose queries the engine runs without any authorization check: the floor the check is compared to.
 */
class QueueBenchmark {

    private static final String MIGRATION = "db/migration/V7__task_queue_indexes.sql";
    private static final Map<StaffRole, String> USERS = Map.of(StaffRole.SDR, "sara", StaffRole.AE, "alex",
            StaffRole.SUPPORT, "sam", StaffRole.AM, "amy", StaffRole.DEPLOYMENT_CONSULTANT, "dave", StaffRole.CSM, "chris",
            StaffRole.RENEWAL, "rita");
    /** A member of {@code camunda-admin}: the engine runs his queries without any authorization check. */
    private static final String ADMINISTRATOR = "admin";

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void firstPageOfARoleQueueWithAHundredThousandOpenTasks(String databaseName) throws Exception {
        int tasks = Benchmarks.number("tasks", 100_000);
        Database database = Benchmarks.fresh(databaseName);
        Map<String, Object> figures = new LinkedHashMap<>();
        try (ConfigurableApplicationContext node = ApplicationNode.start(database, true,
                "--camunda.bpm.job-execution.enabled=false")) {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            long started = System.nanoTime();
            openTasks(node, tasks);
            figures.put("open tasks", jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK").query(Long.class).single());
            figures.put("authorization rows", jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION").query(Long.class).single());
            figures.put("creating them (s)", Benchmarks.round((System.nanoTime() - started) / 1e9));

            Map<StaffRole, String> queues = new LinkedHashMap<>();
            FilterService filters = node.getBean(FilterService.class);
            for (StaffRole role : StaffRole.values()) {
                queues.put(role, filters.createFilterQuery().filterName(role.queueName()).singleResult().getId());
            }
            List<String> migration = Benchmarks.migrationStatements(MIGRATION);
            List<String> indexes = Benchmarks.indexesCreatedBy(migration);
            TaskQueryAuthorization existsCheck = node.getBean(TaskQueryAuthorization.class);
            existsCheck.setExistsCheck(false);
            if (Boolean.parseBoolean(System.getProperty("clo.benchmark.queue.without-indexes", "true"))) {
                indexes.forEach(index -> jdbc.sql("DROP INDEX IF EXISTS " + index).update());
                analyze(jdbc);
                measure(port, queues, figures, "without indexes", USERS::get);
                migration.forEach(statement -> jdbc.sql(statement).update());
            }
            analyze(jdbc);
            String withIndexes = "with " + String.join(", ", indexes);
            measure(port, queues, figures, withIndexes + ", Camunda's authorization join", USERS::get);
            existsCheck.setExistsCheck(true);
            measure(port, queues, figures, withIndexes + ", check per task (TaskQueryAuthorization)", USERS::get);
            measure(port, queues, figures, withIndexes + ", no authorization check (the administrator)", role -> ADMINISTRATOR);
        }
        BenchmarkReport.record("B3 queues at scale", databaseName, figures);
    }

    private static void measure(int port, Map<StaffRole, String> queues, Map<String, Object> figures, String label,
                                Function<StaffRole, String> userOfRole) {
        int rounds = Benchmarks.number("queue.requests", 100);
        Map<StaffRole, Http> users = new EnumMap<>(StaffRole.class);
        USERS.keySet().forEach(role -> users.put(role, Http.as(userOfRole.apply(role), port)));
        record(figures, label + ": /engine-rest/task", latencies(rounds, role -> users.get(role).get(
                "/engine-rest/task?candidateGroup=" + role.groupId()
                        + "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50")));
        record(figures, label + ": Tasklist queue", latencies(rounds, role -> users.get(role).postJson(
                "/engine-rest/filter/" + queues.get(role) + "/list?firstResult=0&maxResults=50", "{}",
                "Accept", "application/hal+json")));
    }

    /**
     * Each role's user in turn, one request at a time, after a warm-up round; {@code rounds} rounds, or fewer when a
     * path is so slow that they would take more than {@code clo.benchmark.queue.seconds} (at least one round).
     * Nanoseconds, sorted.
     */
    private static long[] latencies(int rounds, Function<StaffRole, Http.Response> request) {
        List<Long> nanos = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(Benchmarks.number("queue.seconds", 45)).toNanos();
        for (int round = -1; round < rounds && (round < 1 || System.nanoTime() < deadline); round++) {
            for (StaffRole role : StaffRole.values()) {
                long sent = System.nanoTime();
                Http.Response page = request.apply(role);
                long elapsed = System.nanoTime() - sent;
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(page.body()).as("a full first page for %s", role).contains("\"due\":");
                if (round >= 0) {
                    nanos.add(elapsed);
                }
            }
        }
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static void record(Map<String, Object> figures, String label, long[] sortedNanos) {
        figures.put(label + " requests", sortedNanos.length);
        figures.put(label + " p50 (ms)", Benchmarks.round(LoadGenerator.percentile(sortedNanos, 50)));
        figures.put(label + " p95 (ms)", Benchmarks.round(LoadGenerator.percentile(sortedNanos, 95)));
    }

    /** Instances of a one-task process, in batches of 200 per transaction on two threads; groups in turn, due dates random. */
    private static void openTasks(ConfigurableApplicationContext node, int tasks) throws Exception {
        node.getBean(RepositoryService.class).createDeployment().name("benchmark")
                .addClasspathResource("benchmark/queue-task.bpmn").deploy();
        RuntimeService runtime = node.getBean(RuntimeService.class);
        TransactionTemplate transaction = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        StaffRole[] roles = StaffRole.values();
        Instant now = Instant.now();
        int batch = 200;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int from = 0; from < tasks; from += batch) {
                int first = from;
                int last = Math.min(tasks, from + batch);
                written.add(writers.submit(() -> transaction.executeWithoutResult(status -> {
                    Random random = new Random(first);
                    for (int i = first; i < last; i++) {
                        runtime.startProcessInstanceByKey("benchmark-queue-task", Map.of(
                                "group", roles[i % roles.length].groupId(),
                                "dueDate", Date.from(now.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)))),
                                "company", "Queue Customer " + i));
                    }
                })));
            }
            for (Future<?> write : written) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Fresh optimizer statistics, as the database's own maintenance would have them after such a load. */
    private static void analyze(JdbcClient jdbc) {
        jdbc.sql("ANALYZE").update();
    }
}
