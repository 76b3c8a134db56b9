package com.customerlifecycle.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import com.customerlifecycle.customer.CustomerRepository;
import com.customerlifecycle.lead.TrialSignUpService;
import com.customerlifecycle.testing.Browser;
import com.customerlifecycle.testing.BrowserSession;
import com.customerlifecycle.testing.DemoApplicationTest;
import com.customerlifecycle.testing.ProcessDriver;
import com.customerlifecycle.testing.TestCustomers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The renewal manager in a real browser: opens a renewal negotiation in Tasklist and reads the contract's end date as
 * a date, the annual value with its currency and the offers in words, with no Camunda 8 advert on the page.
 */
@DemoApplicationTest
class NegotiationFormBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TrialSignUpService signUps;
    @Autowired
    CustomerRepository customers;

    @RegisterExtension
    final BrowserSession session = new BrowserSession("tasklist-negotiation-form");

    @Test
    void renewalManagerReadsTheEndDateAsADateAndTheValueWithItsCurrency() {
        WebDriver browser = session.driver();
        LocalDate contractStart = LocalDate.now(ZoneId.of("Europe/Berlin")).minusMonths(11);
        TestCustomers.TestCustomer customer = TestCustomers.active(signUps, customers, "Letter Form Ltd", "low-touch",
                "amy", contractStart);
        ProcessInstance renewal = TestCustomers.inRenewal(runtimeService, customer);
        ProcessDriver driver = new ProcessDriver(processEngine);
        runDueTimers(renewal);
        driver.completeAs("rita", driver.openTask(RenewalProcess.Tasks.INTRODUCE_RENEWAL_MANAGER, renewal),
                Map.of("introductionNotes", "Met"));
        runDueTimers(renewal);
        Task negotiation = driver.openTask(RenewalProcess.Tasks.NEGOTIATE_RENEWAL, renewal);
        String endDate = contractStart.plusYears(1).format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH));

        taskService.claim(negotiation.getId(), "rita");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Browser.logIn(browser, "http://localhost:" + port + "/camunda/app/tasklist/default/", "rita", "demo");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + negotiation.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Renewal of Letter Form Ltd"));

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Current annual value €24,000.00, contract ends " + endDate)
                .contains("2 years: €21,600.00 a year (10 % off)")
                .doesNotContain("T23:00:00").doesNotContain("24000")
                .doesNotContain("migrate to Camunda 8");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[normalize-space()='Renewed']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form-field-select .fjs-input-group")))
                .click();
        wait.until(driverNow -> driverNow.findElement(By.tagName("body")).getText()
                .split("2 years: €21,600.00 a year \\(10 % off\\)", -1).length > 2);
        assertThat(browser.findElements(By.cssSelector(".fjs-dropdownlist-item"))).as("the term list offers the table's rows")
                .extracting(WebElement::getText)
                .containsExactly("1 year: €24,000.00 a year", "2 years: €21,600.00 a year (10 % off)",
                        "3 years: €20,400.00 a year (15 % off)");
        assertThat(negotiation.getName()).isEqualTo("Negotiate renewal with Letter Form Ltd — ends "
                + contractStart.plusYears(1).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)));
    }

    /** The renewal windows of a contract ending in a month are open already: their timers are due. */
    private void runDueTimers(ProcessInstance renewal) {
        managementService.createJobQuery().processInstanceId(renewal.getId()).timers().duedateLowerThen(new Date()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }
}
