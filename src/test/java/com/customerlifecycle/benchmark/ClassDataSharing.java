package com.customerlifecycle.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.customerlifecycle.testing.PackagedApplication;

/**
 * B5's other way to start: Spring Boot's efficient deployment. The packaged jar extracted
 * ({@code java -Djarmode=tools -jar … extract}: the application jar and its libraries side by side, no nested jars),
 * plus a class data sharing archive from a training run that stops once the context is refreshed
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}); started with
 * {@code -XX:SharedArchiveFile}. README, "Start faster".
 */
final class ClassDataSharing {

    private static final Path DIRECTORY = BenchmarkReport.DIRECTORY.resolve("extracted").toAbsolutePath();

    private ClassDataSharing() {
    }

    /** The extracted application jar. */
    static Path extractedJar() {
        return DIRECTORY.resolve("application").resolve(PackagedApplication.jar().getFileName());
    }

    /** The JVM option that starts with the archive. */
    static List<String> jvmOptions() {
        return List.of("-XX:SharedArchiveFile=" + DIRECTORY.resolve("application.jsa"));
    }

    /** Extracts the jar and trains the archive with the given Spring Boot arguments (a database of its own). */
    static void prepare(List<String> trainingArguments) {
        run(List.of(java(), "-Djarmode=tools", "-jar", PackagedApplication.jar().toAbsolutePath().toString(),
                "extract", "--force", "--destination", DIRECTORY.resolve("application").toString()), "extract");
        List<String> training = new ArrayList<>(List.of(java(),
                "-XX:ArchiveClassesAtExit=" + DIRECTORY.resolve("application.jsa"), "-Dspring.context.exit=onRefresh",
                "-jar", extractedJar().toString(), "--server.port=0"));
        training.addAll(trainingArguments);
        run(training, "training");
    }

    private static void run(List<String> command, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(DIRECTORY.resolve(name + ".log").toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(name + " failed, see " + DIRECTORY.resolve(name + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
