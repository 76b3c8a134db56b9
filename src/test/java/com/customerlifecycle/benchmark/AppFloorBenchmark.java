package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customerlifecycle.testing.PackagedApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * B1 application floor, what each tuning buys: the engine floor and the trial sign-ups of IntakeBenchmark, measured on
 * the packaged application started once per step with the tunings of this issue switched on one after the other,
 * each beside the bare engine ({@link BareEngine}, started once, measured again right before each step's figures).
 * Steps: as before (Camunda's HTTP Basic look-ups on every request, the group look-up in every command, Spring
 * Security's observations), then the verified-credentials cache, then no group look-up, then no security
 * observations (the configuration as shipped). {@code -Dtest=AppFloorBenchmark}, clients with
 * {@code -Dclo.benchmark.floor.clients=8,32}.
 */
class AppFloorBenchmark {

    /** Each step's arguments on top of the demo profile: the tunings not yet switched on, switched off. */
    private static final Map<String, List<String>> STEPS = steps();

    private static Map<String, List<String>> steps() {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        steps.put("as before", List.of("--clo.security.verified-credentials-ttl=PT0S",
                "--clo.authorization.group-look-up=true", "--clo.security.observations=true"));
        steps.put("+ verified credentials", List.of("--clo.authorization.group-look-up=true",
                "--clo.security.observations=true"));
        steps.put("+ no group look-up", List.of("--clo.security.observations=true"));
        steps.put("+ no security observations (as shipped)", List.of());
        return steps;
    }

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void eachTuningAgainstTheBareEngine(String databaseName) throws Exception {
        Duration warmUp = Duration.ofSeconds(Benchmarks.number("intake.warmUpSeconds", 2));
        Duration measured = Duration.ofSeconds(Benchmarks.number("intake.seconds", 10));
        Duration jitWarmUp = Duration.ofSeconds(Benchmarks.number("floor.jitWarmUpSeconds", 20));
        List<Integer> clientCounts = Benchmarks.numbers("floor.clients", "8,32");
        Map<String, Object> figures = new LinkedHashMap<>();
        LoadGenerator load = new LoadGenerator();

        try (PackagedApplication bare = BareEngine.start(Benchmarks.log("floor-bare-engine-" + databaseName),
                Benchmarks.fresh(databaseName))) {
            bare.awaitAnswer(BareEngine.READY_PATH);
            IntakeBenchmark.deployBareEngineFloor(bare.port());
            String bareBase = bare.baseUrl();
            load.run(8, Duration.ZERO, jitWarmUp, () -> IntakeBenchmark.floor(bareBase));

            int index = 0;
            for (Map.Entry<String, List<String>> step : STEPS.entrySet()) {
                index++;
                try (PackagedApplication app = IntakeBenchmark.startApplication(Benchmarks.fresh(databaseName),
                        "floor-step-" + index + "-" + databaseName, step.getValue().toArray(String[]::new))) {
                    figures.put(step.getKey() + ": start-up to healthy (s)",
                            Benchmarks.round(app.awaitHealthy().toMillis() / 1000.0));
                    String base = app.baseUrl();
                    IntakeBenchmark.deployEngineFloor(app.port());
                    load.run(8, Duration.ZERO, jitWarmUp, () -> IntakeBenchmark.trial(base));
                    load.run(8, Duration.ZERO, jitWarmUp, () -> IntakeBenchmark.floor(base));
                    for (int clients : clientCounts) {
                        LoadGenerator.Load bareFloor = load.run(clients, warmUp, measured, () -> IntakeBenchmark.floor(bareBase));
                        LoadGenerator.Load floor = load.run(clients, warmUp, measured, () -> IntakeBenchmark.floor(base));
                        LoadGenerator.Load ours = load.run(clients, warmUp, measured, () -> IntakeBenchmark.trial(base));
                        assertThat(List.of(bareFloor.failed(), floor.failed(), ours.failed()))
                                .as("failures: %s %s %s", bareFloor.firstFailure(), floor.firstFailure(), ours.firstFailure())
                                .containsOnly(0L);
                        String prefix = step.getKey() + ", " + clients + " clients: ";
                        figures.put(prefix + "bare engine/s", Benchmarks.round(bareFloor.perSecond()));
                        figures.put(prefix + "floor/s", Benchmarks.round(floor.perSecond()));
                        figures.put(prefix + "journeys/s", Benchmarks.round(ours.perSecond()));
                        figures.put(prefix + "ratio floor/bare engine", Benchmarks.round(floor.perSecond() / bareFloor.perSecond()));
                        figures.put(prefix + "ratio journeys/floor", Benchmarks.round(ours.perSecond() / floor.perSecond()));
                        figures.put(prefix + "floor p50/p95/p99 ms", IntakeBenchmark.latencies(floor));
                    }
                }
            }
        }
        BenchmarkReport.record("B1 application floor per tuning", databaseName, figures);
    }
}
