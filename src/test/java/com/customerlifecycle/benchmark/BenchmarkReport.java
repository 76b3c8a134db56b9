package com.customerlifecycle.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one benchmark run: {@code target/benchmarks/results.json} (machine, then benchmark → database →
 * figure) and {@code target/benchmarks/summary.md} (one table per benchmark, the databases side by side). Both are
 * rewritten after every benchmark, so an interrupted run keeps what it measured.
 */
final class BenchmarkReport {

    static final Path DIRECTORY = Path.of("target", "benchmarks");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, Map<String, Map<String, Object>>> RESULTS = new TreeMap<>();
    private static final Map<String, Object> MACHINE = machine();

    private BenchmarkReport() {
    }

    /** Records the figures of a benchmark on a database (in the order they were put) and rewrites the reports. */
    static synchronized void record(String benchmark, String database, Map<String, Object> figures) {
        RESULTS.computeIfAbsent(benchmark, name -> new LinkedHashMap<>()).put(database, figures);
        System.out.printf("benchmark %s on %s: %s%n", benchmark, database, figures);
        try {
            Files.createDirectories(DIRECTORY);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("machine", MACHINE);
            document.put("results", RESULTS);
            JSON.writeValue(DIRECTORY.resolve("results.json").toFile(), document);
            Files.writeString(DIRECTORY.resolve("summary.md"), summary());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the benchmark report", e);
        }
    }

    private static String summary() {
        StringBuilder text = new StringBuilder("# Benchmark results\n\n");
        MACHINE.forEach((key, value) -> text.append("- ").append(key).append(": ").append(value).append('\n'));
        RESULTS.forEach((benchmark, byDatabase) -> {
            List<String> databases = List.copyOf(byDatabase.keySet());
            TreeSet<String> seen = new TreeSet<>();
            text.append("\n## ").append(benchmark).append("\n\n| figure | ").append(String.join(" | ", databases))
                    .append(" |\n|---|").append("---|".repeat(databases.size())).append('\n');
            // rows in the order of the database with the most figures (PostgreSQL has the byte sizes H2 lacks)
            byDatabase.values().stream().sorted(Comparator.comparingInt((Map<String, Object> figures) -> figures.size())
                    .reversed()).forEach(figures -> figures.keySet().forEach(figure -> {
                if (seen.add(figure)) {
                    text.append("| ").append(figure).append(" | ");
                    databases.forEach(database -> text.append(format(byDatabase.get(database).get(figure))).append(" | "));
                    text.append('\n');
                }
            }));
        });
        return text.toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double number) {
            return number >= 100 ? String.format("%.0f", number) : String.format("%.2f", number);
        }
        return value.toString();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", OffsetDateTime.now().toString());
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return machine;
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException notLinux) {
            return "unknown";
        }
    }
}
