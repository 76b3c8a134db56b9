package com.customerlifecycle.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/kpis}: who reads it, its default period, and the periods it refuses. The figures: {@link KpiHistoryTest}. */
@DemoApplicationTest
class KpiApiTest {

    @LocalServerPort
    int port;

    @Test
    void managersProcessOwnersAndTheAdministratorReadItNobodyElse() {
        assertThat(Http.anonymous(port).get("/api/kpis").status()).isEqualTo(401);
        for (String user : new String[] {"sara", "alex", "chris", "rita", "website", "metrics"}) {
            assertThat(Http.as(user, port).get("/api/kpis").status()).as(user).isEqualTo(403);
        }
        for (String user : new String[] {"maria", "olivia", "admin"}) {
            assertThat(Http.as(user, port).get("/api/kpis").status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void withoutDatesTheLastNinetyDaysTodayIncluded() {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Berlin"));
        JsonNode kpis = Http.as("maria", port).get("/api/kpis").json();
        assertThat(kpis.get("from").asText()).isEqualTo(today.minusDays(89).toString());
        assertThat(kpis.get("to").asText()).isEqualTo(today.toString());
        assertThat(kpis.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(kpis.get("success").get("customersByTier").fieldNames())
                .toIterable().containsExactly("high-touch", "low-touch", "tech-touch");
        assertThat(kpis.get("support").get("byTier").fieldNames())
                .toIterable().containsExactly("high-touch", "low-touch", "tech-touch", "trial");

        JsonNode sinceOctober = Http.as("maria", port).get("/api/kpis?to=2026-12-31").json();
        assertThat(sinceOctober.get("from").asText()).isEqualTo("2026-10-03");
        JsonNode fromDay = Http.as("maria", port).get("/api/kpis?from=2026-01-01").json();
        assertThat(fromDay.get("to").asText()).isEqualTo(today.toString());
    }

    @Test
    void anEmptyPeriodHasZerosAndNoRates() {
        JsonNode kpis = Http.as("maria", port).get("/api/kpis?from=2001-01-01&to=2001-01-31").json();
        assertThat(kpis.get("sdr").get("leads").asInt()).isZero();
        assertThat(kpis.get("sdr").get("reachRate").isNull()).isTrue();
        assertThat(kpis.get("ae").get("winRate").isNull()).isTrue();
        assertThat(kpis.get("ae").get("wonAnnualValue").asDouble()).isZero();
        assertThat(kpis.get("renewal").get("grossRevenueRetention").isNull()).isTrue();
        assertThat(kpis.get("support").get("medianHoursToResolve").isNull()).isTrue();
    }

    @Test
    void badDatesAPeriodBackwardsOrLongerThanThreeYearsAreRefused() {
        for (String query : new String[] {"from=yesterday", "to=2026-13-01", "from=2026-12-31&to=2026-10-01",
                "from=2020-01-01&to=2026-12-31"}) {
            Http.Response refused = Http.as("maria", port).get("/api/kpis?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(query).isEqualTo("application/problem+json");
        }
        assertThat(Http.as("maria", port).get("/api/kpis?from=2023-12-31&to=2026-12-31").status())
                .as("three years exactly").isEqualTo(200);
    }
}
