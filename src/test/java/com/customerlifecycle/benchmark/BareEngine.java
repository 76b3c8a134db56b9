package com.customerlifecycle.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.customerlifecycle.benchmark.bare.BareEngineApplication;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.PackagedApplication;

/**
 * Starts {@link BareEngineApplication} in its own JVM, as B1 starts the application (default JVM options): Spring Boot
 * with Camunda's REST starter on the given database, history {@code full}, authorization off (Camunda's default),
 * no authentication on {@code /engine-rest}, job executor on. Its class path is the packaged application's own
 * libraries (the same versions) without what the product adds to the REST starter and the database drivers: security,
 * the webapps, actuator and Micrometer's registry, Flyway, Spin, mail, OpenAPI and the browser libraries.
 */
final class BareEngine {

    /** Library jars of the packaged application that a bare REST-starter application does not have. */
    private static final List<String> NOT_BARE = List.of("spring-security-", "camunda-bpm-spring-boot-starter-webapp",
            "camunda-webapp", "spring-boot-actuator", "micrometer-registry-", "micrometer-core-", "micrometer-jakarta9-",
            "prometheus-metrics-", "HdrHistogram-", "LatencyUtils-", "flyway-", "jackson-dataformat-toml-",
            "camunda-engine-plugin-spin-", "camunda-spin-", "jakarta.mail-", "angus-activation-", "jmustache-",
            "springdoc-", "swagger-", "webjars-locator-", "bpmn-js-", "echarts-", "caffeine-",
            "spring-boot-jarmode-tools-");

    /** It has no health endpoint: ready when this answers. */
    static final String READY_PATH = "/engine-rest/engine";

    private BareEngine() {
    }

    static PackagedApplication start(Path log, Database database) {
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.addAll(List.of("--camunda.bpm.history-level=full", "--camunda.bpm.auto-deployment-enabled=false",
                "--logging.level.root=WARN"));
        return PackagedApplication.startMainClass(log, List.of(), classPath(), BareEngineApplication.class.getName(),
                arguments.toArray(String[]::new));
    }

    /** This test tree's classes (for the main class) and the packaged application's libraries, less {@link #NOT_BARE}. */
    private static String classPath() {
        Path libraries = BenchmarkReport.DIRECTORY.resolve("bare-engine-libraries");
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        try (ZipFile jar = new ZipFile(PackagedApplication.jar().toFile())) {
            Files.createDirectories(libraries);
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith("BOOT-INF/lib/") || name.endsWith("/")) {
                    continue;
                }
                String fileName = name.substring("BOOT-INF/lib/".length());
                if (NOT_BARE.stream().anyMatch(fileName::startsWith)) {
                    continue;
                }
                Path library = libraries.resolve(fileName);
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
                }
                classPath.add(library.toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(File.pathSeparator, classPath);
    }
}
