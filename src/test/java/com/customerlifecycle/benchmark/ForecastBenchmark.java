package com.customerlifecycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.ApplicationNode;
import com.customerlifecycle.testing.Database;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * B8 the workload forecast: 10,000 active customers, each in customer success (waiting for its next check-in) and in a
 * renewal cycle (waiting for its renewal window), contracts ending over the next year; then
 * {@code GET /api/forecast?weeks=13} and {@code ?weeks=52} are read 200 times each by a manager (after 20 to warm
 * up): p50 / p95 / max, one request at a time. Then a year of history for those customers and as many leads that did
 * not buy ({@link KpiYear}) and {@code GET /api/kpis} for the year and for the default 90 days, the same way.
 */
class ForecastBenchmark {

    @ParameterizedTest
    @MethodSource("com.customerlifecycle.benchmark.Benchmarks#databases")
    void theForecastOfTenThousandCustomers(String databaseName) throws Exception {
        int customers = Benchmarks.number("forecast.customers", 10_000);
        Map<String, Object> figures = new LinkedHashMap<>();
        Database database = Benchmarks.fresh(databaseName);
        try (ConfigurableApplicationContext node = ApplicationNode.start(database, true,
                "--camunda.bpm.job-execution.enabled=false")) {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            long preparing = System.nanoTime();
            inCareAndRenewal(node.getBean(TrialSignUpService.class), node.getBean(CustomerRepository.class),
                    node.getBean(RuntimeService.class), customers);
            figures.put("active customers (in care and in a renewal)", customers);
            figures.put("preparing (s)", Benchmarks.round((System.nanoTime() - preparing) / 1e9));

            Http maria = Http.as("maria", port);
            JsonNode year = maria.get("/api/forecast?weeks=52").json();
            int introductions = 0;
            for (JsonNode week : year.get("weeks")) {
                introductions += week.path("byRole").path("renewal").path("kinds").path("Introduce yourself to … at …").asInt(0);
            }
            figures.put("renewal introductions forecast in 52 weeks", introductions);
            assertThat(introductions).as("every renewal window opens within the year").isEqualTo(customers);
            Benchmarks.latencies(figures, "GET /api/forecast?weeks=13", maria, "/api/forecast?weeks=13");
            Benchmarks.latencies(figures, "GET /api/forecast?weeks=52", maria, "/api/forecast?weeks=52");

            long writing = System.nanoTime();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            figures.put("rows of a year's history for the KPIs", KpiYear.write(node.getBean(JdbcTemplate.class), today));
            figures.put("writing the year (s)", Benchmarks.round((System.nanoTime() - writing) / 1e9));
            String lastYear = "/api/kpis?from=" + today.minusDays(364) + "&to=" + today;
            JsonNode kpis = maria.get(lastYear).json();
            figures.put("leads in the year", kpis.get("sdr").get("leads").asInt());
            figures.put("renewal cycles ended in the year", kpis.get("renewal").get("contractsEnded").asInt());
            assertThat(kpis.get("ae").get("won").asInt()).as("every customer's deal").isEqualTo(customers);
            assertThat(kpis.get("success").get("checkInsHeld").asInt()).isEqualTo(4 * customers);
            Benchmarks.latencies(figures, "GET /api/kpis for a year", maria, lastYear);
            Benchmarks.latencies(figures, "GET /api/kpis for 90 days", maria, "/api/kpis");
        }
        BenchmarkReport.record("B8 workload forecast and team KPIs", databaseName, figures);
    }

    /** Each customer: a contract ending between 100 and 369 days from now, customer success and a renewal cycle. */
    private static void inCareAndRenewal(TrialSignUpService signUps, CustomerRepository customers, RuntimeService runtime,
                                         int count) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String company = "Forecast Customer " + i;
                LocalDate contractStart = today.plusDays(100 + i % 270).minusYears(1);
                written.add(writers.submit(() -> {
                    TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, company, "low-touch",
                            "amy", contractStart);
                    TestCustomers.inCustomerSuccess(runtime, customer, "low-touch");
                    TestCustomers.inRenewal(runtime, customer);
                }));
            }
            for (Future<?> write : written) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }
}
