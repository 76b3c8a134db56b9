package com.customerlifecycle.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUp;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.support.SupportCases;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /actuator/prometheus} as monitoring scrapes it: never anonymous, and the journey's gauges move with the work. */
@DemoApplicationTest
class PrometheusScrapeTest {

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    SupportCases supportCases;

    @Test
    void onlyMonitoringAndTheAdministratorMayScrape() {
        assertThat(Http.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Http.as("sara", port).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Http.as("metrics", port).get("/actuator/metrics").status()).as("metrics may scrape, nothing else")
                .isEqualTo(403);
        Http.Response scrape = Http.as("metrics", port).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("clo_tasks_open{role=\"renewal\"}").contains("clo_journeys{stage=\"renew-subscription\"}")
                .contains("clo_support_cases_open{tier=\"trial\"}").contains("clo_renewal_value_due_90d")
                .contains("camunda_jobs_due").contains("camunda_incidents_open").contains("jvm_memory_used_bytes");
        assertThat(Http.as("admin", port).get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void theGaugesCountTheWorkAsItHappens() {
        String before = scrape();
        signUps.signUp(new TrialSignUp("Gauge Trial Ltd", "Gina Gauge", UUID.randomUUID() + "@gauge.example", null, 5, 30));
        LocalDate inElevenMonths = LocalDate.now(ZoneId.of("Europe/Berlin")).minusMonths(11);
        TestCustomers.TestCustomer ending = TestCustomers.active(signUps, customers, "Ending Soon Ltd", "low-touch", "amy",
                inElevenMonths);
        supportCases.open(new SupportCases.CaseRequest(null, ending.customerId(), "question", "email", "Gauges?",
                "How many?", null));
        String after = scrape();

        assertThat(value(after, "clo_tasks_open", "role=\"sdr\"") - value(before, "clo_tasks_open", "role=\"sdr\""))
                .as("the new lead's contact task").isEqualTo(1);
        assertThat(value(after, "clo_journeys", "stage=\"qualify-lead\"") - value(before, "clo_journeys", "stage=\"qualify-lead\""))
                .isEqualTo(1);
        assertThat(value(after, "clo_renewal_value_due_90d", null) - value(before, "clo_renewal_value_due_90d", null))
                .as("a contract of 24,000 a year ending in a month").isEqualTo(24000);
        assertThat(value(after, "clo_support_cases_open", "tier=\"low-touch\"")
                - value(before, "clo_support_cases_open", "tier=\"low-touch\"")).isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(60))));
        try {
            String later = scrape();
            assertThat(value(later, "clo_tasks_overdue", "role=\"sdr\"")).as("two months on, every SDR task is late")
                    .isEqualTo(value(later, "clo_tasks_open", "role=\"sdr\"")).isPositive();
        } finally {
            ClockUtil.reset();
        }
    }

    private String scrape() {
        Http.Response scrape = Http.as("metrics", port).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    private static double value(String scrape, String gauge, String tag) {
        Matcher line = Pattern.compile("(?m)^" + gauge + "(\\{([^}]*)})? (\\S+)$").matcher(scrape);
        while (line.find()) {
            if (tag == null || line.group(2) != null && line.group(2).contains(tag)) {
                return Double.parseDouble(line.group(3));
            }
        }
        throw new AssertionError("No " + gauge + " " + tag + " in the scrape");
    }
}
