package com.customerlifecycle.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TestLeads;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.Browser;
import com.customerlifecycle.testing.BrowserSession;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.Http;
import com.customerlifecycle.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager in a real browser: logs into Cockpit by typing and finds the KPI dashboard on the start page — the
 * figures of a period picked by typing its days, the charts drawn, and the coming weeks' work of the renewals started
 * here. Someone who may open Cockpit but not read the KPIs sees a one-line note and no data.
 */
@DemoApplicationTest
class KpiDashboardBrowserTest {

    private static final String INTRODUCTION = "Introduce yourself to … at …";
    private static final ZoneId BUSINESS = ZoneId.of("Europe/Berlin");
    /** A month in the past that only this test fills with sign-ups. */
    private static final LocalDate PERIOD_FROM = LocalDate.of(2021, 3, 1);
    private static final LocalDate PERIOD_TO = LocalDate.of(2021, 3, 31);

    @LocalServerPort
    int port;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    AuthorizationService authorizationService;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void setUp() {
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void managerSeesThePeriodsKpisAndTheComingWeeksWorkAsCharts() {
        signUpTrialLeadsOn(LocalDate.of(2021, 3, 10), 3);
        JsonNode before = forecast();
        // one contract ends in 120 days (its renewal window opens in 30), one in 60 (its window is open already)
        for (int daysLeft : new int[] {120, 60}) {
            TestCustomers.inRenewal(runtimeService, TestCustomers.active(signUps, customers,
                    "Dashboard Renewal " + daysLeft + " Ltd", "low-touch", "amy", today().plusDays(daysLeft).minusYears(1)));
        }
        JsonNode forecast = forecast();
        assertThat(introductions(forecast) - introductions(before))
                .as("each renewal's introduction 90 days before its end, within 13 weeks").isEqualTo(2);
        assertThat(contracts(forecast) - contracts(before)).as("the one ending within 13 weeks").isEqualTo(1);

        Browser.logIn(browser, base() + "/camunda/app/cockpit/default/", "maria", "demo");
        WebElement dashboard = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#clo-dashboard[data-state='ready']")));

        assertThat(browser.findElement(By.cssSelector(".navbar-brand")).getText()).contains("Customer Lifecycle Orchestrator");
        assertThat(text("#clo-forecast-roles li[data-role='renewal'] .clo-role-tasks"))
                .isEqualTo(String.valueOf(tasks(forecast, "renewal")));
        assertThat(text("#clo-forecast-total")).isEqualTo(String.format("%,d", total(forecast)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#clo-forecast-work .clo-chart svg")));
        assertThat(browser.findElements(By.cssSelector("#clo-forecast-work .clo-chart svg path"))).isNotEmpty();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#clo-forecast-renewals .clo-chart svg")));
        assertThat(text("[data-kpi='forecast.renewalValue'] .clo-figure-label"))
                .isEqualTo(contracts(forecast) + (contracts(forecast) == 1 ? " contract" : " contracts"));
        scrollTo("clo-forecast");
        Browser.screenshot(browser, "kpi-dashboard-forecast");

        assertThat(dashboard.findElements(By.cssSelector("#clo-kpi-cards > .clo-card"))).as("one card per role section")
                .hasSize(6);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#clo-kpi-onboarding .clo-chart svg")));
        assertThat(figure("onboarding.onboarded")).as("the default period: the last 90 days, with this test's customers")
                .isEqualTo(String.valueOf(Http.as("maria", port).get("/api/kpis").json().at("/onboarding/onboarded").asInt()));

        typeDay(By.id("clo-period-from"), PERIOD_FROM);
        typeDay(By.id("clo-period-to"), PERIOD_TO);
        browser.findElement(By.id("clo-period-show")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("clo-kpis"), "data-from", PERIOD_FROM.toString()));
        wait.until(ExpectedConditions.attributeToBe(By.id("clo-kpis"), "data-to", PERIOD_TO.toString()));
        JsonNode kpis = Http.as("maria", port).get("/api/kpis?from=" + PERIOD_FROM + "&to=" + PERIOD_TO).json();
        assertThat(kpis.at("/sdr/leads").asInt()).isEqualTo(3);
        assertThat(figure("sdr.leads")).as("the leads signed up in that month").isEqualTo("3");
        assertThat(figure("sdr.contacted")).isEqualTo("0");
        assertThat(figure("sdr.reachRate")).isEqualTo("0%");
        assertThat(figure("sdr.medianHoursToFirstContact")).as("nothing to measure").isEqualTo("—");
        assertThat(figure("ae.winRate")).as("no opportunity closed").isEqualTo("—");
        scrollTo("clo-dashboard");
        Browser.screenshot(browser, "kpi-dashboard-period");

        browser.findElement(By.cssSelector(".clo-period-quick [data-choice='last-90-days']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("clo-kpis"), "data-from", today().minusDays(89).toString()));
        assertThat(browser.findElement(By.cssSelector(".clo-period-quick [data-choice='last-90-days']"))
                .getDomAttribute("class")).contains("active");
    }

    @Test
    void someoneWhoMayOpenCockpitButNotReadTheKpisSeesOnlyANote() {
        Authorization cockpit = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        cockpit.setUserId("sara");
        cockpit.setResource(Resources.APPLICATION);
        cockpit.setResourceId("cockpit");
        cockpit.addPermission(Permissions.ACCESS);
        cockpit = authorizationService.saveAuthorization(cockpit);
        try {
            Browser.logIn(browser, base() + "/camunda/app/cockpit/default/", "sara", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#clo-dashboard[data-state='no-access']")));

            assertThat(text("#clo-dashboard-note")).isEqualTo(
                    "The KPI dashboard is for managers, process owners and administrators.");
            assertThat(browser.findElements(By.cssSelector("#clo-dashboard .clo-card, #clo-dashboard svg, "
                    + "#clo-dashboard .alert"))).isEmpty();
        } finally {
            authorizationService.deleteAuthorization(cockpit.getId());
        }
    }

    /** Trial leads stored as if they had signed up on that day (no journey: nothing joins the forecast). */
    private void signUpTrialLeadsOn(LocalDate day, int leads) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(BUSINESS).toInstant()));
        try {
            for (int lead = 1; lead <= leads; lead++) {
                TestLeads.store(signUps, "Dashboard Lead " + lead + " GmbH");
            }
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * Types a day into a date field the way a person does, in the order the browser's locale shows its parts (for
     * en-US: month, day, year).
     */
    private void typeDay(By field, LocalDate day) {
        String order = (String) ((JavascriptExecutor) browser).executeScript(
                "return new Intl.DateTimeFormat().formatToParts(new Date(2000, 0, 2))"
                        + ".filter(p => ['year', 'month', 'day'].includes(p.type)).map(p => p.type).join(',')");
        StringBuilder keys = new StringBuilder();
        for (String part : order.split(",")) {
            keys.append(switch (part) {
                case "year" -> String.format("%04d", day.getYear());
                case "month" -> String.format("%02d", day.getMonthValue());
                default -> String.format("%02d", day.getDayOfMonth());
            });
        }
        WebElement input = browser.findElement(field);
        input.sendKeys(keys);
        assertThat(input.getDomProperty("value")).as("the typed day").isEqualTo(day.toString());
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private String figure(String kpi) {
        return text("[data-kpi='" + kpi + "'] .clo-figure-value");
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))).getText();
    }

    private JsonNode forecast() {
        Http.Response forecast = Http.as("maria", port).get("/api/forecast?weeks=13");
        assertThat(forecast.status()).isEqualTo(200);
        return forecast.json();
    }

    private static int tasks(JsonNode forecast, String role) {
        int tasks = 0;
        for (JsonNode week : forecast.get("weeks")) {
            tasks += week.path("byRole").path(role).path("tasks").asInt(0);
        }
        return tasks;
    }

    private static int introductions(JsonNode forecast) {
        int tasks = 0;
        for (JsonNode week : forecast.get("weeks")) {
            tasks += week.path("byRole").path("renewal").path("kinds").path(INTRODUCTION).asInt(0);
        }
        return tasks;
    }

    private static int contracts(JsonNode forecast) {
        int contracts = 0;
        for (JsonNode month : forecast.get("renewalValueByMonth")) {
            contracts += month.get("contracts").asInt();
        }
        return contracts;
    }

    private static int total(JsonNode forecast) {
        int tasks = 0;
        for (JsonNode week : forecast.get("weeks")) {
            for (JsonNode work : week.get("byRole")) {
                tasks += work.get("tasks").asInt();
            }
        }
        return tasks;
    }

    private static LocalDate today() {
        return LocalDate.now(BUSINESS);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
