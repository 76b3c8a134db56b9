package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.Http;
import org.springframework.core.io.ClassPathResource;

/** Settings of a benchmark run, from system properties so that a quick run can use smaller numbers. */
final class Benchmarks {

    private static final Pattern CREATE_INDEX = Pattern.compile("(?i)CREATE\\s+INDEX\\s+(\\w+)");

    private Benchmarks() {
    }

    /** The databases to measure on: {@code -Dclo.benchmark.databases=h2,postgres} (the default). */
    static Stream<String> databases() {
        return Arrays.stream(System.getProperty("clo.benchmark.databases", "h2,postgres").split(",")).map(String::trim);
    }

    static Database fresh(String database) {
        return switch (database) {
            case "h2" -> Database.freshH2File(BenchmarkReport.DIRECTORY.resolve("h2"));
            case "postgres" -> Database.freshPostgres();
            default -> throw new IllegalArgumentException("Unknown database " + database + " (h2 or postgres)");
        };
    }

    static int number(String name, int defaultValue) {
        return Integer.getInteger("clo.benchmark." + name, defaultValue);
    }

    static List<Integer> numbers(String name, String defaultValue) {
        return Arrays.stream(System.getProperty("clo.benchmark." + name, defaultValue).split(","))
                .map(String::trim).map(Integer::valueOf).toList();
    }

    static Path log(String name) {
        return BenchmarkReport.DIRECTORY.resolve(name + ".log");
    }

    /** p50 / p95 / max of 200 requests one at a time, after 20 to warm up. */
    static void latencies(Map<String, Object> figures, String label, Http user, String path) {
        for (int i = 0; i < 20; i++) {
            assertThat(user.get(path).status()).isEqualTo(200);
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long started = System.nanoTime();
            Http.Response response = user.get(path);
            nanos[i] = System.nanoTime() - started;
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        figures.put(label + " p50 (ms)", round(LoadGenerator.percentile(nanos, 50)));
        figures.put(label + " p95 (ms)", round(LoadGenerator.percentile(nanos, 95)));
        figures.put(label + " max (ms)", round(nanos[nanos.length - 1] / 1e6));
    }

    /** The statements of a migration on the classpath ({@code db/migration/V…sql}), comments left out. */
    static List<String> migrationStatements(String migration) {
        try (InputStream sql = new ClassPathResource(migration).getInputStream()) {
            String text = new String(sql.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            return Arrays.stream(text.split(";")).map(String::trim).filter(statement -> !statement.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the indexes these statements create, in their order. */
    static List<String> indexesCreatedBy(List<String> statements) {
        return statements.stream().map(CREATE_INDEX::matcher).filter(Matcher::find).map(index -> index.group(1)).toList();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
