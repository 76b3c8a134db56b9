package com.customerlifecycle.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.customerlifecycle.testing.Database;

/** Settings of a benchmark run, from system properties so that a quick run can use smaller numbers. */
final class Benchmarks {

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

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
