package com.customerlifecycle.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.ApplicationNode;
import com.customerlifecycle.testing.Database;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * B4 one journey: engine time and stored data of one complete journey (trial → won → onboarded → one renewal), per
 * history level, each on a fresh database. Ten journeys warm up first; the figures are over the measured journeys:
 * engine time (median and mean), and the rows (on PostgreSQL also the bytes of the tables with their indexes) they
 * added to Camunda's runtime tables, its history tables, its byte arrays and our own tables.
 */
class JourneyCostBenchmark {

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void oneCompleteJourneyPerHistoryLevel(String databaseName) {
        int journeys = Benchmarks.number("journeys", 30);
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String level : System.getProperty("clo.benchmark.historyLevels", "full,full-without-variable-log,audit,activity,none").split(",")) {
            Database database = Benchmarks.fresh(databaseName);
            try (ConfigurableApplicationContext node = ApplicationNode.start(database, false,
                    "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.history-level=" + level)) {
                JourneyWalk walk = new JourneyWalk(node.getBean(ProcessEngine.class), node.getBean(TrialSignUpService.class),
                        node.getBean(CustomerRepository.class));
                JdbcClient jdbc = node.getBean(JdbcClient.class);
                for (int i = 0; i < 10; i++) {
                    walk.walk();
                }
                Map<String, long[]> before = tables(jdbc, database);
                double[] millis = new double[journeys];
                for (int i = 0; i < journeys; i++) {
                    long started = System.nanoTime();
                    walk.walk();
                    millis[i] = (System.nanoTime() - started) / 1e6;
                }
                Map<String, long[]> after = tables(jdbc, database);
                Arrays.sort(millis);
                figures.put(level + ": engine time per journey, median (ms)", Benchmarks.round(millis[journeys / 2]));
                figures.put(level + ": engine time per journey, mean (ms)", Benchmarks.round(Arrays.stream(millis).average()
                        .orElseThrow()));
                for (String group : List.of("runtime", "history", "byte arrays", "ours")) {
                    long rows = 0;
                    long bytes = 0;
                    for (Map.Entry<String, long[]> table : after.entrySet()) {
                        if (group(table.getKey()).equals(group)) {
                            long[] was = before.getOrDefault(table.getKey(), new long[2]);
                            rows += table.getValue()[0] - was[0];
                            bytes += table.getValue()[1] - was[1];
                        }
                    }
                    figures.put(level + ": " + group + " rows", Benchmarks.round((double) rows / journeys));
                    if (database.isPostgres()) {
                        figures.put(level + ": " + group + " KiB", Benchmarks.round(bytes / 1024.0 / journeys));
                    }
                }
                if (level.equals("full")) {
                    figures.put("full: history rows by table", after.entrySet().stream()
                            .filter(table -> group(table.getKey()).equals("history"))
                            .map(table -> Map.entry(table.getKey(),
                                    (table.getValue()[0] - before.getOrDefault(table.getKey(), new long[2])[0]) / (double) journeys))
                            .filter(table -> table.getValue() > 0)
                            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                            .map(table -> table.getKey() + " " + Math.round(table.getValue()))
                            .collect(Collectors.joining(", ")));
                }
            }
        }
        BenchmarkReport.record("B4 one journey", databaseName, figures);
    }

    private static String group(String table) {
        if (table.startsWith("ACT_RU_")) {
            return "runtime";
        }
        if (table.startsWith("ACT_HI_")) {
            return "history";
        }
        if (table.equals("ACT_GE_BYTEARRAY")) {
            return "byte arrays";
        }
        return table.startsWith("ACT_") ? "other" : "ours";
    }

    /**
     * Rows and bytes (with indexes) of every table, by upper-case table name. Bytes on PostgreSQL only: H2's page
     * accounting ({@code DISK_SPACE_USED}) does not follow a few hundred rows.
     */
    private static Map<String, long[]> tables(JdbcClient jdbc, Database database) {
        List<String> names = jdbc.sql("""
                SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC'
                AND TABLE_TYPE IN ('BASE TABLE', 'TABLE') AND LOWER(TABLE_NAME) <> 'flyway_schema_history'""").query(String.class).list();
        Map<String, long[]> tables = new TreeMap<>();
        for (String name : names) {
            long rows = jdbc.sql("SELECT COUNT(*) FROM " + name).query(Long.class).single();
            long bytes = database.isPostgres()
                    ? jdbc.sql("SELECT pg_total_relation_size(:table)").param("table", name).query(Long.class).single()
                    : 0;
            tables.put(name.toUpperCase(), new long[] {rows, bytes});
        }
        return tables;
    }
}
