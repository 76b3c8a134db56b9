package com.customerlifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar that {@code ./mvnw verify} packaged, run as its own JVM the way production runs it: {@code java -jar}.
 * Used by the tests and benchmarks that must not share a JVM with the application (crash, footprint, HTTP load).
 */
public final class PackagedApplication implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedNanos;

    private PackagedApplication(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts the packaged jar on a free port with the given Spring Boot arguments; its output goes to {@code log}. */
    public static PackagedApplication start(Path log, List<String> jvmOptions, String... arguments) {
        return startJar(log, jvmOptions, jar(), arguments);
    }

    /** The same with another jar of the application, e.g. the one {@code -Djarmode=tools extract} wrote. */
    public static PackagedApplication startJar(Path log, List<String> jvmOptions, Path jar, String... arguments) {
        return launch(log, jvmOptions, List.of("-jar", jar.toString()), arguments);
    }

    /**
     * Starts another Spring Boot application the same way (own JVM, free port, output to {@code log}): its main class
     * on the given class path.
     */
    public static PackagedApplication startMainClass(Path log, List<String> jvmOptions, String classPath,
                                                     String mainClass, String... arguments) {
        return launch(log, jvmOptions, List.of("-cp", classPath, mainClass), arguments);
    }

    private static PackagedApplication launch(Path log, List<String> jvmOptions, List<String> application,
                                              String... arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(application);
        command.add("--server.port=" + port);
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new PackagedApplication(process, port, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; the time from the process start to then. */
    public Duration awaitHealthy() {
        return awaitAnswer("/actuator/health");
    }

    /** Waits until {@code path} answers 200; the time from the process start to then. */
    public Duration awaitAnswer(String path) {
        await("the application starts (see " + log + ")").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertThat(process.isAlive()).as("the application is running; see %s", log).isTrue();
                    try {
                        return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException stillStarting) {
                        return false;
                    }
                });
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size of the application's JVM in bytes, from {@code /proc} (Linux). */
    public long residentSetSize() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crashing machine would. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    /** The jar {@code ./mvnw verify} packaged before the {@code verify}-phase tests run. */
    public static Path jar() {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("customer-lifecycle-orchestrator-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("package the application first (./mvnw verify)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
