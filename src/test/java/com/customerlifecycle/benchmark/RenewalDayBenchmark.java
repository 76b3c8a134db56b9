package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.RenewalDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * B2 renewal day: 10,000 contracts whose −90-day renewal timers come due at once; the time until every timer has
 * fired and its renewal manager's task exists, on one node, and on PostgreSQL also on two nodes sharing the database
 * (each run on a fresh database with the same contracts). One node also runs without the job acquisition indexes
 * ({@code V11__job_acquisition_indexes.sql}, dropped before the nodes start) and with bigger job acquisitions, the
 * tunings to compare with the configured settings.
 */
class RenewalDayBenchmark {

    /** The tuning compared on one node: ten due jobs per acquisition instead of three, and a matching queue. */
    private static final List<String> BIGGER_ACQUISITIONS = List.of("--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
            "--camunda.bpm.job-execution.queue-capacity=20");

    /** The indexes of the job acquisition migration. */
    private static final List<String> ACQUISITION_INDEXES = Benchmarks.indexesCreatedBy(
            Benchmarks.migrationStatements("db/migration/V11__job_acquisition_indexes.sql"));

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void tenThousandRenewalWindowsOpenOnTheSameDay(String databaseName) {
        int renewals = Benchmarks.number("renewals", 10_000);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("due timers", renewals);
        RenewalDay.Outcome withoutIndexes = renewalDay(databaseName, renewals, figures, "one node without the acquisition indexes",
                false, List.of(), "node-solo");
        RenewalDay.Outcome oneNode = renewalDay(databaseName, renewals, figures, "one node", true, List.of(), "node-solo");
        figures.put("ratio as configured / without the acquisition indexes",
                Benchmarks.round(oneNode.timersPerSecond() / withoutIndexes.timersPerSecond()));
        RenewalDay.Outcome bigger = renewalDay(databaseName, renewals, figures, "one node, " + String.join(" ", BIGGER_ACQUISITIONS),
                true, BIGGER_ACQUISITIONS, "node-solo");
        figures.put("ratio bigger acquisitions / as configured", Benchmarks.round(bigger.timersPerSecond() / oneNode.timersPerSecond()));
        if (databaseName.equals("postgres")) {
            RenewalDay.Outcome twoNodes = renewalDay(databaseName, renewals, figures, "two nodes", true, List.of(), "node-a", "node-b");
            figures.put("ratio two nodes / one node", Benchmarks.round(twoNodes.timersPerSecond() / oneNode.timersPerSecond()));
        }
        BenchmarkReport.record("B2 renewal day", databaseName, figures);
    }

    private static RenewalDay.Outcome renewalDay(String databaseName, int renewals, Map<String, Object> figures,
                                                 String label, boolean acquisitionIndexes, List<String> settings,
                                                 String... nodes) {
        Database database = Benchmarks.fresh(databaseName);
        long started = System.nanoTime();
        RenewalDay.prepare(database, renewals);
        figures.put(label + ": preparing the contracts (s)", Benchmarks.round((System.nanoTime() - started) / 1e9));
        if (!acquisitionIndexes) {
            dropAcquisitionIndexes(database);
        }
        RenewalDay.Outcome outcome = RenewalDay.fire(database, renewals, settings, nodes);
        assertThat(outcome.executedTwice()).as("timers that fired twice").isZero();
        assertThat(outcome.renewalsWithTwoTasks()).as("renewals with two introduction tasks").isZero();
        figures.put(label + ": all fired, tasks created (s)", Benchmarks.round(outcome.seconds()));
        figures.put(label + ": timers/s", Benchmarks.round(outcome.timersPerSecond()));
        figures.put(label + ": jobs per node", outcome.jobsPerNode().toString());
        figures.put(label + ": failed executions (retried)", outcome.failedExecutions());
        return outcome;
    }

    private static void dropAcquisitionIndexes(Database database) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            for (String index : ACQUISITION_INDEXES) {
                statement.execute("DROP INDEX " + index);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the job acquisition indexes", e);
        }
    }
}
