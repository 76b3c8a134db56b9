package com.customerlifecycle.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.renewal.RenewalProcess;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.DiagramChanges;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/forecast}: the work the journeys' pending timers will create, per week and role, read from the
 * deployed diagrams, and the renewal value coming due per month.
 */
@DemoApplicationTest
class ForecastApiTest {

    private static final String INTRODUCTION = "Introduce yourself to … at …";

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void managersProcessOwnersAndTheAdministratorReadItNobodyElse() {
        assertThat(Http.anonymous(port).get("/api/forecast").status()).isEqualTo(401);
        assertThat(Http.as("sara", port).get("/api/forecast").status()).isEqualTo(403);
        assertThat(Http.as("website", port).get("/api/forecast").status()).isEqualTo(403);
        assertThat(Http.as("olivia", port).get("/api/forecast").status()).isEqualTo(200);
        assertThat(Http.as("admin", port).get("/api/forecast").status()).isEqualTo(200);
        JsonNode forecast = Http.as("maria", port).get("/api/forecast").json();
        assertThat(forecast.get("weeks")).as("13 weeks by default").hasSize(13);
        assertThat(forecast.get("weeks").get(0).get("weekStart").asText())
                .isEqualTo(today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString());
    }

    @Test
    void weeksOutsideOneToOneHundredFourAreRefused() {
        for (String weeks : new String[] {"0", "105", "many"}) {
            Http.Response refused = Http.as("maria", port).get("/api/forecast?weeks=" + weeks);
            assertThat(refused.status()).as("weeks=%s", weeks).isEqualTo(400);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(Http.as("maria", port).get("/api/forecast?weeks=104").json().get("weeks")).hasSize(104);
    }

    @Test
    void aContractEndingInFourMonthsBringsItsRenewalIntroductionThirtyDaysFromNowAndItsValueInItsMonth() {
        LocalDate end = today().plusDays(120);
        LocalDate windowOpens = end.minusDays(90);
        JsonNode before = forecast(26);

        startRenewal(TestCustomers.active(signUps, customers, "Forecast Ltd", "low-touch", "amy", end.minusYears(1)));
        JsonNode after = forecast(26);

        assertThat(introductions(after, windowOpens) - introductions(before, windowOpens)).isEqualTo(1);
        assertThat(renewalValue(after, end) - renewalValue(before, end)).as("24,000 a year ending that month")
                .isEqualTo(24000.0);
    }

    @Test
    void aProcessOwnerWhoOpensTheRenewalWindowAt120DaysMovesTheForecast() {
        LocalDate end = today().plusDays(125);
        ProcessDefinition wider = DiagramChanges.of("subscription-renewal.bpmn")
                .setTimer(RenewalProcess.Timers.RENEWAL_WINDOW_OPENS, "${workingCalendar.daysBefore(contractEndDate, 120)}")
                .deploy(repositoryService, "renewal window at 120 days");
        try {
            JsonNode before = forecast(26);
            startRenewal(TestCustomers.active(signUps, customers, "Early Window Ltd", "low-touch", "amy", end.minusYears(1)));
            JsonNode after = forecast(26);

            assertThat(introductions(after, end.minusDays(120)) - introductions(before, end.minusDays(120)))
                    .as("the introduction comes 120 days before the end").isEqualTo(1);
            assertThat(introductions(after, end.minusDays(90)) - introductions(before, end.minusDays(90)))
                    .as("not 90 days before").isZero();
        } finally {
            repositoryService.deleteDeployment(wider.getDeploymentId(), true);
        }
    }

    private void startRenewal(TestCustomers.TestCustomer customer) {
        TestCustomers.inRenewal(runtimeService, customer);
    }

    private JsonNode forecast(int weeks) {
        Http.Response forecast = Http.as("maria", port).get("/api/forecast?weeks=" + weeks);
        assertThat(forecast.status()).isEqualTo(200);
        return forecast.json();
    }

    private static int introductions(JsonNode forecast, LocalDate day) {
        String week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        for (JsonNode each : forecast.get("weeks")) {
            if (each.get("weekStart").asText().equals(week)) {
                return each.path("byRole").path("renewal").path("kinds").path(INTRODUCTION).asInt(0);
            }
        }
        throw new AssertionError("No week " + week + " in the forecast");
    }

    private static double renewalValue(JsonNode forecast, LocalDate day) {
        for (JsonNode month : forecast.get("renewalValueByMonth")) {
            if (month.get("month").asText().equals(day.toString().substring(0, 7))) {
                return month.get("annualValue").asDouble();
            }
        }
        throw new AssertionError("No month of " + day + " in the forecast");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Berlin"));
    }
}
