package com.customerlifecycle.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.RenewalDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Camunda's cluster model on one PostgreSQL: two application nodes, each with its job executor, share the database.
 * 2,000 renewal windows come due at once; every timer fires exactly once, both nodes take a share, nothing fails. The
 * same load on one node first gives the rate the two nodes are compared with (printed, not asserted; the benchmarks
 * measure it at scale). PostgreSQL only (H2 is not for clusters): runs in the PostgreSQL test run of
 * {@code ./mvnw verify}.
 */
@EnabledIfSystemProperty(named = "clo.test.database", matches = "postgres")
class TwoNodeClusterTest {

    private static final int RENEWALS = 2_000;

    @Test
    void twoNodesFireTwoThousandDueTimersExactlyOnceBetweenThem() {
        RenewalDay.Outcome oneNode = renewalDay("node-solo");
        RenewalDay.Outcome twoNodes = renewalDay("node-a", "node-b");
        System.out.printf("cluster: %d timers, one node %.0f per second, two nodes %.0f per second (%s), ratio %.2f%n",
                RENEWALS, oneNode.timersPerSecond(), twoNodes.timersPerSecond(), twoNodes.jobsPerNode(),
                twoNodes.timersPerSecond() / oneNode.timersPerSecond());
    }

    private static RenewalDay.Outcome renewalDay(String... nodeNames) {
        Database database = Database.freshPostgres();
        RenewalDay.prepare(database, RENEWALS);
        RenewalDay.Outcome outcome = RenewalDay.fire(database, RENEWALS, nodeNames);
        assertThat(outcome.jobsPerNode().keySet()).containsExactlyInAnyOrderElementsOf(List.of(nodeNames));
        assertThat(outcome.jobsPerNode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RENEWALS);
        assertThat(outcome.executedTwice()).as("timers that fired twice").isZero();
        assertThat(outcome.failedExecutions()).as("failed job executions (deadlocks, optimistic locking)").isZero();
        assertThat(outcome.renewalsWithTwoTasks()).as("renewals with more than one introduction task").isZero();
        return outcome;
    }
}
