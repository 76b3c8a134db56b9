package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.customerlifecycle.journey.JourneyProcess;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.PackagedApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * B1 intake and B5 footprint. The packaged application runs as its own JVM (as in production, default JVM options,
 * job executor on); this JVM is the load generator. At each number of concurrent clients, the website's trial
 * sign-ups ({@code POST /api/trials}: lead, journey, lead qualification with its timers) are compared with the
 * application's engine floor measured in the same run: a bare process with one user task started through
 * {@code /engine-rest} by the same technical user; and that floor with the same process started on a bare Spring Boot +
 * Camunda application ({@link BareEngine}) running beside it. B5: time from {@code java -jar} to a healthy application
 * (and the bare engine's to ready), heap and resident memory after the start and after the load.
 */
class IntakeBenchmark {

    private static final String FLOOR_KEY = "benchmark-engine-floor";
    private static final String WEBSITE = Http.demoAuthorization("website");

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void trialSignUpsAgainstTheEngineFloor(String databaseName) throws Exception {
        Database database = Benchmarks.fresh(databaseName);
        Duration warmUp = Duration.ofSeconds(Benchmarks.number("intake.warmUpSeconds", 2));
        Duration measured = Duration.ofSeconds(Benchmarks.number("intake.seconds", 10));
        Duration jitWarmUp = Duration.ofSeconds(Benchmarks.number("intake.jitWarmUpSeconds", 30));
        Map<String, Object> intake = new LinkedHashMap<>();
        Map<String, Object> footprint = new LinkedHashMap<>();

        try (PackagedApplication app = startApplication(database, "intake-" + databaseName)) {
            footprint.put("start-up to healthy (s)", Benchmarks.round(app.awaitHealthy().toMillis() / 1000.0));
            Thread.sleep(3_000); // start-up work settles (queues, deployments)
            recordMemory(app, footprint, "after start");
            // the reference, started while the application idles, runs beside it: each figure below is measured
            // with the other JVM idle
            try (PackagedApplication bare = BareEngine.start(Benchmarks.log("intake-bare-engine-" + databaseName),
                    Benchmarks.fresh(databaseName))) {
                footprint.put("bare engine: start-up to ready (s)",
                        Benchmarks.round(bare.awaitAnswer(BareEngine.READY_PATH).toMillis() / 1000.0));
                String base = app.baseUrl();
                String bareBase = bare.baseUrl();
                deployEngineFloor(app.port());
                deployBareEngineFloor(bare.port());
                LoadGenerator load = new LoadGenerator();
                // JIT warm-up of the three paths, not counted
                load.run(8, Duration.ZERO, jitWarmUp, () -> trial(base));
                load.run(8, Duration.ZERO, jitWarmUp, () -> floor(base));
                load.run(8, Duration.ZERO, jitWarmUp, () -> floor(bareBase));

                for (int clients : Benchmarks.numbers("intake.clients", "1,8,32,64")) {
                    LoadGenerator.Load bareFloor = load.run(clients, warmUp, measured, () -> floor(bareBase));
                    LoadGenerator.Load floor = load.run(clients, warmUp, measured, () -> floor(base));
                    LoadGenerator.Load ours = load.run(clients, warmUp, measured, () -> trial(base));
                    assertThat(ours.failed()).as("failed sign-ups: %s", ours.firstFailure()).isZero();
                    assertThat(floor.failed()).as("failed floor starts: %s", floor.firstFailure()).isZero();
                    assertThat(bareFloor.failed()).as("failed bare engine starts: %s", bareFloor.firstFailure()).isZero();
                    put(intake, clients, "journeys/s", ours.perSecond());
                    put(intake, clients, "floor/s", floor.perSecond());
                    put(intake, clients, "bare engine/s", bareFloor.perSecond());
                    put(intake, clients, "ratio ours/floor", ours.perSecond() / floor.perSecond());
                    put(intake, clients, "ratio floor/bare engine", floor.perSecond() / bareFloor.perSecond());
                    put(intake, clients, "journey p50/p95/p99 ms", latencies(ours));
                    put(intake, clients, "floor p50/p95/p99 ms", latencies(floor));
                    put(intake, clients, "bare engine p50/p95/p99 ms", latencies(bareFloor));
                }
            }
            intake.put("journeys started in total", succeeded(Http.as("admin", app.port())
                    .get("/engine-rest/process-instance/count?processDefinitionKey=" + JourneyProcess.KEY)).json()
                    .get("count").asLong());
            recordMemory(app, footprint, "after B1");
        }
        // B5 the other way: extracted, with a class data sharing archive (on a database of its own); then restarted on
        // that database, as an operator restarts a node: schema in place, diagrams unchanged
        ClassDataSharing.prepare(List.of(startArguments(Benchmarks.fresh(databaseName))));
        Database own = Benchmarks.fresh(databaseName);
        for (String start : List.of("fresh database", "restart")) {
            try (PackagedApplication app = PackagedApplication.startJar(
                    Benchmarks.log("intake-cds-" + start.replace(' ', '-') + "-" + databaseName),
                    ClassDataSharing.jvmOptions(), ClassDataSharing.extractedJar(), startArguments(own))) {
                footprint.put("start-up to healthy, extracted with class data sharing, " + start + " (s)",
                        Benchmarks.round(app.awaitHealthy().toMillis() / 1000.0));
            }
        }
        BenchmarkReport.record("B1 intake", databaseName, intake);
        BenchmarkReport.record("B5 footprint", databaseName, footprint);
    }

    /** The packaged application on the database with the demo users, its output in {@code log}. */
    static PackagedApplication startApplication(Database database, String log, String... more) {
        return PackagedApplication.start(Benchmarks.log(log), List.of(), concat(startArguments(database), more));
    }

    private static String[] startArguments(Database database) {
        return concat(database.arguments(), "--spring.profiles.active=" + database.profiles("demo"),
                "--logging.level.root=WARN");
    }

    private static void put(Map<String, Object> figures, int clients, String figure, Object value) {
        figures.put(clients + " clients: " + figure, value instanceof Double number ? Benchmarks.round(number) : value);
    }

    static String latencies(LoadGenerator.Load load) {
        return String.format("%.1f / %.1f / %.1f", load.p50(), load.p95(), load.p99());
    }

    static HttpRequest trial(String base) {
        String body = """
                {"company": "Load Ltd", "contactName": "Lee Load", "email": "%s@load.example", "employees": 50}"""
                .formatted(UUID.randomUUID());
        return HttpRequest.newBuilder(URI.create(base + "/api/trials")).header("Authorization", WEBSITE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest floor(String base) {
        String body = "{\"businessKey\": \"" + UUID.randomUUID() + "\"}";
        return HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/" + FLOOR_KEY + "/start"))
                .header("Authorization", WEBSITE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A process owner deploys the floor process; the administrator lets the website start it, like a journey. */
    static void deployEngineFloor(int port) throws IOException {
        succeeded(Http.as("olivia", port).deploy("benchmark", "engine-floor.bpmn", engineFloor()));
        Http admin = Http.as("admin", port);
        for (String grant : List.of(
                "{\"type\": 1, \"permissions\": [\"CREATE_INSTANCE\"], \"groupId\": \"integration\", \"resourceType\": 6, \"resourceId\": \"" + FLOOR_KEY + "\"}",
                "{\"type\": 1, \"permissions\": [\"CREATE\"], \"groupId\": \"integration\", \"resourceType\": 8, \"resourceId\": \"*\"}")) {
            succeeded(admin.postJson("/engine-rest/authorization/create", grant));
        }
    }

    /** The bare engine takes the same deployment over REST; it has no logins and no authorizations. */
    static void deployBareEngineFloor(int port) throws IOException {
        succeeded(Http.anonymous(port).deploy("benchmark", "engine-floor.bpmn", engineFloor()));
    }

    private static byte[] engineFloor() throws IOException {
        try (InputStream resource = IntakeBenchmark.class.getResourceAsStream("/benchmark/engine-floor.bpmn")) {
            return resource.readAllBytes();
        }
    }

    private static void recordMemory(PackagedApplication app, Map<String, Object> footprint, String when) {
        Http admin = Http.as("admin", app.port());
        footprint.put("heap used " + when + " (MiB)", mebibytes(metric(admin, "jvm.memory.used?tag=area:heap")));
        footprint.put("heap committed " + when + " (MiB)", mebibytes(metric(admin, "jvm.memory.committed?tag=area:heap")));
        footprint.put("non-heap used " + when + " (MiB)", mebibytes(metric(admin, "jvm.memory.used?tag=area:nonheap")));
        footprint.put("RSS " + when + " (MiB)", mebibytes(app.residentSetSize()));
    }

    private static double metric(Http admin, String metric) {
        return succeeded(admin.get("/actuator/metrics/" + metric)).json().get("measurements").get(0).get("value").asDouble();
    }

    static Http.Response succeeded(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }

    private static double mebibytes(double bytes) {
        return Math.round(bytes / (1024 * 1024));
    }

    private static String[] concat(List<String> first, String... more) {
        return Stream.concat(first.stream(), Arrays.stream(more)).toArray(String[]::new);
    }

    private static String[] concat(String[] first, String... more) {
        return concat(List.of(first), more);
    }
}
